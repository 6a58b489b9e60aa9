import L from 'leaflet';
import { TECHNOLOGY_COLOURS } from '../../geo/colour-scale.js';
import { bubbleRadius, mergeOverlappingBubbles, type Bubble } from './merge-bubbles.js';
import { preparePaddedCanvas } from './view-pad.js';
import type { GridCell, StationProps } from '../api.js';

export interface StationPoint { lon: number; lat: number; p: StationProps }
export type StationData = { kind: 'points'; points: StationPoint[] } | { kind: 'grid'; cells: GridCell[] } | { kind: 'none' };

export const SYMBOL = { g4: TECHNOLOGY_COLOURS['4G'], g5: TECHNOLOGY_COLOURS['5G'], ring: '#212529', bubble: '#495057' } as const;
const HIT_PX = 9;


/**
 * Stations drawn on one canvas (never one SVG node per station): 4G as circles, 5G as
 * triangles, a 5G on a 4G site with a ring; at low zoom, bubbles with the count per grid
 * cell. Fires `station:click` with the station, and `cluster:click` with a cell.
 */
export class StationsLayer extends L.Layer {
  // The canvas sits in a map pane, so a pan moves it for free; it is redrawn when the move ends.
  private canvas = document.createElement('canvas');
  private data: StationData = { kind: 'none' };
  private show = { g4: true, g5: true };
  private drawn = { g4: 0, g5: 0 };
  private format: (n: number) => string = String;
  /** The grid bubbles as drawn (after merging overlaps), in container pixels: what a click hits. */
  private bubbles: Bubble<GridCell>[] = [];

  override onAdd(map: L.Map): this {
    const pane = map.getPane('stations') ?? map.createPane('stations');
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
    this.canvas.className = 'stations-canvas';
    pane.appendChild(this.canvas);
    map.on('moveend zoomend viewreset resize', this.redraw, this);
    map.on('zoomstart', this.hide, this);
    map.on('click', this.onClick, this);
    map.on('mousemove', this.onHover, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend viewreset resize', this.redraw, this);
    map.off('zoomstart', this.hide, this);
    map.off('click', this.onClick, this);
    map.off('mousemove', this.onHover, this);
    this.canvas.remove();
    return this;
  }

  setData(data: StationData): void { this.data = data; this.redraw(); }
  setVisible(show: { g4: boolean; g5: boolean }): void { this.show = { ...show }; this.redraw(); }
  setNumberFormat(format: (n: number) => string): void { this.format = format; this.redraw(); }
  /** Markers (or stations inside bubbles) drawn now, per technology: what the tests count. */
  counts(): { g4: number; g5: number; kind: StationData['kind'] } { return { ...this.drawn, kind: this.data.kind }; }

  private hide(): void { this.canvas.style.visibility = 'hidden'; }

  private redraw(): void {
    const map = this._map;
    if (!map) return;
    const { ctx, box } = preparePaddedCanvas(map, this.canvas);
    this.drawn = { g4: 0, g5: 0 };
    this.bubbles = [];
    if (this.data.kind === 'points') this.drawPoints(ctx, map, this.data.points, box);
    else if (this.data.kind === 'grid') this.drawCells(ctx, map, this.data.cells, box);
    const el = map.getContainer();
    el.dataset.markers4g = String(this.drawn.g4);
    el.dataset.markers5g = String(this.drawn.g5);
    el.dataset.stationsKind = this.data.kind;
  }

  private drawPoints(ctx: CanvasRenderingContext2D, map: L.Map, points: StationPoint[], box: L.Bounds): void {
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#ffffff';
    // Smaller symbols when zoomed out, so the area colours and labels stay readable.
    const k = map.getZoom() < 11 ? 0.7 : map.getZoom() < 13 ? 0.85 : 1;
    for (const tech of ['4G', '5G'] as const) {
      if (!(tech === '4G' ? this.show.g4 : this.show.g5)) continue;
      ctx.fillStyle = tech === '4G' ? SYMBOL.g4 : SYMBOL.g5;
      for (const s of points) {
        if (s.p.technology !== tech) continue;
        const pt = map.latLngToContainerPoint([s.lat, s.lon]);
        if (pt.x < box.min!.x || pt.y < box.min!.y || pt.x > box.max!.x || pt.y > box.max!.y) continue;
        if (tech === '4G') drawCircle(ctx, pt.x, pt.y, 3.5 * k);
        else drawTriangle(ctx, pt.x, pt.y, 5.5 * k, s.p.colocated);
        if (tech === '4G') this.drawn.g4++; else this.drawn.g5++;
      }
    }
  }

  private drawCells(ctx: CanvasRenderingContext2D, map: L.Map, cells: GridCell[], box: L.Bounds): void {
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const shown: Bubble<GridCell>[] = [];
    for (const cell of cells) {
      const n4 = this.show.g4 ? cell.n4g : 0;
      const n5 = this.show.g5 ? cell.n5g : 0;
      if (n4 + n5 === 0) continue;
      const pt = map.latLngToContainerPoint([cell.lat, cell.lon]);
      const r = bubbleRadius(n4 + n5);
      if (pt.x < box.min!.x - r || pt.y < box.min!.y - r || pt.x > box.max!.x + r || pt.y > box.max!.y + r) continue;
      shown.push({ x: pt.x, y: pt.y, n4, n5, cell });
    }
    this.bubbles = mergeOverlappingBubbles(shown, bubbleRadius);
    for (const { x, y, n4, n5 } of this.bubbles) {
      const n = n4 + n5;
      const pt = { x, y };
      const r = bubbleRadius(n);
      this.drawn.g4 += n4; this.drawn.g5 += n5;
      ctx.fillStyle = SYMBOL.g4;
      ctx.beginPath(); ctx.arc(pt.x, pt.y, r, 0, Math.PI * 2); ctx.fill();
      if (n5 > 0) {
        ctx.fillStyle = SYMBOL.g5;
        ctx.beginPath(); ctx.moveTo(pt.x, pt.y);
        ctx.arc(pt.x, pt.y, r, -Math.PI / 2, -Math.PI / 2 + (2 * Math.PI * n5) / n); ctx.closePath(); ctx.fill();
      }
      ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.arc(pt.x, pt.y, r, 0, Math.PI * 2); ctx.stroke();
      ctx.fillStyle = 'rgba(255,255,255,0.92)';
      ctx.beginPath(); ctx.arc(pt.x, pt.y, r * 0.62, 0, Math.PI * 2); ctx.fill();
      ctx.fillStyle = '#212529';
      ctx.fillText(this.format(n), pt.x, pt.y + 0.5);
    }
  }

  private nearest(e: L.LeafletMouseEvent): { station?: StationPoint; cell?: GridCell } {
    const map = this._map;
    let best: { d: number; station?: StationPoint; cell?: GridCell } = { d: Infinity };
    if (this.data.kind === 'points') {
      for (const s of this.data.points) {
        if (!(s.p.technology === '4G' ? this.show.g4 : this.show.g5)) continue;
        const d = map.latLngToContainerPoint([s.lat, s.lon]).distanceTo(e.containerPoint);
        // 5G drawn on top wins a tie, as the eye sees it.
        if (d <= HIT_PX && (d < best.d || (d === best.d && s.p.technology === '5G'))) best = { d, station: s };
      }
    } else if (this.data.kind === 'grid') {
      for (const b of this.bubbles) {
        const d = Math.hypot(b.x - e.containerPoint.x, b.y - e.containerPoint.y);
        if (d <= bubbleRadius(b.n4 + b.n5) && d < best.d) best = { d, cell: b.cell };
      }
    }
    return best;
  }

  private onClick(e: L.LeafletMouseEvent): void {
    const hit = this.nearest(e);
    if (hit.station) this.fire('station:click', { station: hit.station, latlng: L.latLng(hit.station.lat, hit.station.lon) });
    else if (hit.cell) this.fire('cluster:click', { cell: hit.cell });
  }

  private onHover(e: L.LeafletMouseEvent): void {
    const hit = this.nearest(e);
    this._map.getContainer().classList.toggle('over-station', Boolean(hit.station || hit.cell));
  }
}

export { bubbleRadius };

export function drawCircle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath(); ctx.arc(x, y, r, 0, Math.PI * 2); ctx.fill(); ctx.stroke();
}

export function drawTriangle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, ring: boolean): void {
  if (ring) {
    ctx.save(); ctx.strokeStyle = SYMBOL.ring; ctx.lineWidth = r > 5 ? 1.5 : 1;
    ctx.beginPath(); ctx.arc(x, y, r + 2.5, 0, Math.PI * 2); ctx.stroke(); ctx.restore();
  }
  ctx.beginPath();
  ctx.moveTo(x, y - r); ctx.lineTo(x + r * 0.95, y + r * 0.7); ctx.lineTo(x - r * 0.95, y + r * 0.7); ctx.closePath();
  ctx.fill(); ctx.stroke();
}
