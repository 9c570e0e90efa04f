/**
 * Which of the device's speech voices can read a language. Only what the browser offers
 * (`speechSynthesis`); nothing is sent anywhere. Voices arrive late in some browsers, so the list
 * is a signal kept up to date by `voiceschanged`.
 */
import { signal } from '@preact/signals';

/** The device's voices; empty where there is no speech synthesis. */
export const voices = signal<readonly SpeechSynthesisVoice[]>([]);

let watching = false;

/** Starts following the device's voices (once). */
export function watchVoices(): void {
  if (watching || typeof window === 'undefined' || !('speechSynthesis' in window)) return;
  watching = true;
  const read = () => {
    voices.value = window.speechSynthesis.getVoices();
  };
  window.speechSynthesis.addEventListener('voiceschanged', read);
  read();
}

/**
 * Voice language codes that read `code`: easy-read Swedish is read by a Swedish voice, the one
 * Bosnian/Croatian/Serbian catalogue by any of the three, Kurmanji by a `ku` voice, Persian by a
 * Dari (`prs`) one too.
 */
const READ_BY: Readonly<Record<string, readonly string[]>> = {
  'sv-x-lattlast': ['sv'],
  sh: ['sh', 'hr', 'bs', 'sr'],
  kmr: ['kmr', 'ku'],
  fa: ['fa', 'prs'],
};

const primary = (tag: string) => tag.toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';

/** The best voice for a text in `code` (the device's default for it first), or undefined. */
export function voiceFor(
  code: string,
  from: readonly SpeechSynthesisVoice[],
): SpeechSynthesisVoice | undefined {
  const wanted = READ_BY[code] ?? [primary(code)];
  // A romanised voice (espeak's `fa-latn`) would not read Arabic-script text.
  const fitting = from.filter((v) => wanted.includes(primary(v.lang)) && !/-latn\b/i.test(v.lang));
  return fitting.find((v) => v.default) ?? fitting.find((v) => v.localService) ?? fitting[0];
}
