import L from 'leaflet';
import { parseTargetShare } from '../geo/parse-target-share.js';
import { authApi } from './auth/auth-api.js';
import { api, ApiError, type AreasBody, type BoundarySet, type ClientConfig, type Facets, type StatsQuery, type StationQuery } from './api.js';
import { bandColour, labelInk, progressBand } from '../geo/colour-scale.js';
import { escapeHtml, fill, h } from './dom.js';
import { areaCsvQuery, downloadAreaTableCsv, downloadText, exportFileName } from './export.js';
import { figuresOfStats, figuresOfWhatIf, sortRows, type Figures, type OperatorFigures, type StatsBody } from './figures.js';
import { formatBp, formatCompact, formatDate, formatInt, formatRatio } from './format.js';
import { translate, type Lang, type MessageKey } from './i18n.js';
import { followLangChanges, pageLang, rememberLang } from './lang.js';
import { AreasLayer, type AreaStyle } from './map/areas-layer.js';
import { LayersControl, LegendControl } from './map/controls.js';
import { StationLoader } from './map/station-loader.js';
import { StationsLayer } from './map/stations-layer.js';
import { renderAreaCard, renderStationPopup } from './panel/area-card.js';
import { renderAreaTable } from './panel/area-table.js';
import { renderChart } from './panel/chart.js';
import { renderFilters } from './panel/filters.js';
import { rebuildKeepingFocus } from './panel/keep-focus.js';
import { keepPopupClearOf } from './map/popup-clearance.js';
import { renderTotals } from './panel/totals.js';
import { renderPanelTabs } from './planner/planner-tabs.js';
import { PlannerView, type ShownWhatIf } from './planner/planner-view.js';
import { buildShell, renderHeader } from './shell.js';
import { figuresKey, parseState, serializeState, stationsKey, type ViewState } from './state.js';

/** Wires the view state to the API, the map and the panel; the state lives in the URL, the language also in the app-wide choice. */
export class PlannerApp {
  state: ViewState = { ...parseState(location.search), lang: pageLang() };
  private ui = buildShell(document.getElementById('app')!);
  private map!: L.Map;
  private areasLayer = new AreasLayer();
  private stations = new StationsLayer();
  private legend = new LegendControl();
  private layersCtl = new LayersControl();
  private planner = new PlannerView({
    state: () => this.state, t: (k, v) => this.t(k, v), change: (p) => this.change(p),
    operators: () => this.facets.operators, setName: () => this.stats?.set.name ?? '',
    showWhatIf: (w) => this.showWhatIf(w),
  });
  /** A what-if trial shown on the map, the table and the card, not saved; `areas`: the selection it was asked with. */
  private whatIf: { shown: ShownWhatIf; areas: string } | null = null;
  private loader = new StationLoader((d) => this.stations.setData(d), (e) => {
    // Station-level data needs an account; anonymous visitors still get the area figures.
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) { this.stations.setData({ kind: 'none' }); this.notice(this.t('signInForStations')); }
    else this.showError(e);
  });
  private sets: BoundarySet[] = [];
  private facets: Facets = { operators: [], commissioned: { first: null, last: null } };
  private areas: AreasBody | null = null;
  /** The view's figures for every area (GET /api/stats), and for the selected areas with their total (the same with `area`). */
  private stats: StatsBody | null = null;
  private selected: StatsBody | null = null;
  private card: { code: string; operators: OperatorFigures[] | 'loading' | null } | null = null;
  private cardAsked: string | null = null;
  private hover: string | null = null;
  /** The station popup open now: kept clear of the area card, also when the card changes under it. */
  private stationPopup: L.Popup | null = null;
  /** Station data needs an account (server/auth/policy.ts): signed out, the map asks for none. */
  private signedIn = false;

  private t = (key: MessageKey, vars?: Record<string, string>) => translate(this.state.lang, key, vars);

  async start(): Promise<void> {
    this.renderChrome();
    this.notice(this.t('loading'));
    const [config, sets, facets, me] = await Promise.all([api.config(), api.boundarySets(), api.facets(), authApi.me().catch(() => null)]);
    this.signedIn = Boolean(me?.user);
    this.sets = sets;
    this.facets = facets;
    this.createMap(config);
    await this.loadSet();
    if (this.signedIn) this.notice(null);
    else this.notice(this.t('signInForStations'), false, 'signInForStations');
    window.addEventListener('popstate', () => void this.apply({ ...parseState(location.search), lang: pageLang() }, false));
    followLangChanges((lang) => { if (lang !== this.state.lang) void this.apply({ ...this.state, lang }, false).then(() => this.writeUrl(false)); });
  }

  private createMap(config: ClientConfig): void {
    const mapEl = this.ui.mapEl;
    this.map = L.map(mapEl, { preferCanvas: false, zoomSnap: 0.5, worldCopyJump: false, attributionControl: true });
    L.tileLayer(config.tileUrl, { attribution: escapeHtml(config.tileAttribution), maxZoom: 19, crossOrigin: true }).addTo(this.map);
    this.areasLayer.addTo(this.map);
    this.stations.addTo(this.map);
    this.legend.addTo(this.map);
    this.layersCtl.addTo(this.map);
    this.planner.attach(this.map);
    L.control.scale({ imperial: false, position: 'bottomright', updateWhenIdle: true }).addTo(this.map);
    this.areasLayer.on('area:click', (e) => this.selectArea((e as unknown as { code: string }).code, false));
    this.areasLayer.on('area:hover', (e) => { this.hover = (e as unknown as { code: string | null }).code; this.renderCard(); });
    this.stations.on('station:click', (e) => {
      const { station, latlng } = e as unknown as { station: { p: import('./api.js').StationProps }; latlng: L.LatLng };
      const popup = L.popup({ maxWidth: 300, autoPan: false }).setLatLng(latlng).setContent(renderStationPopup(this.t, this.state.lang, station.p)).openOn(this.map);
      this.stationPopup = popup;
      popup.once('remove', () => { if (this.stationPopup === popup) this.stationPopup = null; });
      keepPopupClearOf(this.map, popup, this.ui.card.querySelector('.area-card'));
    });
    this.stations.on('cluster:click', (e) => {
      const { cell } = e as unknown as { cell: { lat: number; lon: number } };
      this.map.setView([cell.lat, cell.lon], this.map.getZoom() + 2);
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.state = { ...this.state, map: { zoom: this.map.getZoom(), lat: c.lat, lon: c.lng } };
      this.writeUrl(false);
      this.loadStations();
    });
    (window as unknown as { __planner: unknown }).__planner = { map: this.map, app: this, stations: this.stations, areas: this.areasLayer };
  }

  /** Applies a new state: reloads only what depends on what changed, then redraws. */
  async apply(next: ViewState, push = true): Promise<void> {
    const prev = this.state;
    this.state = next;
    if (push) this.writeUrl(true);
    const rescoped = figuresKey(next) !== figuresKey(prev) || next.target !== prev.target;
    if (this.whatIf && rescoped) { this.whatIf = null; this.notice(null); } // the trial was for the old scope
    if (next.set !== prev.set) return this.loadSet();
    if (rescoped) {
      await this.loadFigures();
      // The card's breakdown was for the old date or target.
      if (this.card) { this.card = { code: this.card.code, operators: 'loading' }; this.loadCardOperators(this.card.code); }
    }
    else if (next.areas.join() !== prev.areas.join()) await this.loadSelection();
    if (this.whatIf && this.whatIf.areas !== next.areas.join()) await this.reaskWhatIf();
    if (stationsKey(next) !== stationsKey(prev)) this.loadStations(true);
    if (next.map && (next.map.zoom !== prev.map?.zoom || next.map.lat !== prev.map.lat || next.map.lon !== prev.map.lon) && !push) {
      this.map.setView([next.map.lat, next.map.lon], next.map.zoom);
    }
    if (next.areas.join() !== prev.areas.join() && next.areas.length) this.fitTo(next.areas);
    this.render();
  }

  change = (patch: Partial<ViewState>) => void this.apply({ ...this.state, ...patch });

  private async loadSet(): Promise<void> {
    try {
      this.areas = await api.areas(this.state.set ?? undefined);
      this.areasLayer.setFeatures(this.areas.features);
      await this.loadFigures();
      const v = this.state.map;
      if (v) this.map.setView([v.lat, v.lon], v.zoom);
      else if (this.state.areas.length) this.fitTo(this.state.areas);
      else { const b = this.areasLayer.allBounds(); if (b) this.map.fitBounds(b, { padding: [16, 16] }); else this.map.setView([16, 106], 6); }
      this.render();
      if (this.state.selected && !this.card) this.selectArea(this.state.selected, false);
      this.loadStations();
      this.ui.mapEl.dataset.areasDrawn = String(this.areasLayer.count());
    } catch (err) {
      this.showError(err);
    }
  }

  private loadStations(force = false): void {
    if (this.signedIn) void this.loader.load(this.map, this.stationQuery(), force);
    else this.stations.setData({ kind: 'none' });
  }

  /** The sign-in page, coming back to this view. */
  private signInHref(): string {
    return `/login.html?next=${encodeURIComponent(location.pathname + location.search)}${this.state.lang === 'en' ? '&lang=en' : ''}`;
  }

  /** The view's scope as /api/stats takes it: several operators are summed there, a what-if target only when it reads as one. */
  private statsQuery(): StatsQuery {
    const s = this.state;
    return { set: s.set ?? undefined, asOf: s.asOf ?? undefined, operator: s.operators.join(',') || undefined, target: this.targetValid() ? this.targetParam() : undefined };
  }

  private targetParam = () => (this.state.target ? `${this.state.target}%` : undefined);
  /** A what-if target the API would refuse is shown as invalid and the stored target is used. */
  private targetValid(): boolean {
    try { if (this.state.target) parseTargetShare(`${this.state.target}%`); return true; } catch { return false; }
  }

  private async loadFigures(): Promise<void> {
    const q = this.statsQuery();
    const area = this.state.areas.join(',') || undefined;
    [this.stats, this.selected] = await Promise.all([api.stats(q), area ? api.stats({ ...q, area }) : null]);
  }

  private async loadSelection(): Promise<void> {
    const area = this.state.areas.join(',') || undefined;
    this.selected = area ? await api.stats({ ...this.statsQuery(), area }) : null;
  }

  /** What the view shows, as the server sent it: the what-if's figures while one is shown, else the view's own. */
  figures(): Figures | null {
    if (!this.stats) return null;
    const w = this.whatIf && figuresOfWhatIf(this.whatIf.shown.result, this.stats);
    return w ?? figuresOfStats(this.stats, this.selected);
  }

  private showWhatIf(w: ShownWhatIf | null): void {
    this.whatIf = w && { shown: w, areas: this.state.areas.join() };
    const n = w ? w.result.areas.reduce((a, r) => a + r.added, 0) : 0;
    this.notice(w ? this.t('whatIfShown', { n: formatInt(n, this.state.lang), operator: w.operator }) : null);
    this.render();
  }

  /** The selection changed under a trial: its total is the server's too, so the trial is asked again for the new areas. */
  private async reaskWhatIf(): Promise<void> {
    const shown = this.whatIf!.shown;
    const areas = this.state.areas.join();
    this.whatIf!.areas = areas;
    try {
      const result = await shown.reask(areas || undefined);
      if (this.whatIf?.shown === shown && this.whatIf.areas === areas) this.whatIf.shown = { ...shown, result };
    } catch (e) { this.showError(e); }
  }

  stationQuery(): StationQuery {
    const s = this.state;
    return {
      set: s.set ?? undefined, area: s.areas.join(',') || undefined, operator: s.operators.join(',') || undefined,
      technology: s.technology ?? undefined, status: s.statuses.join(',') || undefined, asOf: s.asOf ?? undefined,
    };
  }

  private selectArea(code: string, zoom: boolean): void {
    // The same area again (a click on one of its stations): keep its breakdown while it reloads, so the card keeps its size.
    const shown = this.card?.code === code && Array.isArray(this.card.operators) ? this.card.operators : null;
    this.card = { code, operators: shown ?? 'loading' };
    if (zoom) this.fitTo([code], 12);
    if (this.state.selected !== code) this.change({ selected: code }); else this.renderCard();
    this.loadCardOperators(code);
  }

  /** The pinned area's per-operator breakdown for the view's scope (its date and target); the latest request wins. */
  private loadCardOperators(code: string): void {
    const q = this.statsQuery();
    const asked = (this.cardAsked = JSON.stringify([code, q]));
    api.areaDetail(code, { set: q.set, asOf: q.asOf, target: q.target })
      .then((d) => { if (this.cardAsked === asked) { this.card = { code, operators: d.operators }; this.renderCard(); } })
      .catch((e) => { if (this.cardAsked === asked) { this.card = { code, operators: null }; this.showError(e); } });
  }

  /** The pinned card's per-operator breakdown: the what-if's when one is shown for this view, else the area's own answer. */
  private cardOperators(card: NonNullable<PlannerApp['card']>): OperatorFigures[] | 'loading' | null {
    const w = this.whatIf && this.stats && figuresOfWhatIf(this.whatIf.shown.result, this.stats) ? this.whatIf.shown.result : null;
    return w?.areas.find((a) => a.code === card.code)?.operators ?? card.operators;
  }

  private fitTo(codes: readonly string[], maxZoom = 13): void {
    const b = this.areasLayer.boundsOf(codes);
    if (b) this.map.fitBounds(b, { padding: [24, 24], maxZoom });
  }

  private writeUrl(push: boolean): void {
    const q = serializeState(this.state);
    const url = `${location.pathname}${q ? `?${q}` : ''}`;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }

  private notice(text: string | null, error = false, key: MessageKey | null = null): void {
    fill(this.ui.notice, text);
    if (key) this.ui.notice.dataset.key = key; else delete this.ui.notice.dataset.key;
    this.ui.notice.classList.toggle('is-error', error);
    this.ui.notice.hidden = !text;
  }

  private showError(err: unknown): void {
    this.notice(this.t('loadError', { message: err instanceof Error ? err.message : String(err) }), true);
  }

  private renderChrome(): void {
    const lang = this.state.lang;
    document.documentElement.lang = lang;
    document.title = `${this.t('title')}${this.stats ? ` · ${this.stats.set.name}` : ''}`;
    rebuildKeepingFocus(this.ui.header, () => fill(this.ui.header, ...renderHeader(this.t, lang, this.sets, this.stats?.set.id ?? null, {
      lang: (l: Lang) => { rememberLang(l); this.change({ lang: l }); },
      set: (id) => this.change({ set: id, areas: [], selected: null, map: null }),
    })));
  }

  render(): void {
    this.renderChrome();
    const key = this.ui.notice.dataset.key as MessageKey | undefined;
    if (key) this.notice(this.t(key), false, key); // a language switch rewrites the standing notice
    const figures = this.figures();
    if (!figures || !this.stats || !this.areas) return;
    const { lang } = this.state;
    const { bp } = figures;
    const valid = this.targetValid();
    const asOf = this.state.asOf ?? this.stats.asOf;
    this.renderMap(figures);
    this.legend.update(this.t, formatBp(bp, lang), formatDate(asOf, lang), this.stats.set.isDemo);
    this.layersCtl.update(this.t, this.state.layers, (layers) => this.change({ layers }), this.signedIn ? null : this.signInHref());
    this.stations.setVisible(this.state.layers);
    this.stations.setNumberFormat((n) => formatCompact(n, lang));
    rebuildKeepingFocus(this.ui.filters, () => this.renderFilters(bp, valid));
    this.renderPanel(figures, bp);
    this.planner.update();
    this.renderCard();
    document.body.dataset.ready = '1';
  }

  private renderFilters(bp: number, valid: boolean): void {
    const { lang } = this.state;
    const areas = this.areas!;
    const stats = this.stats!;
    const open = [...this.ui.filters.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-testid'));
    fill(this.ui.filters, renderFilters(this.t, lang, this.state, {
      areas: areas.features.map((f) => ({ value: f.id, label: f.properties.name }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
      operators: this.facets.operators.map((o) => ({ value: o.code, label: o.name })),
      timeline: this.facets.commissioned, today: stats.asOf && !this.state.asOf ? stats.asOf : todayIso(), targetBp: bp, targetValid: valid,
      signInHref: this.signedIn ? null : this.signInHref(),
    }, {
      change: this.change,
      exportStationsCsv: () => api.stationsCsvUrl(this.stationQuery()),
      exportStationsGeojson: () => void this.exportGeojson().catch((e) => this.showError(e)),
      exportAreasCsv: () => this.exportAreas(),
    }));
    for (const id of open) this.ui.filters.querySelector(`details[data-testid="${id}"]`)?.setAttribute('open', '');
  }

  /** Every area coloured and labelled by the figures the table shows (a what-if's too). */
  private renderMap(figures: Figures): void {
    const styles = new Map<string, AreaStyle>();
    for (const r of figures.rows) {
      const band = progressBand(r.n4g, r.n5g, figures.bp);
      styles.set(r.code, { fill: bandColour(band), ink: labelInk(band), label: r.name, sublabel: formatRatio(r.ratio, this.state.lang), hover: '' });
    }
    this.areasLayer.setStyles(styles);
    this.areasLayer.setFocus(this.state.selected, this.state.areas);
  }

  private renderPanel(figures: Figures, bp: number): void {
    const { lang } = this.state;
    const hadFocus = this.ui.panel.contains(document.activeElement) && document.activeElement?.tagName === 'TR';
    const rows = sortRows(figures.tableRows, this.state.sort.key, this.state.sort.dir, lang);
    const select = (code: string) => this.selectArea(code, true);
    const tabs = renderPanelTabs(this.t, this.state.planner.plan, (plan) => this.change({ planner: { ...this.state.planner, plan } }));
    if (this.state.planner.plan) { fill(this.ui.panel, tabs, this.planner.el); return; }
    fill(this.ui.panel, tabs,
      renderTotals(this.t, lang, figures, this.state.areas.length > 0),
      h('section', { class: 'table-box' },
        h('h2', {}, this.t('tableTitle'), h('span', { class: 'count' }, ` · ${formatInt(rows.length, lang)}`)),
        h('p', { class: 'hint' }, this.t('tableHint')),
        renderAreaTable(this.t, lang, this.state, rows, figures, bp, {
          sort: (key) => {
            const first = key === 'name' ? 'asc' : 'desc'; // names read A→Z first, figures largest first
            const dir = this.state.sort.key !== key ? first : this.state.sort.dir === 'asc' ? 'desc' : 'asc';
            this.change({ sort: { key, dir } });
          },
          select,
        })),
      renderChart(this.t, lang, rows, this.state.selected, select));
    if (hadFocus) this.ui.panel.querySelector<HTMLElement>('tbody tr[tabindex="0"]')?.focus();
  }

  private renderCard(): void {
    const figures = this.figures();
    const code = this.hover ?? this.card?.code ?? null;
    const row = code ? figures?.rows.find((r) => r.code === code) : undefined;
    if (!row) { fill(this.ui.card); return; }
    const pinned = this.card?.code === code ? this.card : null;
    fill(this.ui.card, renderAreaCard(this.t, this.state.lang, row, pinned ? this.cardOperators(pinned) : null,
      pinned ? () => { this.card = null; this.change({ selected: null }); } : null));
    // The click on a station also selects its area: the card drawn after the popup may now cover it.
    if (this.stationPopup) keepPopupClearOf(this.map, this.stationPopup, this.ui.card.querySelector('.area-card'));
  }

  private async exportGeojson(): Promise<void> {
    const features = [];
    let cursor: string | undefined;
    let setName = this.stats?.set.name ?? 'set';
    do {
      const page = await api.stationPage({ ...this.stationQuery(), limit: '10000', cursor });
      features.push(...page.features);
      setName = page.set.name;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    downloadText(JSON.stringify({ type: 'FeatureCollection', features }), exportFileName('stations', setName, this.state, 'geojson'), 'application/geo+json');
  }

  private exportAreas(): void {
    if (!this.stats) return;
    const asOf = this.state.asOf ?? this.stats.asOf;
    // The API writes the file (several operators are summed there), named after its scope.
    void downloadAreaTableCsv(areaCsvQuery(this.state, asOf)).catch((e) => this.showError(e));
  }
}

const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
