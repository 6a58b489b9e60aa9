/**
 * DOM building without innerHTML: every string becomes a text node or an attribute value, so
 * names and codes from uploads are always shown as text, never parsed as markup.
 */
type Attr = string | number | boolean | null | undefined | ((ev: any) => void);
type Child = Node | string | number | null | undefined | false;

function apply(el: Element, attrs: Record<string, Attr>, children: Child[]) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    // Through CSSOM, not the style attribute: the app's CSP (style-src 'self') blocks the latter.
    else if (k === 'style') (el as HTMLElement | SVGElement).style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, Attr> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs, children);
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  apply(el, {}, children);
}

/** For the one place Leaflet wants an HTML string (the attribution): the text, escaped. */
export function escapeHtml(text: string): string {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}
