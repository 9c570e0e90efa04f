import { describe, expect, it } from 'vitest';
import type { QueueFlag } from '../../../../common/wire/moderation.ts';
import { fieldFlags, segments, shiftFlags } from './segments.ts';

const flag = (kind: QueueFlag['kind'], start: number, end: number, field = 'text'): QueueFlag => ({
  kind,
  field,
  start,
  end,
  duplicateOf: null,
});

describe('flagged spans in a text', () => {
  const text = 'Ring mig, 19121212-1212 eller mejla a@b.se';

  it('should cut the text into plain and flagged pieces that join back to the text', () => {
    const pieces = segments(text, [flag('personnummer', 10, 23), flag('email', 36, 42)]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.kinds.length > 0).map((p) => [p.text, p.kinds])).toEqual([
      ['19121212-1212', ['personnummer']],
      ['a@b.se', ['email']],
    ]);
  });

  it('should merge overlapping flags into one piece naming every kind', () => {
    const pieces = segments(text, [flag('phone', 12, 23), flag('personnummer', 10, 23)]);
    expect(pieces.map((p) => [p.text, p.kinds])).toEqual([
      ['Ring mig, ', []],
      ['19121212-1212', ['personnummer', 'phone']],
      [' eller mejla a@b.se', []],
    ]);
  });

  it('should keep only span flags of the field, clamped to its text', () => {
    const flags = [
      flag('personnummer', 10, 23),
      flag('link', 0, 4, 'title'),
      flag('email', 36, 99),
      { kind: 'near-duplicate', field: null, start: null, end: null, duplicateOf: 'x' } as QueueFlag,
      flag('phone', 30, 30),
    ];
    expect(fieldFlags(flags, 'text', text).map((f) => [f.kind, f.start, f.end])).toEqual([
      ['personnummer', 10, 23],
      ['email', 36, text.length],
    ]);
  });

  it('should drop flags inside a redacted span and move those after it', () => {
    const flags = [flag('personnummer', 10, 23), flag('email', 36, 42), flag('link', 0, 4, 'title')];
    const after = shiftFlags(flags, 'text', { start: 10, end: 23 }, '[borttaget]'.length - 13);
    expect(after).toEqual([flag('email', 34, 40), flag('link', 0, 4, 'title')]);
  });
});
