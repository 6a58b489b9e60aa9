/**
 * Orders area codes the way border points are settled: a point on a shared border
 * belongs to the area with the smallest code. All-digit codes compare as numbers
 * (so "99" < "100" and "0883" = 883 sorts before "884"); they come before any other
 * code, and the rest compare by code point. Ties between equal numbers fall back to text.
 *
 * Mirrored in SQL by `sql/queries/assign-stations.sql` (order by numeric value, then text).
 *
 * @returns negative when `a` is smaller, positive when larger, 0 when equal
 * @example
 * ['884', '100', 'A1', '99'].sort(compareAreaCodes) // ['99', '100', '884', 'A1']
 */
export function compareAreaCodes(a: string, b: string): number {
  const na = /^[0-9]+$/.test(a) ? BigInt(a) : null;
  const nb = /^[0-9]+$/.test(b) ? BigInt(b) : null;
  if (na !== null && nb !== null && na !== nb) return na < nb ? -1 : 1;
  if (na !== null && nb === null) return -1;
  if (na === null && nb !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
