export type Technology = '4G' | '5G';

// A Map, not an object: a cell reading "constructor" must not find Object.prototype's.
function table(entries: Record<string, Technology>): ReadonlyMap<string, Technology> {
  return new Map(Object.entries(entries));
}

/** Words that name a technology on their own (DOMAIN: 4G, LTE, eNB → 4G; 5G, NR, gNB → 5G). */
const NAMES = table({
  '4g': '4G', '4g+': '4G', lte: '4G', 'lte+': '4G', enb: '4G', enodeb: '4G',
  '5g': '5G', nr: '5G', gnb: '5G', gnodeb: '5G',
});

/** Words that only qualify a name: LTE-A / LTE Advanced (Pro), 5G SA / NSA (standalone or not). */
const QUALIFIERS = table({
  a: '4G', advanced: '4G', pro: '4G',
  sa: '5G', nsa: '5G',
});

/** Between the words of "4G/LTE", "LTE-A", "NR_SA", "5G (NSA)"; `+` is part of a word ("4G+"). */
const SEPARATORS = /[\s\-_/.,()]+/;

/**
 * Maps a technology as operators write it to `4G` or `5G`: the DOMAIN aliases and their usual
 * compounds ("4G LTE", "4G/LTE", "LTE-A", "LTE Advanced", "4G+", "eNodeB"; "5G NR", "5G-NR",
 * "5G NSA", "5G SA", "NR-SA", "gNodeB"). Case, surrounding spaces and full-width letters (NFKC)
 * are ignored. A text naming both technologies ("4G/5G") or neither ("3G") is no technology:
 * one station has one.
 *
 * @param input the cell's text
 * @returns the technology, or null when the text is not one technology
 * @example
 * normalizeTechnology(' lte ') // '4G'
 * normalizeTechnology('NR-SA') // '5G'
 * normalizeTechnology('ＬＴＥ') // '4G'
 * normalizeTechnology('4G+5G') // null
 */
export function normalizeTechnology(input: string): Technology | null {
  const words = input.normalize('NFKC').toLowerCase().trim()
    .replace(/(\d)\s+g\b/g, '$1g') // "4 G"
    .split(SEPARATORS).filter(Boolean);
  let found: Technology | null = null;
  for (const word of words) {
    const named = NAMES.get(word);
    if (named === undefined && !QUALIFIERS.has(word)) return null;
    if (named === undefined) continue;
    if (found !== null && found !== named) return null;
    found = named;
  }
  // A qualifier must fit the name it qualifies: "LTE SA" is no technology.
  return found !== null && words.every((w) => (NAMES.get(w) ?? QUALIFIERS.get(w)) === found) ? found : null;
}
