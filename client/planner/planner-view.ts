import type L from 'leaflet';
import { fill, h } from '../dom.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { ViewState } from '../state.js';
import { plannerApi, type CoverageBody, type Pick, type Recommendations, type Timeline, type WhatIfResult } from './planner-api.js';
import { CoverageLayer, PicksLayer, PlannerLayersControl } from './planner-layers.js';
import { renderCoverage, renderTimelineBox, renderWorkList } from './planner-panel.js';
import { isRefusal, parseTopN, picksInScope, planActive, planKey, planQuery, whatIfRequest } from './planner-query.js';
import { renderWhatIf, type WhatIfView } from './planner-whatif.js';
import './planner.css';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

export interface PlannerHost {
  state(): ViewState;
  t: T;
  change(patch: Partial<ViewState>): void;
  operators(): { code: string; name: string }[];
  setName(): string;
  /** Shows a what-if trial on the map, in the table and the card (null: back to the real figures). */
  showWhatIf(w: ShownWhatIf | null): void;
}

/** A trial the page shows: the server's answer, the upgrading operator, and how to ask again for another selection of areas. */
export interface ShownWhatIf {
  result: WhatIfResult;
  operator: string;
  reask(area: string | undefined): Promise<WhatIfResult>;
}

interface Loaded { rec: Recommendations | Error; cov: CoverageBody | Error; tl: Timeline | Error }

/** The planner in the map page: its panel tab, its two map layers and its what-if, all driven by the view state. */
export class PlannerView {
  readonly el = h('div', { class: 'plan-panel', 'data-testid': 'plan-panel' });
  private picks = new PicksLayer();
  private coverage = new CoverageLayer();
  private control = new PlannerLayersControl();
  private key: string | null = null;
  private data: Loaded | null = null;
  /** The picks for the view, kept while the data and the area selection stay (the markers are redrawn only when they change). */
  private scoped: { rec: Recommendations | null; key: string; picks: Pick[] | null } | null = null;
  private whatIf: WhatIfView = { form: { operator: '', topN: '3', name: '' }, operators: [], result: null, scenarioName: null, scenarios: null, message: null, busy: false };

  constructor(private host: PlannerHost) {}

  attach(map: L.Map): void {
    this.picks.attach(map);
    this.coverage.attach(map);
    this.control.addTo(map);
  }

  /** Called on every render of the app: reloads when the scope changed, then redraws layers and panel. */
  update(): void {
    const s = this.host.state();
    if (planActive(s) && planKey(s) !== this.key) void this.load(s);
    this.draw();
  }

  private async load(s: ViewState): Promise<void> {
    const key = (this.key = planKey(s));
    this.data = null;
    this.el.dataset.loaded = '0';
    this.draw();
    const q = planQuery(s);
    const settle = <X>(p: Promise<X>) => p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const [rec, cov, tl] = await Promise.all([settle(plannerApi.recommendations(q)), settle(plannerApi.coverage(q, s.planner.cov)), settle(plannerApi.timeline(q))]);
    if (key !== this.key) return;
    this.data = { rec, cov, tl };
    if (this.whatIf.scenarios === null) void this.loadScenarios();
    this.draw();
    this.el.dataset.loaded = '1';
  }

  private async loadScenarios(): Promise<void> {
    try { this.whatIf.scenarios = await plannerApi.scenarios(); } catch { this.whatIf.scenarios = []; }
    this.draw();
  }

  private draw(): void {
    const s = this.host.state();
    const { t } = this.host;
    const rec = this.data && !(this.data.rec instanceof Error) ? this.data.rec : null;
    const cov = this.data && !(this.data.cov instanceof Error) ? this.data.cov : null;
    const scopeKey = JSON.stringify(s.areas);
    if (this.scoped?.rec !== rec || this.scoped.key !== scopeKey) this.scoped = { rec, key: scopeKey, picks: rec ? picksInScope(rec.picks, s) : null };
    const picks = this.scoped.picks;
    this.picks.setPicks(picks, s.planner.picks);
    this.coverage.setCoverage(cov, s.planner.cov);
    this.control.update(t, { picks: s.planner.picks, cov: s.planner.cov }, cov?.radiiKm ?? rec?.radiiKm ?? null,
      (l) => this.host.change({ planner: { ...s.planner, ...l } }));
    if (s.planner.plan) this.drawPanel(s, picks);
  }

  private drawPanel(s: ViewState, picks: Pick[] | null): void {
    const { t } = this.host;
    const lang: Lang = s.lang;
    if (!this.data) { fill(this.el, h('p', { class: 'hint' }, t('loading'))); return; }
    const { rec, cov, tl } = this.data;
    const problem = (e: Error) => h('p', { class: `plan-msg ${isRefusal(e) ? 'is-refused' : 'is-error'}`, 'data-testid': 'plan-refused' },
      isRefusal(e) ? t('planSignIn') : t('loadError', { message: e.message }));
    const q = planQuery(s);
    const ops = this.host.operators();
    this.whatIf.operators = ops;
    if (!this.whatIf.form.operator || !ops.some((o) => o.code === this.whatIf.form.operator)) this.whatIf.form.operator = q.operator ?? ops[0]?.code ?? '';
    fill(this.el,
      tl instanceof Error ? problem(tl) : renderTimelineBox(t, lang, tl, this.host.setName()),
      rec instanceof Error ? problem(rec) : renderWorkList(t, lang, rec, picks ?? [], { csv: plannerApi.workListUrl(q, 'csv'), xlsx: plannerApi.workListUrl(q, 'xlsx') },
        (p) => { if (!s.planner.picks) this.host.change({ planner: { ...s.planner, picks: true } }); requestAnimationFrame(() => this.picks.focus(p)); }),
      cov instanceof Error ? null : renderCoverage(t, lang, cov, s.areas),
      renderWhatIf(t, lang, this.whatIf, { run: () => void this.runWhatIf(), save: () => void this.save(), open: (id) => void this.open(id) }));
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    const { t } = this.host;
    this.whatIf.busy = true;
    this.whatIf.message = null;
    this.draw();
    try { await work(); } catch (e) {
      this.whatIf.message = isRefusal(e) ? { text: t('planNeedsPlanner'), kind: 'refused' }
        : { text: t('loadError', { message: e instanceof Error ? e.message : String(e) }), kind: 'error' };
    }
    this.whatIf.busy = false;
    this.draw();
  }

  private request() {
    const topN = parseTopN(this.whatIf.form.topN);
    return topN === null ? null : whatIfRequest(this.host.state(), this.whatIf.form.operator, topN);
  }

  private runWhatIf(): Promise<void> {
    const body = this.request();
    if (!body) { this.whatIf.message = { text: this.host.t('planTopNInvalid'), kind: 'error' }; this.draw(); return Promise.resolve(); }
    const area = this.host.state().areas.join(',') || undefined;
    return this.guarded(async () => {
      this.whatIf.result = await plannerApi.whatIf({ ...body, area });
      this.whatIf.scenarioName = null;
      this.host.showWhatIf({ result: this.whatIf.result, operator: body.upgrades[0]!.operator, reask: (a) => plannerApi.whatIf({ ...body, area: a }) });
    });
  }

  private save(): Promise<void> {
    const body = this.request();
    const name = this.whatIf.form.name.trim();
    if (!name) { this.whatIf.message = { text: this.host.t('planNameMissing'), kind: 'error' }; this.draw(); return Promise.resolve(); }
    if (!body) return Promise.resolve();
    return this.guarded(async () => {
      const saved = await plannerApi.saveScenario(name, body);
      this.whatIf.scenarios = await plannerApi.scenarios();
      this.whatIf.message = { text: this.host.t('planScenarioSaved', { name: saved.name }), kind: 'info' };
    });
  }

  private open(id: number): Promise<void> {
    const area = this.host.state().areas.join(',') || undefined;
    return this.guarded(async () => {
      const { scenario, result } = await plannerApi.openScenario(id, area);
      this.whatIf.result = result;
      this.whatIf.scenarioName = scenario.name;
      const up = (scenario.parameters as { upgrades?: { operator: string; topN: number }[] }).upgrades?.[0];
      if (up) this.whatIf.form = { ...this.whatIf.form, operator: up.operator, topN: String(up.topN) };
      this.host.showWhatIf(up ? { result, operator: up.operator, reask: (a) => plannerApi.openScenario(id, a).then((r) => r.result) } : null);
    });
  }
}
