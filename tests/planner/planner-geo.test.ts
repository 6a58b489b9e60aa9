import { describe, expect, it } from 'vitest';
import { classifyEnvironment } from '../../geo/classify-environment.js';
import { projectTargetDate } from '../../geo/project-target-date.js';

describe('classifyEnvironment', () => {
  it('splits at more than 1500 and more than 300 people per km²', () => {
    expect(classifyEnvironment({ population: 150_001, areaKm2: 100 })).toBe('urban');
    expect(classifyEnvironment({ population: 150_000, areaKm2: 100 })).toBe('suburban');
    expect(classifyEnvironment({ population: 30_000, areaKm2: 100 })).toBe('rural');
    expect(classifyEnvironment({ population: null, areaKm2: 100 })).toBe('rural');
    expect(classifyEnvironment({ population: 10, areaKm2: 0 })).toBe('rural');
  });
});

describe('projectTargetDate', () => {
  const base = { n4g: 100, n5g: 30, n5gBefore: 21, needed: 18, asOf: '2025-06-30', dueOn: '2025-12-31', milestoneBp: 1030 };
  it('projects with exact integers: ceil(needed × 90 / added) days', () => {
    expect(projectTargetDate(base)).toEqual({ perDay: 0.1, projectedOn: '2025-12-27', onMilestonePath: true, status: 'on_track' });
    expect(projectTargetDate({ ...base, n5gBefore: 23 }).projectedOn).toBe('2026-02-17'); // 18 × 90 / 7 = 231.4 → 232 days
  });
  it('is at risk below the milestone passed, behind past the due date or with no progress', () => {
    expect(projectTargetDate({ ...base, milestoneBp: 3100 }).status).toBe('at_risk');
    expect(projectTargetDate({ ...base, milestoneBp: 3000 }).status).toBe('on_track');
    expect(projectTargetDate({ ...base, dueOn: '2025-12-26' }).status).toBe('behind');
    expect(projectTargetDate({ ...base, n5gBefore: 30 })).toMatchObject({ projectedOn: null, status: 'behind' });
    expect(projectTargetDate({ ...base, dueOn: null, n5gBefore: 29 }).status).toBe('on_track');
  });
  it('is on track when nothing is needed, and has no baseline without 4G', () => {
    expect(projectTargetDate({ ...base, needed: 0 })).toMatchObject({ projectedOn: '2025-06-30', status: 'on_track' });
    expect(projectTargetDate({ ...base, n4g: 0, needed: 0 }).status).toBe('no_baseline');
  });
});
