import type { Geometry } from 'geojson';
import { nameCodes, parseFeatures, textOf, type BoundaryProblem } from './boundary-features.js';

/** Where a set's parents come from: their own file, or the union of their children. */
export type ParentSource =
  | { kind: 'file'; input: unknown; codeField: string; nameField: string }
  /** `nameField`: the children's property that names their parent (else the parent is named by its code). */
  | { kind: 'union'; nameField?: string | undefined };

export interface ParentPlan {
  code: string;
  name: string;
  properties: Record<string, unknown>;
  /** From the parents file; null: the union of its children, computed by the database. */
  geometry: Geometry | null;
}

interface Child { code: string; parentCode: string | null; properties: Record<string, unknown> }

/**
 * Checks the relation between a set's areas and their parents before anything is written, and
 * returns the parents to write. Every area needs a parent, and every parent it names must be
 * there exactly once: problems name the codes. A parent without children is left out with a
 * warning, not refused: a national parents file with one province's communes is a fair import
 * (An Giang's 102 communes with the 34 provinces), and a stored parent without children would
 * show 0 stations where the map shows some (they are in no area of the set).
 */
export function planParents(children: readonly Child[], source: ParentSource, problems: BoundaryProblem[]): { parents: ParentPlan[]; childless: string[] } {
  const orphans = children.filter((c) => !c.parentCode).map((c) => c.code);
  if (orphans.length) {
    problems.push({ file: 'areas', problem: 'parent_code_missing', codes: orphans, message: `areas without a parent code: ${nameCodes(orphans)}` });
  }
  const childrenOf = new Map<string, string[]>();
  for (const c of children) if (c.parentCode) childrenOf.set(c.parentCode, [...(childrenOf.get(c.parentCode) ?? []), c.code]);
  return source.kind === 'file' ? parentsFromFile(childrenOf, source, problems) : parentsFromChildren(children, childrenOf, source, problems);
}

function parentsFromFile(childrenOf: Map<string, string[]>, source: Extract<ParentSource, { kind: 'file' }>, problems: BoundaryProblem[]) {
  const { features } = parseFeatures(source.input, source, 'parents', problems);
  const byCode = new Map(features.map((f) => [f.code, f]));
  const missing = [...childrenOf.keys()].filter((code) => !byCode.has(code));
  if (missing.length) {
    problems.push({
      file: 'parents', problem: 'parent_not_found', codes: missing,
      message: `parent codes used by areas but not in the parents file: ${nameCodes(missing.map((p) => `${p} (areas ${nameCodes(childrenOf.get(p)!)})`))}`,
    });
  }
  const parents = features.filter((f) => childrenOf.has(f.code)).map((f) => ({ ...f }));
  return { parents, childless: features.filter((f) => !childrenOf.has(f.code)).map((f) => f.code) };
}

function parentsFromChildren(children: readonly Child[], childrenOf: Map<string, string[]>, source: Extract<ParentSource, { kind: 'union' }>, problems: BoundaryProblem[]) {
  const names = new Map<string, Set<string>>();
  if (source.nameField) {
    for (const c of children) {
      const name = textOf(c.properties[source.nameField]);
      if (c.parentCode && name) names.set(c.parentCode, (names.get(c.parentCode) ?? new Set()).add(name));
    }
    const conflicting = [...names].filter(([, n]) => n.size > 1).map(([code]) => code);
    if (conflicting.length) {
      problems.push({
        file: 'areas', problem: 'parent_name_conflict', codes: conflicting,
        message: `areas of one parent give it different names in "${source.nameField}": ${nameCodes(conflicting.map((c) => `${c} (${[...names.get(c)!].join(' / ')})`))}`,
      });
    }
  }
  const parents = [...childrenOf.keys()].map((code) => ({ code, name: [...(names.get(code) ?? [code])][0]!, properties: {}, geometry: null }));
  return { parents, childless: [] };
}
