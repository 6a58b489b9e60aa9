import { describe, expect, it } from 'vitest';
import { Uncomputed } from '../../server/uploads/upload-source.js';
import { cellText, readText } from '../../server/uploads/upload-values.js';
import { readStatus, readTechnology } from '../../server/uploads/upload-values-enums.js';

/* Text, status, technology and operator cells (QA P7, P15, P21, P24, P25). */

const kindOf = (r: { ok: boolean; kind?: string; value?: unknown }) => (r.ok ? r.value : `fail:${r.kind}`);

describe('text cells', () => {
  it('an uncomputed formula is no blank: shown as Excel shows it, refused by every text reader', () => {
    const f = new Uncomputed('10+0.382');
    expect(cellText(f)).toBe('=10+0.382');
    expect(cellText(new Uncomputed('=A1'))).toBe('=A1');
    expect(kindOf(readText(f, 64))).toBe('fail:uncomputed');
    expect(kindOf(readStatus(f))).toBe('fail:uncomputed');
    expect(kindOf(readTechnology(f))).toBe('fail:uncomputed');
  });
});
