import { describe, expect, it } from 'vitest';
import { jaccard, nearDuplicate, type RecentSubmission } from './near-duplicate.ts';

const T0 = Date.parse('2025-05-01T12:00:00.000Z');
const MINUTE = 60_000;
const TEXT = 'Bygg fler cykelbanor längs Amiralsgatan, det är farligt för barnen att cykla där idag.';

function recent(id: string, text: string, minutesBefore: number, deviceId = 'device-a'): RecentSubmission {
  return { id, deviceId, text, at: new Date(T0 - minutesBefore * MINUTE).toISOString() };
}

const candidate = (text: string, deviceId = 'device-a') => ({
  deviceId,
  text,
  at: new Date(T0).toISOString(),
});

describe('nearDuplicate', () => {
  it('should match the same text from the same device within the window', () => {
    expect(nearDuplicate(candidate(TEXT), [recent('r1', TEXT, 3)])).toBe('r1');
  });

  it('should ignore case, punctuation and whitespace differences', () => {
    const noisy =
      '  bygg FLER cykelbanor längs Amiralsgatan det är farligt för barnen att cykla där idag!!! ';
    expect(nearDuplicate(candidate(noisy), [recent('r1', TEXT, 1)])).toBe('r1');
  });

  it('should match a long text with a small edit or a word added', () => {
    expect(nearDuplicate(candidate(TEXT.replace('farligt', 'farlig')), [recent('r1', TEXT, 2)])).toBe('r1');
    expect(nearDuplicate(candidate(`${TEXT} Tack!`), [recent('r1', TEXT, 2)])).toBe('r1');
  });

  it('should need a lower threshold to match a text with two edits', () => {
    const twice = TEXT.replace('farligt', 'farlig').replace('idag', 'i dag');
    expect(nearDuplicate(candidate(twice), [recent('r1', TEXT, 2)])).toBeNull();
    expect(nearDuplicate(candidate(twice), [recent('r1', TEXT, 2)], { threshold: 0.85 })).toBe('r1');
  });

  it('should not match the same message about another street', () => {
    const otherStreet = TEXT.replace('Amiralsgatan', 'Nobelvägen');
    expect(nearDuplicate(candidate(otherStreet), [recent('r1', TEXT, 2)])).toBeNull();
  });

  it('should not match a different text from the same device', () => {
    const other = 'Mer belysning i parken vid Möllevångstorget, det är mörkt på kvällarna och känns otryggt.';
    expect(nearDuplicate(candidate(other), [recent('r1', TEXT, 2)])).toBeNull();
  });

  it('should not match the same text from another device', () => {
    expect(nearDuplicate(candidate(TEXT, 'device-b'), [recent('r1', TEXT, 2)])).toBeNull();
  });

  it('should not match outside the window, in either direction, and honour a custom window', () => {
    expect(nearDuplicate(candidate(TEXT), [recent('r1', TEXT, 11)])).toBeNull();
    expect(nearDuplicate(candidate(TEXT), [recent('r1', TEXT, -11)])).toBeNull();
    expect(nearDuplicate(candidate(TEXT), [recent('r1', TEXT, -9)])).toBe('r1');
    expect(nearDuplicate(candidate(TEXT), [recent('r1', TEXT, 11)], { windowMs: 15 * MINUTE })).toBe('r1');
  });

  it('should never call short answers near-duplicates', () => {
    expect(nearDuplicate(candidate('Ja!'), [recent('r1', 'ja', 1)])).toBeNull();
    expect(nearDuplicate(candidate('Bra idé'), [recent('r1', 'Bra idé', 1)])).toBeNull();
  });

  it('should prefer the most similar match, then the closest in time', () => {
    const edited = TEXT.replace('farligt', 'farlig');
    const list = [recent('older-same', TEXT, 8), recent('edited', edited, 1), recent('newer-same', TEXT, 2)];
    expect(nearDuplicate(candidate(TEXT), list)).toBe('newer-same');
  });

  it('should honour a stricter threshold and accept epoch milliseconds and Dates', () => {
    const edited = TEXT.replace('farligt', 'farlig');
    const item = { id: 'r1', deviceId: 'device-a', text: edited, at: T0 - MINUTE };
    expect(nearDuplicate({ deviceId: 'device-a', text: TEXT, at: new Date(T0) }, [item])).toBe('r1');
    expect(
      nearDuplicate({ deviceId: 'device-a', text: TEXT, at: T0 }, [item], { threshold: 0.99 }),
    ).toBeNull();
  });

  it('should treat Arabic text with and without diacritics as the same', () => {
    const plain = 'نريد المزيد من الحدائق للأطفال في الحي';
    const marked = 'نُرِيدُ المَزِيدَ من الحدائق للأطفال في الحي';
    expect(nearDuplicate(candidate(marked), [recent('r1', plain, 1)])).toBe('r1');
  });

  it('should return null for an unparseable timestamp or no recent items', () => {
    expect(
      nearDuplicate({ deviceId: 'device-a', text: TEXT, at: 'not a date' }, [recent('r1', TEXT, 1)]),
    ).toBeNull();
    expect(nearDuplicate(candidate(TEXT), [])).toBeNull();
  });
});

describe('jaccard', () => {
  it('should be 1 for equal sets, 0 for disjoint ones and the ratio otherwise', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
  });
});
