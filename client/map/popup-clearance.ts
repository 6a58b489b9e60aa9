import type L from 'leaflet';

const MARGIN = 8;
type Box = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const shifted = (b: Box, x: number, y: number): Box => ({ left: b.left + x, right: b.right + x, top: b.top + y, bottom: b.bottom + y });

/** The shift (in pixels, + right/down) that brings `box` inside `view`, as Leaflet's autoPan does. */
function intoView(box: Box, view: Box): { x: number; y: number } {
  const x = box.left < view.left + MARGIN ? view.left + MARGIN - box.left : Math.min(0, view.right - MARGIN - box.right);
  const y = box.top < view.top + MARGIN ? view.top + MARGIN - box.top : Math.min(0, view.bottom - MARGIN - box.bottom);
  return { x, y };
}

/**
 * Pans the map so that an open popup (opened with autoPan off: this does its job) is inside
 * the map and not under `cover` (the pinned area card, which floats
 * above the map panes: no z-index can lift a popup over it). The popup moves right of the card
 * or below it, whichever is the shorter pan that keeps it inside the map; when neither fits (a
 * phone), the card steps aside until the popup closes.
 */
export function keepPopupClearOf(map: L.Map, popup: L.Popup, cover: Element | null): void {
  const el = popup.getElement();
  if (!el) return;
  const view = map.getContainer().getBoundingClientRect();
  const start = intoView(el.getBoundingClientRect(), view);
  const box = shifted(el.getBoundingClientRect(), start.x, start.y);
  const card = cover?.getBoundingClientRect();
  const pan = (o: { x: number; y: number }) => { if (o.x || o.y) map.panBy([-o.x, -o.y], { animate: false }); };
  if (!card || !overlaps(box, card)) return pan(start);
  const best = [
    { x: card.right + MARGIN - box.left, y: 0 }, // to the right of the card
    { x: 0, y: card.bottom + MARGIN - box.top }, // below the card
  ].filter((o) => {
    const b = shifted(box, o.x, o.y);
    return b.right <= view.right - MARGIN && b.bottom <= view.bottom - MARGIN;
  }).sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y))[0];
  if (best) return pan({ x: start.x + best.x, y: start.y + best.y });
  pan(start);
  const host = cover!.parentElement;
  if (!host) return;
  host.classList.add('is-under-popup');
  popup.once('remove', () => host.classList.remove('is-under-popup'));
}
