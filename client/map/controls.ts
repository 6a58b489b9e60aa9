import L from 'leaflet';
import { NO_BASELINE_COLOUR, PROGRESS_BANDS } from '../colour-scale.js';
import { fill, h, s } from '../dom.js';
import type { MessageKey } from '../i18n.js';
import { SYMBOL } from './stations-layer.js';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

/** The legend: what the colours mean, the target and the as-of date they were computed for. */
export class LegendControl extends L.Control {
  private box = h('div', { class: 'legend', 'data-testid': 'legend' });
  constructor() { super({ position: 'bottomleft' }); }
  override onAdd(): HTMLElement { L.DomEvent.disableClickPropagation(this.box); return this.box; }

  update(t: T, targetLabel: string, asOfLabel: string, isDemo: boolean): void {
    const swatch = (colour: string, dashed = false) => h('span', { class: `swatch${dashed ? ' dashed' : ''}`, style: `background:${colour}` });
    fill(this.box,
      h('div', { class: 'legend-title' }, t('legendTitle')),
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

/** The 4G / 5G layer switches, with the symbols drawn on the map. Fires `layers:change`. */
export class LayersControl extends L.Control {
  private box = h('div', { class: 'layers-box', 'data-testid': 'layers' });
  constructor() { super({ position: 'topright' }); }
  override onAdd(): HTMLElement { L.DomEvent.disableClickPropagation(this.box); return this.box; }

  update(t: T, layers: { g4: boolean; g5: boolean }, onChange: (l: { g4: boolean; g5: boolean }) => void): void {
    const toggle = (key: 'g4' | 'g5', label: string) =>
      h('label', { class: 'layer-toggle' },
        h('input', { type: 'checkbox', 'data-testid': `layer-${key === 'g4' ? '4g' : '5g'}`, checked: layers[key],
          onchange: (e: Event) => onChange({ ...layers, [key]: (e.target as HTMLInputElement).checked }) }),
        symbol(key), label);
    fill(this.box,
      h('div', { class: 'legend-title' }, t('layers')),
      toggle('g4', t('layer4g')),
      toggle('g5', t('layer5g')),
      h('div', { class: 'layer-note' }, symbol('colocated'), t('colocated')),
      h('div', { class: 'layer-note' }, symbol('cluster'), t('cluster')),
    );
  }
}
