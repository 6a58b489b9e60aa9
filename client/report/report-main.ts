import { loadReport, type ReportData, type ReportQuery } from './report-api.js';
import { h } from './report-dom.js';
import { followLangChanges, pageLang, rememberLang } from '../lang.js';
import { t, type Lang } from './report-i18n.js';
import { renderAreaTable, renderFirstPage, renderMapSection, renderTimelineSection, renderWorkList } from './report-sections.js';

/*
 * The printable report: /report.html?set=&area=&asOf=&target=&operator=&lang=vi|en.
 * The first page states the assumptions; the print stylesheet hides the toolbar and keeps the
 * map and the chart on one page each.
 */
const params = new URLSearchParams(location.search);
const pick = (k: string) => params.get(k)?.normalize('NFC') || undefined;
const query: ReportQuery = {};
for (const k of ['set', 'area', 'asOf', 'target', 'operator', 'baseline'] as const) { const v = pick(k); if (v) query[k] = v; }
let lang: Lang = pageLang();
let data: ReportData | undefined;

const main = document.getElementById('report')!;

function render() {
  document.documentElement.lang = lang;
  document.title = t(lang, 'title');
  document.getElementById('lang')!.textContent = t(lang, 'other');
  document.getElementById('print')!.textContent = t(lang, 'print');
  document.getElementById('back')!.textContent = t(lang, 'back');
  if (!data) return;
  main.replaceChildren(
    renderFirstPage(data, lang), renderMapSection(data, lang), renderAreaTable(data, lang),
    renderTimelineSection(data, lang), renderWorkList(data, lang),
    h('p', { class: 'generated' }, `${t(lang, 'generated')}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`),
  );
}

document.getElementById('lang')!.addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  rememberLang(lang);
  params.set('lang', lang);
  history.replaceState(null, '', `?${params}`);
  render();
});
followLangChanges((l) => {
  if (l === lang) return;
  lang = l;
  if (params.has('lang')) { params.set('lang', l); history.replaceState(null, '', `?${params}`); }
  render();
});
document.getElementById('print')!.addEventListener('click', () => window.print());

render();
loadReport(query).then((d) => { data = d; render(); main.dataset.ready = 'true'; }, (err: Error) => {
  main.replaceChildren(h('p', { class: 'error', role: 'alert' }, err.message));
  main.dataset.ready = 'error';
});
