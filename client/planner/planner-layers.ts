import L from 'leaflet';
import { fill, h } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import type { CoverageBody, Pick } from './planner-api.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/**
 * The numbered picks: one lightweight DivIcon per pick (its rank as text, never markup), above
 * the station layers. `data-picks` on the map element counts what is drawn.
 */
export class PicksLayer {
  private group = L.layerGroup([], { pane: 'markerPane' });
  private byKey = new Map<string, L.Marker>();
  private map: L.Map | null = null;

  private shown: { picks: readonly Pick[] | null; visible: boolean } | null = null;

  attach(map: L.Map): void {
    this.map = map;
    map.on('zoomend', () => this.scale());
  }

  /** Zoomed out over many picks, numbers would overlap: plain dots until zoom 12. */
  private scale(): void {
    if (!this.map) return;
    this.map.getContainer().classList.toggle('plan-picks-small', this.byKey.size > 150 && this.map.getZoom() < 12);
  }

  setPicks(picks: readonly Pick[] | null, visible: boolean): void {
    if (!this.map || (this.shown?.picks === picks && this.shown.visible === visible)) return;
    this.shown = { picks, visible };
    this.group.clearLayers();
    this.byKey.clear();
    for (const p of visible ? picks ?? [] : []) {
      const el = h('span', { class: 'plan-pick-icon', 'data-rank': p.rank, 'data-code': p.code, 'data-operator': p.operator }, String(p.rank));
      const marker = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ className: 'plan-pick', html: el, iconSize: [22, 22], iconAnchor: [11, 11] }),
        keyboard: false, title: `${p.rank}. ${p.operator} ${p.code}`, zIndexOffset: 1000,
      });
      this.group.addLayer(marker);
      this.byKey.set(`${p.operator}/${p.code}`, marker);
    }
    if (visible && !this.map.hasLayer(this.group)) this.group.addTo(this.map);
    if (!visible) this.group.remove();
    this.map.getContainer().dataset.picks = String(this.byKey.size);
    this.scale();
  }

  /** Zooms to a pick and makes its marker stand out. */
  focus(p: Pick): void {
    if (!this.map) return;
    this.map.setView([p.lat, p.lon], Math.max(this.map.getZoom(), 14));
    for (const m of this.byKey.values()) m.getElement()?.classList.remove('is-focus');
    this.byKey.get(`${p.operator}/${p.code}`)?.getElement()?.classList.add('is-focus');
  }
}

/** The modelled 5G coverage: a translucent fill, not interactive, under the markers. */
export class CoverageLayer {
  private layer: L.GeoJSON | null = null;
  private map: L.Map | null = null;

  attach(map: L.Map): void { this.map = map; }

  setCoverage(cov: CoverageBody | null, visible: boolean): void {
    this.layer?.remove();
    this.layer = null;
    if (!this.map) return;
    const features = visible ? cov?.coverage.features ?? [] : [];
    if (features.length) {
      this.layer = L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
        interactive: false, style: () => ({ className: 'plan-coverage', stroke: false, fillColor: '#2c7bb6', fillOpacity: 0.3 }),
      }).addTo(this.map);
    }
    this.map.getContainer().dataset.coverage = String(features.length);
  }
}

const radiiText = (r: { urban: number; suburban: number; rural: number }) => `${r.urban} / ${r.suburban} / ${r.rural}`;

/** The planner's layer switches (under the station switches), the coverage always labelled as modelled with its radii. */
export class PlannerLayersControl extends L.Control {
  private box = h('div', { class: 'layers-box plan-layers', 'data-testid': 'plan-layers' });
  constructor() { super({ position: 'topright' }); }
  override onAdd(): HTMLElement { L.DomEvent.disableClickPropagation(this.box); return this.box; }

  update(t: T, on: { picks: boolean; cov: boolean }, radii: CoverageBody['radiiKm'] | null, change: (l: { picks: boolean; cov: boolean }) => void): void {
    const toggle = (key: 'picks' | 'cov', ...label: (string | HTMLElement)[]) =>
      h('label', { class: 'layer-toggle' },
        h('input', { type: 'checkbox', 'data-testid': `layer-${key}`, checked: on[key], onchange: (e: Event) => change({ ...on, [key]: (e.target as HTMLInputElement).checked }) }),
        h('span', { class: `plan-swatch plan-swatch-${key}`, 'aria-hidden': 'true' }), ...label);
    fill(this.box,
      toggle('picks', t('planPicksLayer')),
      toggle('cov', t('planCoverageLayer'), ' ', h('span', { class: 'plan-modelled' }, `(${t('planModelled')})`)),
      radii ? h('div', { class: 'layer-note', 'data-testid': 'plan-radii' }, t('planRadii', { radii: radiiText(radii['5G']) })) : null);
  }
}

export { radiiText };
