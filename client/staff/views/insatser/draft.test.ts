import { describe, expect, it } from 'vitest';
import { bodyOf, checkDraft, draftOf } from './draft.ts';

describe('insats draft', () => {
  it('should leave out blank languages and send null for emptied optional fields when patching', () => {
    const draft = draftOf(undefined);
    draft.title = { ...draft.title, sv: ' Läxhjälp ', ar: 'مساعدة', ckb: ' وانە ' };
    draft.summary.sv = 'Hjälp';
    draft.start = '2026-01-01';
    const patch = bodyOf(draft, true);
    expect(patch.title).toEqual({ sv: 'Läxhjälp', ar: 'مساعدة', ckb: 'وانە' });
    expect(patch.body).toBeNull();
    expect(patch.contact).toBeNull();
    expect(patch.period).toEqual({ start: '2026-01-01' });
    const create = bodyOf(draft, false);
    expect('body' in create).toBe(false);
    expect('contact' in create).toBe(false);
  });

  it('should require Swedish texts, a start date and Swedish alt text when there is an image', () => {
    const draft = draftOf(undefined);
    expect(Object.keys(checkDraft(draft, true)).sort()).toEqual([
      'imageAlt.sv',
      'period.start',
      'summary.sv',
      'title.sv',
    ]);
    expect(Object.keys(checkDraft(draft, false))).not.toContain('imageAlt.sv');
    draft.title.en = 'Homework help';
    draft.imageAlt.sv = 'Barn vid ett bord';
    expect(Object.keys(checkDraft(draft, true))).toContain('imageAlt.en');
    expect(Object.keys(checkDraft(draft, true))).not.toContain('imageAlt.ar');
  });
});
