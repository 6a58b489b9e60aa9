/**
 * Progress to the target in five classes, on ColorBrewer's PuOr ramp: orange for behind,
 * purple for met. It stays readable with the common colour-vision deficiencies (it is a
 * light–dark ramp with two hues that differ for deuteranopes and protanopes alike).
 */
export const PROGRESS_BANDS = [
  { key: 'band0', upTo: 0.25, colour: '#b35806' },
  { key: 'band1', upTo: 0.5, colour: '#f1a340' },
  { key: 'band2', upTo: 0.75, colour: '#fee0b6' },
  { key: 'band3', upTo: 1, colour: '#b2abd2' },
  { key: 'band4', upTo: Infinity, colour: '#542788' },
] as const;
export const NO_BASELINE_COLOUR = '#d9d9d9';

export type BandKey = (typeof PROGRESS_BANDS)[number]['key'] | 'bandNone';

/**
 * The class of an area: progress = n5g / required-share = n5g × 10000 / (n4g × bp), compared
 * in integers so "met" here is exactly "met" in the figures (n5g ≥ ceil(n4g × bp / 10000)).
 */
export function progressBand(n4g: number, n5g: number, bp: number): BandKey {
  if (n4g <= 0) return 'bandNone';
  const num = BigInt(n5g) * 10000n * 100n;
  const den = BigInt(n4g) * BigInt(bp);
  if (BigInt(n5g) * 10000n >= den) return 'band4';
  const percent = Number(num / den); // floor of progress in %
  if (percent < 25) return 'band0';
  if (percent < 50) return 'band1';
  if (percent < 75) return 'band2';
  return 'band3';
}

export function bandColour(band: BandKey): string {
  return band === 'bandNone' ? NO_BASELINE_COLOUR : PROGRESS_BANDS.find((b) => b.key === band)!.colour;
}

/** Dark text on light fills, white on dark ones (WCAG contrast of the label over the fill). */
export function labelInk(band: BandKey): '#1b1b1b' | '#ffffff' {
  return band === 'band0' || band === 'band4' ? '#ffffff' : '#1b1b1b';
}

/** Station symbols: 4G blue, 5G crimson (the map's station layer and the KML export). */
export const TECHNOLOGY_COLOURS = { '4G': '#1864ab', '5G': '#c2255c' } as const;
