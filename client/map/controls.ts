import L from 'leaflet';
import { NO_BASELINE_COLOUR, PROGRESS_BANDS } from '../../geo/colour-scale.js';
import { fill, h, s } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { rebuildKeepingFocus } from '../panel/keep-focus.js';
import { SYMBOL } from './stations-layer.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/** Below this width the boxes start folded: open, they would cover most of a phone's map. */
const SMALL_SCREEN = '(max-width: 700px)';

/**
 * A map box that folds to its title (a <details>, so Enter and Space toggle it): the title
 * and the body are refilled on each update, the open state stays as the user left it.
 */
function foldingBox(cls: string, testid: string): { box: HTMLDetailsElement; title: HTMLElement; body: HTMLElement } {
  const title = h('summary', { class: 'legend-title', 'data-testid': `${testid}-toggle` });
  const body = h('div', { class: 'box-body' });
  const box = h('details', { class: `${cls} map-box`, 'data-testid': testid }, title, body);
  box.open = !window.matchMedia(SMALL_SCREEN).matches;
  return { box, title, body };
}

/** The legend: what the colours mean, the target and the as-of date they were computed for. */
export class LegendControl extends L.Control {
  private parts = foldingBox('legend', 'legend');
  constructor() { super({ position: 'bottomleft' }); }
  override onAdd(): HTMLElement { L.DomEvent.disableClickPropagation(this.parts.box); return this.parts.box; }

  update(t: T, targetLabel: string, asOfLabel: string, isDemo: boolean): void {
    const swatch = (colour: string, dashed = false) => h('span', { class: `swatch${dashed ? ' dashed' : ''}`, style: `background:${colour}` });
    fill(this.parts.title, t('legendTitle'));
    fill(this.parts.body,
      h('div', { class: 'legend-target', 'data-testid': 'legend-target' }, t('legendTarget', { target: targetLabel })),
      h('div', { class: 'legend-asof', 'data-testid': 'legend-asof' }, t('legendAsOf', { date: asOfLabel })),
      h('ul', {},
        ...[...PROGRESS_BANDS].reverse().map((b) => h('li', {}, swatch(b.colour), t(b.key))),
        h('li', {}, swatch(NO_BASELINE_COLOUR, true), t('bandNone'))),
      isDemo ? h('div', { class: 'legend-demo' }, t('demoNotice')) : null,
    );
  }
}

function symbol(kind: 'g4' | 'g5' | 'colocated' | 'cluster'): SVGSVGElement {
  const svg = s('svg', { width: 18, height: 18, viewBox: '-9 -9 18 18', 'aria-hidden': 'true' });
  if (kind === 'g4') svg.append(s('circle', { r: 4, fill: SYMBOL.g4, stroke: '#fff' }));
  if (kind === 'g5' || kind === 'colocated') {
    if (kind === 'colocated') svg.append(s('circle', { r: 8, fill: 'none', stroke: SYMBOL.ring, 'stroke-width': 1.5 }));
    svg.append(s('path', { d: 'M0,-5.5 L5.2,3.9 L-5.2,3.9 Z', fill: SYMBOL.g5, stroke: '#fff' }));
  }
  if (kind === 'cluster') {
    svg.append(s('circle', { r: 8, fill: SYMBOL.g4 }), s('path', { d: 'M0,0 L0,-8 A8,8 0 0 1 8,0 Z', fill: SYMBOL.g5 }), s('circle', { r: 5, fill: '#fff' }));
  }
  return svg;
}

/**
 * The 4G / 5G layer switches, with the symbols drawn on the map; signed out (`signInHref`),
 * a link to sign in instead of switches that would show nothing.
 */
export class LayersControl extends L.Control {
  private parts = foldingBox('layers-box', 'layers');
  constructor() { super({ position: 'topright' }); }
  override onAdd(): HTMLElement { L.DomEvent.disableClickPropagation(this.parts.box); return this.parts.box; }

  update(t: T, layers: { g4: boolean; g5: boolean }, onChange: (l: { g4: boolean; g5: boolean }) => void, signInHref: string | null = null): void {
    const toggle = (key: 'g4' | 'g5', label: string) =>
      h('label', { class: 'layer-toggle' },
        h('input', { type: 'checkbox', 'data-testid': `layer-${key === 'g4' ? '4g' : '5g'}`, checked: layers[key],
          onchange: (e: Event) => onChange({ ...layers, [key]: (e.target as HTMLInputElement).checked }) }),
        symbol(key), label);
    fill(this.parts.title, t('layers'));
    rebuildKeepingFocus(this.parts.body, () => fill(this.parts.body,
      ...(signInHref
        ? [h('a', { class: 'layer-sign-in', href: signInHref, 'data-testid': 'layers-sign-in' }, t('signInForStationLayer'))]
        : [toggle('g4', t('layer4g')), toggle('g5', t('layer5g')),
          h('div', { class: 'layer-note' }, symbol('colocated'), t('colocated')),
          h('div', { class: 'layer-note' }, symbol('cluster'), t('cluster'))]),
    ));
  }
}
