import { describe, expect, it } from 'vitest';
import { createLineReader } from '../../client/upload/upload-lines.js';

describe('the upload page reading NDJSON from a growing response text', () => {
  it('gives each complete line once, holds a partial line until its newline', () => {
    const read = createLineReader();
    expect(read('')).toEqual([]);
    expect(read('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(read('{"a":1}\n{"b"')).toEqual([]);
    expect(read('{"a":1}\n{"b":2}\n\n{"c":3}\n')).toEqual(['{"b":2}', '{"c":3}']);
  });

  it('at the end, a last line without its newline is given too', () => {
    const read = createLineReader();
    expect(read('{"a":1}\n{"z":9}')).toEqual(['{"a":1}']);
    expect(read('{"a":1}\n{"z":9}', true)).toEqual(['{"z":9}']);
    expect(read('{"a":1}\n{"z":9}', true)).toEqual([]);
  });
});
