import { h } from '../dom.js';
import type { MessageKey } from '../i18n.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/** The side panel's two tabs: the area figures, or the plan (plan=1 in the URL). */
export function renderPanelTabs(t: T, plan: boolean, choose: (plan: boolean) => void): HTMLElement {
  const tab = (on: boolean, key: MessageKey, id: string) =>
    h('button', { type: 'button', role: 'tab', 'aria-selected': String(on), 'data-testid': id, onclick: () => { if (!on) choose(!plan); } }, t(key));
  return h('div', { class: 'panel-tabs', role: 'tablist' }, tab(!plan, 'tabTable', 'tab-table'), tab(plan, 'tabPlan', 'tab-plan'));
}
