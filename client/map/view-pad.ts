import L from 'leaflet';

/**
 * Share of the view drawn beyond each edge by the map's canvases (areas, labels, stations),
 * so a pan shows drawn content until it ends and they are redrawn. Kept small on purpose:
 * Chromium copies each software canvas whole on every frame of a pan, so the copied pixels
 * grow with (1 + 2 × VIEW_PAD)² per canvas (0.5 cost 4× the view, 0.15 costs 1.7×).
 */
export const VIEW_PAD = 0.15;

/**
 * Sizes and places a canvas over the view plus VIEW_PAD on each side (in device pixels),
 * clears it, and returns a context that draws in container pixels, with the box of container
 * points it covers. Shared by the canvas layers that Leaflet's own renderer does not draw.
 */
export function preparePaddedCanvas(map: L.Map, c: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; box: L.Bounds } {
  const view = map.getSize();
  const pad = view.multiplyBy(VIEW_PAD).round();
  const full = view.add(pad.multiplyBy(2));
  const ratio = window.devicePixelRatio || 1;
  if (c.width !== full.x * ratio || c.height !== full.y * ratio) {
    c.width = full.x * ratio; c.height = full.y * ratio;
    c.style.width = `${full.x}px`; c.style.height = `${full.y}px`;
  }
  L.DomUtil.setPosition(c, map.containerPointToLayerPoint(pad.multiplyBy(-1)));
  c.style.visibility = 'visible';
  const ctx = c.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, c.width, c.height);
  // Draw in container pixels: the transform shifts them by the padding.
  ctx.setTransform(ratio, 0, 0, ratio, pad.x * ratio, pad.y * ratio);
  return { ctx, box: L.bounds(pad.multiplyBy(-1), view.add(pad)) };
}
