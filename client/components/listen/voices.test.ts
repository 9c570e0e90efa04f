import { describe, expect, it } from 'vitest';
import { voiceFor } from './voices.ts';

const voice = (lang: string, name = lang, isDefault = false) =>
  ({ lang, name, default: isDefault, localService: true, voiceURI: name }) as SpeechSynthesisVoice;
const device = [
  voice('en-GB'),
  voice('sv'),
  voice('ar'),
  voice('fa-latn'),
  voice('hr'),
  voice('ku'),
  voice('sv-SE', 'Alva', true),
];

describe('the voice for a language', () => {
  it('should match on the primary subtag, the device default first', () => {
    expect(voiceFor('sv', device)?.name).toBe('Alva');
    expect(voiceFor('en', device)?.lang).toBe('en-GB');
    expect(voiceFor('ar', device)?.lang).toBe('ar');
  });

  it('should read easy-read Swedish with a Swedish voice, BCS with a Croatian one, Kurmanji with ku', () => {
    expect(voiceFor('sv-x-lattlast', device)?.name).toBe('Alva');
    expect(voiceFor('sh', device)?.lang).toBe('hr');
    expect(voiceFor('kmr', device)?.lang).toBe('ku');
  });

  it('should find none where the device has no voice for it (then Lyssna is not shown)', () => {
    expect(voiceFor('so', device)).toBeUndefined();
    expect(voiceFor('ckb', device)).toBeUndefined();
    // A romanised Persian voice cannot read Persian script.
    expect(voiceFor('fa', device)).toBeUndefined();
    expect(voiceFor('sv', [])).toBeUndefined();
  });
});
