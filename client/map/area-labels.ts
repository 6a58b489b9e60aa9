import L from 'leaflet';
import { preparePaddedCanvas } from './view-pad.js';

export interface LabelAnchor { code: string; lon: number; lat: number; bounds: L.LatLngBounds }
export interface LabelText { name: string; sub: string; ink: string; dark: boolean }

const NAME_FONT = '600 12px "Segoe UI", system-ui, "Noto Sans", Roboto, Arial, sans-serif';
const SUB_FONT = '500 11px "Segoe UI", system-ui, "Noto Sans", Roboto, Arial, sans-serif';
/** Never more labels than this on screen, however many areas fit. */
const MAX_LABELS = 200;

/**
 * Area labels on one canvas in their own pane: a pan moves it with the map (no per-label DOM
 * layer to composite), it is redrawn when the move ends. A label is drawn only where it fits
 * its area and does not collide with a bigger area's label, so a national view of 700 small
 * areas shows none until the user zooms in.
 */
export class AreaLabels extends L.Layer {
  private canvas = document.createElement('canvas');
  private anchors: LabelAnchor[] = [];
  private texts = new Map<string, LabelText>();
  private drawnCodes: string[] = [];

  override onAdd(map: L.Map): this {
    const pane = map.getPane('areaLabels') ?? map.createPane('areaLabels');
    pane.style.zIndex = '460';
    pane.style.pointerEvents = 'none';
    this.canvas.className = 'area-labels-canvas';
    this.canvas.setAttribute('aria-hidden', 'true'); // the table says the same, readably
    pane.appendChild(this.canvas);
    map.on('moveend zoomend viewreset resize', this.redraw, this);
    map.on('zoomstart', this.hide, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend viewreset resize', this.redraw, this);
    map.off('zoomstart', this.hide, this);
    this.canvas.remove();
    return this;
  }

  setAnchors(anchors: LabelAnchor[]): void { this.anchors = anchors; this.redraw(); }
  setTexts(texts: Map<string, LabelText>): void { this.texts = texts; this.redraw(); }
  shown(): string[] { return [...this.drawnCodes]; }

  private hide(): void { this.canvas.style.visibility = 'hidden'; }

  private redraw(): void {
    const map = this._map;
    if (!map) return;
    const { ctx, box } = preparePaddedCanvas(map, this.canvas);
    this.drawnCodes = [];
    const placed = this.place(map, ctx, box);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const p of placed) {
      ctx.lineWidth = 4; // a halo wide enough to read a label over the station bubbles under it
      ctx.strokeStyle = p.text.dark ? 'rgba(0,0,0,0.8)' : 'rgba(255,255,255,0.95)';
      ctx.fillStyle = p.text.ink;
      ctx.font = NAME_FONT;
      ctx.strokeText(p.text.name, p.x, p.y - 6.5); ctx.fillText(p.text.name, p.x, p.y - 6.5);
      ctx.font = SUB_FONT;
      ctx.strokeText(p.text.sub, p.x, p.y + 7); ctx.fillText(p.text.sub, p.x, p.y + 7);
      this.drawnCodes.push(p.code);
    }
    map.getContainer().dataset.labels = String(placed.length);
  }

  /** Labels that fit their area's box on screen, biggest areas first, none overlapping. */
  private place(map: L.Map, ctx: CanvasRenderingContext2D, box: L.Bounds) {
    const candidates = [];
    for (const a of this.anchors) {
      const text = this.texts.get(a.code);
      if (!text) continue;
      const pt = map.latLngToContainerPoint([a.lat, a.lon]);
      if (!box.contains(pt)) continue;
      const nw = map.latLngToContainerPoint(a.bounds.getNorthWest()), se = map.latLngToContainerPoint(a.bounds.getSouthEast());
      const w = se.x - nw.x, hgt = se.y - nw.y;
      if (hgt < 26 || w < 30) continue;
      candidates.push({ code: a.code, text, x: pt.x, y: pt.y, w, size: w * hgt });
    }
    candidates.sort((a, b) => b.size - a.size);
    const placed: { code: string; text: LabelText; x: number; y: number; r: L.Bounds }[] = [];
    for (const cnd of candidates) {
      if (placed.length >= MAX_LABELS) break;
      ctx.font = NAME_FONT;
      let tw = ctx.measureText(cnd.text.name).width;
      ctx.font = SUB_FONT;
      tw = Math.max(tw, ctx.measureText(cnd.text.sub).width);
      if (tw > cnd.w * 1.25) continue;
      const r = L.bounds([cnd.x - tw / 2 - 3, cnd.y - 15], [cnd.x + tw / 2 + 3, cnd.y + 15]);
      if (placed.some((p) => p.r.intersects(r))) continue;
      placed.push({ code: cnd.code, text: cnd.text, x: cnd.x, y: cnd.y, r });
    }
    return placed;
  }
}
