import { h } from '../dom.js';
import { formatDate, formatInt, formatRatio } from '../format.js';
import type { Lang, MessageKey } from '../i18n.js';
import type { Scenario, WhatIfResult } from './planner-api.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

export interface WhatIfForm { operator: string; topN: string; name: string }
export interface WhatIfView {
  form: WhatIfForm;
  operators: { code: string; name: string }[];
  result: WhatIfResult | null;
  /** The scenario the result came from, when one was reopened. */
  scenarioName: string | null;
  scenarios: Scenario[] | null;
  message: { text: string; kind: 'info' | 'refused' | 'error' } | null;
  busy: boolean;
}

/** (5) What-if: operator X upgrades its top N picks → before / after, unsaved; save and reopen named scenarios. */
export function renderWhatIf(t: T, lang: Lang, v: WhatIfView, on: { run(): void; save(): void; open(id: number): void }): HTMLElement {
  const r = v.result;
  const gapRow = (label: MessageKey, pick: (g: WhatIfResult['totals']['before']) => string) => r
    ? h('tr', {}, h('th', { scope: 'row' }, t(label)), h('td', { class: 'num' }, pick(r.totals.before)), h('td', { class: 'num', 'data-testid': `whatif-after-${label}` }, pick(r.totals.after)))
    : null;
  return h('section', { class: 'plan-box', 'data-testid': 'plan-whatif' },
    h('h2', {}, t('planWhatIf')),
    h('form', { class: 'plan-whatif-form', onsubmit: (e: Event) => { e.preventDefault(); on.run(); } },
      h('label', {}, h('span', {}, t('operator')),
        h('select', { 'data-testid': 'whatif-operator', onchange: (e: Event) => { v.form.operator = (e.target as HTMLSelectElement).value; } },
          ...v.operators.map((o) => h('option', { value: o.code, selected: o.code === v.form.operator }, o.name)))),
      h('label', {}, h('span', {}, t('planTopN')),
        h('input', { type: 'number', min: 1, max: 10000, step: 1, value: v.form.topN, 'data-testid': 'whatif-topn', inputmode: 'numeric',
          oninput: (e: Event) => { v.form.topN = (e.target as HTMLInputElement).value; } })),
      h('button', { type: 'submit', 'data-testid': 'whatif-run', disabled: v.busy }, t('planWhatIfRun'))),
    v.message ? h('p', { class: `plan-msg is-${v.message.kind}`, role: 'status', 'data-testid': 'whatif-message' }, v.message.text) : null,
    r ? h('div', { 'data-testid': 'whatif-result' },
      v.scenarioName ? h('p', { class: 'plan-scenario-name', 'data-testid': 'whatif-scenario' }, t('planScenarioShown', { name: v.scenarioName })) : h('p', { class: 'hint' }, t('planNotSaved')),
      h('table', { class: 'plan-table' },
        h('thead', {}, h('tr', {}, h('th', {}), h('th', { class: 'num' }, t('planNow')), h('th', { class: 'num' }, t('planAfter')))),
        h('tbody', {},
          gapRow('col5g', (g) => formatInt(g.n5g, lang)),
          gapRow('colRatio', (g) => formatRatio(g.ratio, lang)),
          gapRow('colNeeded', (g) => formatInt(g.needed, lang)),
          h('tr', {}, h('th', { scope: 'row' }, t('planUpgraded')), h('td', {}), h('td', { class: 'num', 'data-testid': 'whatif-applied' },
            formatInt(r.upgrades.reduce((a, u) => a + u.applied, 0), lang))))),
      h('form', { class: 'plan-whatif-form', onsubmit: (e: Event) => { e.preventDefault(); on.save(); } },
        h('label', {}, h('span', {}, t('planScenarioName')),
          h('input', { type: 'text', maxlength: 200, value: v.form.name, 'data-testid': 'scenario-name', oninput: (e: Event) => { v.form.name = (e.target as HTMLInputElement).value; } })),
        h('button', { type: 'submit', 'data-testid': 'scenario-save', disabled: v.busy }, t('planScenarioSave')))) : null,
    v.scenarios && v.scenarios.length ? h('div', { class: 'plan-scenarios' },
      h('h3', {}, t('planScenarios')),
      h('ul', { 'data-testid': 'scenario-list' }, ...v.scenarios.map((s) => h('li', {},
        h('button', { type: 'button', class: 'link', 'data-testid': `scenario-open-${s.id}`, onclick: () => on.open(s.id) }, t('planScenarioOpen')),
        ' ', h('span', { class: 'scenario-label' }, s.name), ' ', h('span', { class: 'hint' }, formatDate(s.createdAt.slice(0, 10), lang)))))) : null);
}
