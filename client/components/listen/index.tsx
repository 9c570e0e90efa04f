import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { LocalizedText } from '../../../common/wire/index.ts';
import { language, localized, t } from '../../i18n/index.ts';
import type { Reading } from './speak.ts';
import { voiceFor, voices, watchVoices } from './voices.ts';
import './style.css';

/** Which text is being read now (its element's id), and whether it is paused. */
const now = signal<{ target: string; paused: boolean } | null>(null);
let reading: Reading | undefined;

function stopReading() {
  reading?.stop();
  reading = undefined;
  now.value = null;
}

/**
 * "Lyssna": reads the text of the element with id `target` aloud with the device's voice for
 * `lang` (the language that text is written in: Swedish where it fell back to Swedish), with
 * Pause/Resume and Stop while it reads. Not shown at all when the device has no voice for the
 * language the person chose, or none for the text's language. The reading itself is a lazy module (./speak.ts), loaded on the first press.
 */
export function Listen({ target, lang }: { target: string; lang: string }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    watchVoices();
    // Leaving the screen stops what it was reading.
    return () => {
      if (now.value?.target === target) stopReading();
    };
  }, [target]);
  // Offered in a language only where the device can speak it; a text that fell back to Swedish
  // is then read by a Swedish voice.
  const voice = voiceFor(language.value.code, voices.value) && voiceFor(lang, voices.value);
  if (!voice) return null;
  const state = now.value?.target === target ? now.value : null;

  const start = async () => {
    const el = document.getElementById(target);
    if (!el) return;
    stopReading();
    now.value = { target, paused: false };
    const { readAloud } = await import('./speak.ts');
    if (now.value?.target !== target) return;
    reading = readAloud(el, voice, () => {
      if (now.value?.target === target) now.value = null;
    });
  };
  const toggle = () => {
    if (!state) return void start();
    if (state.paused) reading?.resume();
    else reading?.pause();
    now.value = { target, paused: !state.paused };
  };

  return (
    <div class="listen">
      {/* One button that changes its words, so focus stays on it when reading starts. */}
      <button
        type="button"
        ref={first}
        class="btn btn-secondary btn-listen"
        aria-controls={target}
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          {state && !state.paused ? (
            <path d="M7 5h3v14H7zM14 5h3v14h-3z" />
          ) : (
            <path d="M4 9h4l5-4v14l-5-4H4zM16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />
          )}
        </svg>
        {!state ? t('listen.start') : state.paused ? t('listen.resume') : t('listen.pause')}
      </button>
      {state && (
        <button
          type="button"
          class="btn btn-secondary btn-listen"
          onClick={() => {
            stopReading();
            first.current?.focus();
          }}
        >
          {t('listen.stop')}
        </button>
      )}
    </div>
  );
}

/** The language `text` is shown in now: the current one, or Swedish where it fell back. */
export function shownLang(text: LocalizedText | undefined): string {
  return localized(text).lang ?? language.value.code;
}
