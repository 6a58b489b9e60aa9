/** DOM building without innerHTML: every string from the API becomes a text node or an attribute. */
type Attr = string | number | null | undefined;
type Child = Node | string | number | null | undefined | false;

function fill<E extends Element>(el: E, attrs: Record<string, Attr>, children: Child[]): E {
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  return el;
}

export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]) =>
  fill(document.createElement(tag), attrs, children);

export const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]) =>
  fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
