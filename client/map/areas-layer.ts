import L from 'leaflet';
import type { AreaFeature } from '../api.js';
import { h } from '../dom.js';
import { labelPoint } from './label-point.js';

export interface AreaStyle { fill: string; ink: string; label: string; sublabel: string; hover: string }

/**
 * The areas of a set as SVG paths (few hundred at most; the stations are the canvas' job),
 * with a label each. Fires `area:click` and `area:hover` with the area code.
 */
export class AreasLayer extends L.Layer {
  private group = L.featureGroup();
  private labels = L.layerGroup();
  private paths = new Map<string, L.Polygon>();
  private labelEls = new Map<string, { box: HTMLElement; name: HTMLElement; sub: HTMLElement }>();
  private focus = { selected: null as string | null, filter: [] as string[] };

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
    this.group.clearLayers(); this.labels.clearLayers(); this.paths.clear(); this.labelEls.clear();
    const renderer = L.svg({ padding: 0.5 });
    for (const f of features) {
      const layer = L.geoJSON(f as GeoJSON.Feature, {
        style: { renderer, className: 'area-shape', weight: 1.2, color: '#ffffff', fillOpacity: 0.78 } as L.PathOptions,
      }).getLayers()[0] as L.Polygon;
      layer.on('click', () => this.fire('area:click', { code: f.id }));
      layer.on('mouseover', () => { layer.setStyle({ weight: 3 }); this.fire('area:hover', { code: f.id }); });
      layer.on('mouseout', () => { this.restyle(f.id); this.fire('area:hover', { code: null }); });
      this.group.addLayer(layer);
      this.paths.set(f.id, layer);
      (layer as unknown as { getElement?: () => Element }).getElement?.()?.setAttribute('data-area', f.id);
      const at = labelPoint(f.geometry);
      if (at) {
        const name = h('span', { class: 'area-label-name' });
        const sub = h('span', { class: 'area-label-sub' });
        const box = h('div', { class: 'area-label-box' }, name, sub);
        this.labelEls.set(f.id, { box, name, sub });
        this.labels.addLayer(L.marker([at[1], at[0]], {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'area-label', html: box, iconSize: [0, 0] }),
        }));
      }
    }
    this.markPaths();
  }

  /** data-area on each path, once Leaflet has created the SVG elements (tests and styling). */
  private markPaths(): void {
    for (const [code, layer] of this.paths) layer.getElement()?.setAttribute('data-area', code);
  }

  private styles = new Map<string, AreaStyle>();

  setStyles(styles: Map<string, AreaStyle>): void {
    this.styles = styles;
    for (const code of this.paths.keys()) this.restyle(code);
    this.markPaths();
  }

  setFocus(selected: string | null, filter: readonly string[]): void {
    this.focus = { selected, filter: [...filter] };
    for (const code of this.paths.keys()) this.restyle(code);
    if (selected) this.paths.get(selected)?.bringToFront();
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

  private restyle(code: string): void {
    const layer = this.paths.get(code);
    const st = this.styles.get(code);
    if (!layer) return;
    const outside = this.focus.filter.length > 0 && !this.focus.filter.includes(code);
    const selected = this.focus.selected === code;
    layer.setStyle({
      fillColor: st?.fill ?? '#e9ecef',
      fillOpacity: outside ? 0.18 : 0.78,
      color: selected ? '#101828' : '#ffffff',
      weight: selected ? 3.5 : 1.2,
    });
    layer.getElement()?.classList.toggle('is-selected', selected);
    layer.getElement()?.classList.toggle('is-outside', outside);
    const label = this.labelEls.get(code);
    if (label && st) {
      label.name.textContent = st.label;
      label.sub.textContent = st.sublabel;
      label.box.style.color = outside ? '#6c757d' : st.ink;
      label.box.classList.toggle('on-dark', st.ink === '#ffffff' && !outside);
    }
  }
}
