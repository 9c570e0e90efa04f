import { describe, expect, it } from 'vitest';
import { questionTexts, sensitiveWarnings } from './sensitive.ts';

const warn = (sv: string, en?: string) =>
  sensitiveWarnings(questionTexts({ text: en === undefined ? { sv } : { sv, en } })).map(
    (w) => `${w.path} ${w.topic} ${w.match}`,
  );

describe('warnings about sensitive topics in questions', () => {
  it('should warn about each topic, in Swedish and English', () => {
    expect(warn('Har du någon diagnos?')).toEqual(['text.sv health diagnos']);
    expect(warn('Vilket land har dina föräldrar sitt ursprung i?')).toEqual(['text.sv ethnicity ursprung']);
    expect(warn('Är du troende?')).toEqual(['text.sv religion troende']);
    expect(warn('Vilken sexuell läggning har du?')).toEqual(['text.sv sexuality sexuell']);
    expect(warn('Vilket parti röstade du på?')).toEqual(['text.sv politics parti']);
    expect(warn('Hur mår du?', 'Do you have a disability?')).toEqual(['text.en health disability']);
  });

  it('should not warn about ordinary questions, nor match short words inside others', () => {
    expect(warn('Vad tror du om ljuset i parken trots allt?', 'What would make the park better?')).toEqual(
      [],
    );
    expect(warn('Hur ofta går du till fritidsgården?')).toEqual([]);
  });

  it('should check option labels too', () => {
    const warnings = sensitiveWarnings(
      questionTexts({
        text: { sv: 'Vad vill du?' },
        options: [{ label: { sv: 'Mer idrott' } }, { label: { sv: 'Bön' } }],
      }),
    );
    expect(warnings).toEqual([{ path: 'options.1.label.sv', topic: 'religion', match: 'bön' }]);
  });
});
