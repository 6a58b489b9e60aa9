export interface Bubble<C> { x: number; y: number; n4: number; n5: number; cell: C }

/** A count bubble's radius in pixels: grows with the log of the count, at most 34. */
export const bubbleRadius = (n: number) => Math.min(34, 11 + 3.2 * Math.log2(n + 1));

/**
 * Merges count bubbles that would overlap on screen (QA3 B11): biggest first, a bubble that
 * touches one already placed is added into it (counts summed, the bigger one's position kept).
 * A merged bubble grows, so passes repeat until none overlap. Totals are unchanged.
 * @param radius the drawn radius in pixels for a count
 * @param gap pixels kept free between two bubbles
 */
export function mergeOverlappingBubbles<C>(bubbles: readonly Bubble<C>[], radius: (n: number) => number, gap = 2): Bubble<C>[] {
  let current = bubbles.map((b) => ({ ...b }));
  for (;;) { // each pass that merges has one bubble fewer: at most n passes
    const placed: Bubble<C>[] = [];
    let merged = false;
    for (const b of [...current].sort((p, q) => q.n4 + q.n5 - (p.n4 + p.n5))) {
      const r = radius(b.n4 + b.n5);
      const into = placed.find((p) => Math.hypot(p.x - b.x, p.y - b.y) < radius(p.n4 + p.n5) + r + gap);
      if (into) { into.n4 += b.n4; into.n5 += b.n5; merged = true; } else placed.push(b);
    }
    current = placed;
    if (!merged) return current;
  }
}
