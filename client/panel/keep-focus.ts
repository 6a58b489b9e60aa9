/**
 * The selector that finds "the same" control after its part of the page is rebuilt: its test
 * id, plus the value for a checkbox of a list (several share one test id).
 */
function selectorOf(el: Element): string | null {
  const id = el.getAttribute('data-testid');
  if (!id) return null;
  const base = `[data-testid="${CSS.escape(id)}"]`;
  return el instanceof HTMLInputElement && el.type === 'checkbox' ? `${base}[value="${CSS.escape(el.value)}"]` : base;
}

/**
 * Rebuilds `host` with `rebuild` and gives the keyboard focus back to the equivalent control
 * (WCAG 2.4.3): without it each filter change sends focus to <body>, so arrow keys stop moving
 * the slider and ticking a second box means tabbing through the header again. A control that
 * is gone (the "all" link once nothing is chosen) hands focus to its dropdown's summary.
 */
export function rebuildKeepingFocus(host: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && active !== host && host.contains(active);
  const selector = inside ? selectorOf(active) : null;
  const dropdown = inside ? active.closest('details[data-testid]')?.getAttribute('data-testid') : null;
  rebuild();
  if (!inside) return;
  const again = (selector && host.querySelector<HTMLElement>(selector))
    || (dropdown ? host.querySelector<HTMLElement>(`details[data-testid="${CSS.escape(dropdown)}"] > summary`) : null);
  again?.focus({ preventScroll: true });
}
