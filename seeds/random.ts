/** A random number in [0, 1). */
export type Rand = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG, so a seed gives the same stream on every platform.
 * @example createRandom(42)() // always the same number
 */
export function createRandom(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
