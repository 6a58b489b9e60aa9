import L from 'leaflet';
import type { AreaFeature } from '../api.js';
import { AreaLabels } from './area-labels.js';
import { labelPoint } from './label-point.js';
import { VIEW_PAD } from './view-pad.js';

export interface AreaStyle { fill: string; ink: string; label: string; sublabel: string; hover: string }
/** What the map shows for one area: what the tests read instead of counting DOM nodes. */
export interface AreaShape { code: string; drawn: boolean; selected: boolean; outside: boolean; fill: string }

/**
 * The areas of a set on one canvas (Leaflet's canvas renderer: 700 SVG paths are too much for
 * a software compositor while panning), hovered and clicked through Leaflet's canvas
 * hit-testing, with labels drawn on a second canvas (see AreaLabels). Fires `area:click` and
 * `area:hover` with the area code.
 */
export class AreasLayer extends L.Layer {
  private renderer = L.canvas({ padding: VIEW_PAD, tolerance: 0 });
  private group = L.featureGroup();
  private labels = new AreaLabels();
  private paths = new Map<string, L.Polygon>();
  private focus = { selected: null as string | null, filter: [] as string[] };
  private styles = new Map<string, AreaStyle>();

  override onAdd(map: L.Map): this {
    this.group.addTo(map);
    this.labels.addTo(map);
    return this;
  }

  override onRemove(map: L.Map): this {
    map.removeLayer(this.group);
    map.removeLayer(this.labels);
    return this;
  }

  setFeatures(features: AreaFeature[]): void {
    this.group.clearLayers(); this.paths.clear();
    const labels = [];
    for (const f of features) {
      const layer = L.geoJSON(f as GeoJSON.Feature, {
        style: { renderer: this.renderer, weight: 1.2, color: '#ffffff', fillOpacity: 0.78 } as L.PathOptions,
      }).getLayers()[0] as L.Polygon;
      layer.on('click', () => this.fire('area:click', { code: f.id }));
      layer.on('mouseover', () => { layer.setStyle({ weight: 3 }); this.fire('area:hover', { code: f.id }); });
      layer.on('mouseout', () => { this.restyle(f.id); this.fire('area:hover', { code: null }); });
      this.group.addLayer(layer);
      this.paths.set(f.id, layer);
      const at = labelPoint(f.geometry);
      if (at) labels.push({ code: f.id, lon: at[0], lat: at[1], bounds: layer.getBounds() });
    }
    this.labels.setAnchors(labels);
  }

  setStyles(styles: Map<string, AreaStyle>): void {
    this.styles = styles;
    for (const code of this.paths.keys()) this.restyle(code);
    this.relabel();
  }

  setFocus(selected: string | null, filter: readonly string[]): void {
    this.focus = { selected, filter: [...filter] };
    for (const code of this.paths.keys()) this.restyle(code);
    if (selected) this.paths.get(selected)?.bringToFront();
    this.relabel();
  }

  boundsOf(codes: readonly string[]): L.LatLngBounds | null {
    const b = L.latLngBounds([]);
    for (const c of codes) { const p = this.paths.get(c); if (p) b.extend(p.getBounds()); }
    return b.isValid() ? b : null;
  }

  allBounds(): L.LatLngBounds | null {
    return this.paths.size ? this.group.getBounds() : null;
  }

  count(): number { return this.paths.size; }

  /** Each area as drawn: on the renderer's canvas or not, and with which emphasis. */
  shapes(): AreaShape[] {
    const onCanvas = (this.renderer as unknown as { _layers: Record<number, unknown> })._layers ?? {};
    return [...this.paths].map(([code, layer]) => ({
      code, drawn: L.stamp(layer) in onCanvas, fill: String(layer.options.fillColor),
      selected: this.isSelected(code), outside: this.isOutside(code),
    }));
  }

  /** The labels drawn now (codes), after culling those that do not fit or collide. */
  labelled(): string[] { return this.labels.shown(); }

  private isOutside(code: string): boolean { return this.focus.filter.length > 0 && !this.focus.filter.includes(code); }
  private isSelected(code: string): boolean { return this.focus.selected === code; }

  private restyle(code: string): void {
    const layer = this.paths.get(code);
    if (!layer) return;
    const outside = this.isOutside(code);
    const selected = this.isSelected(code);
    layer.setStyle({
      fillColor: this.styles.get(code)?.fill ?? '#e9ecef',
      fillOpacity: outside ? 0.18 : 0.78,
      color: selected ? '#101828' : '#ffffff',
      weight: selected ? 3.5 : 1.2,
    });
  }

  private relabel(): void {
    this.labels.setTexts(new Map([...this.styles].map(([code, st]) => {
      const outside = this.isOutside(code);
      return [code, { name: st.label, sub: st.sublabel, ink: outside ? '#6c757d' : st.ink, dark: st.ink === '#ffffff' && !outside }];
    })));
  }
}
