export type Technology = '4G' | '5G';

const ALIASES: Record<string, Technology> = { '4g': '4G', lte: '4G', enb: '4G', enodeb: '4G', '5g': '5G', nr: '5G', gnb: '5G', gnodeb: '5G' };

/**
 * Maps a technology as operators write it to `4G` or `5G` (DOMAIN: 4G, LTE, eNB → 4G;
 * 5G, NR, gNB → 5G), ignoring case and surrounding spaces.
 *
 * @returns the technology, or null when the text is no known alias
 * @example
 * normalizeTechnology(' lte ') // '4G'
 * normalizeTechnology('gNB') // '5G'
 */
export function normalizeTechnology(input: string): Technology | null {
  return ALIASES[input.trim().toLowerCase()] ?? null;
}
