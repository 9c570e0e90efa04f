import { describe, expect, it } from 'vitest';
import { ifNoneMatchHas, weakEtag } from './etag.ts';

describe('entity tags', () => {
  it('should match a tag in a list, weak or strong on either side, and *', () => {
    expect(ifNoneMatchHas('"a", W/"b"', ['"b"'])).toBe(true);
    expect(ifNoneMatchHas('"b"', ['W/"b"'])).toBe(true);
    expect(ifNoneMatchHas(' * ', ['"x"'])).toBe(true);
  });

  it('should not match another tag, a missing header or a tag inside another', () => {
    expect(ifNoneMatchHas('"ab"', ['"a"'])).toBe(false);
    expect(ifNoneMatchHas(undefined, ['"a"'])).toBe(false);
    expect(ifNoneMatchHas('"a,b"', ['"a"'])).toBe(false);
  });

  it('should give the same weak tag for the same body and another for another', () => {
    expect(weakEtag('x')).toBe(weakEtag('x'));
    expect(weakEtag('x')).not.toBe(weakEtag('y'));
    expect(weakEtag('x')).toMatch(/^W\/"[\w-]{27}"$/);
  });
});
