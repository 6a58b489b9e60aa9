export type EnvironmentClass = 'urban' | 'suburban' | 'rural';

/**
 * The environment class of an area from its population density, when none is stored:
 * more than `urbanAbove` people per km² is urban, more than `suburbanAbove` suburban, else
 * rural. With no population (or no area) there is no density: rural, the widest radii,
 * which the planner reports as `environmentSource: "default"`.
 *
 * @param area.population people, or null when unknown
 * @param area.areaKm2 land area in km²
 * @param options.urbanAbove people per km², default 1500
 * @param options.suburbanAbove people per km², default 300
 * @example
 * classifyEnvironment({ population: 300_000, areaKm2: 100 }) // 'urban' (3000 per km²)
 */
export function classifyEnvironment(
  area: { population: number | null; areaKm2: number },
  options: { urbanAbove?: number; suburbanAbove?: number } = {},
): EnvironmentClass {
  const { urbanAbove = 1500, suburbanAbove = 300 } = options;
  if (area.population === null || !(area.areaKm2 > 0)) return 'rural';
  const density = area.population / area.areaKm2;
  if (density > urbanAbove) return 'urban';
  return density > suburbanAbove ? 'suburban' : 'rural';
}
