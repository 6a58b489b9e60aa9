import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bubbleRadius, mergeOverlappingBubbles } from '../../client/map/merge-bubbles.js';

describe('station count bubbles: mergeOverlappingBubbles', () => {
  const bubbleArb = fc.array(fc.record({
    x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }),
    n4: fc.integer({ min: 0, max: 3000 }), n5: fc.integer({ min: 0, max: 1500 }), cell: fc.nat(),
  }), { maxLength: 60 });

  it('keeps every station and leaves no two bubbles overlapping (property)', () => {
    fc.assert(fc.property(bubbleArb, (bubbles) => {
      const out = mergeOverlappingBubbles(bubbles, bubbleRadius);
      const sum = (list: typeof bubbles) => list.reduce((a, b) => [a[0]! + b.n4, a[1]! + b.n5], [0, 0]);
      expect(sum(out)).toEqual(sum(bubbles));
      for (const [i, a] of out.entries()) for (const b of out.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(bubbleRadius(a.n4 + a.n5) + bubbleRadius(b.n4 + b.n5) + 2);
      }
    }));
  });

  it('folds a small neighbour into the bigger bubble, at the bigger one\'s place', () => {
    const out = mergeOverlappingBubbles([{ x: 100, y: 100, n4: 10, n5: 2, cell: 'a' }, { x: 110, y: 100, n4: 900, n5: 100, cell: 'b' }, { x: 300, y: 100, n4: 1, n5: 0, cell: 'c' }], bubbleRadius);
    expect(out).toEqual([{ x: 110, y: 100, n4: 910, n5: 102, cell: 'b' }, { x: 300, y: 100, n4: 1, n5: 0, cell: 'c' }]);
  });
});
