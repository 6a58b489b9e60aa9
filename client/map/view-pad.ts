/**
 * Share of the view drawn beyond each edge by the map's canvases (areas, labels, stations),
 * so a pan shows drawn content until it ends and they are redrawn. Kept small on purpose:
 * Chromium copies each software canvas whole on every frame of a pan, so the copied pixels
 * grow with (1 + 2 × VIEW_PAD)² per canvas (0.5 cost 4× the view, 0.15 costs 1.7×).
 */
export const VIEW_PAD = 0.15;
