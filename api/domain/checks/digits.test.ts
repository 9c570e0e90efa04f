import { describe, expect, it } from 'vitest';
import { foldDigits } from './digits.ts';

describe('foldDigits', () => {
  it('should fold Arabic-Indic, Extended Arabic-Indic and full-width digits and dashes one for one', () => {
    const text = '٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ０１２３４５６７８９ ＋4 1–2 3−4 5‐6';
    const folded = foldDigits(text);
    expect(folded).toBe('0123456789 0123456789 0123456789 +4 1-2 3-4 5-6');
    expect(folded).toHaveLength(text.length);
  });

  it('should leave other text unchanged', () => {
    expect(foldDigits('Hej 070 abc ا')).toBe('Hej 070 abc ا');
  });
});
