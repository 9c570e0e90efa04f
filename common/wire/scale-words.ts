/**
 * The faces' generic words, shared by the server (a scale question saved without words of its
 * own gets them) and the staff editor (a new scale question starts with them, to be replaced).
 * The participant catalogue has the same words as `face.1`…`face.5` and `scale.dontKnow`.
 */
import type { LocalizedText, ScaleLabels } from './index.ts';

/** The words every scale question had before questions had their own (sv, ar, en: stored order). */
export const GENERIC_SCALE: ScaleLabels = {
  min: { sv: 'Jättedåligt', ar: 'سيئ جدًا', en: 'Very bad' },
  max: { sv: 'Jättebra', ar: 'جيد جدًا', en: 'Very good' },
  middle: [
    { sv: 'Dåligt', ar: 'سيئ', en: 'Bad' },
    { sv: 'Mittemellan', ar: 'متوسط', en: 'In between' },
    { sv: 'Bra', ar: 'جيد', en: 'Good' },
  ],
};

/** How summaries and exports name a "don't know" answer (the participant screen says the same). */
export const DONT_KNOW_WORDS: LocalizedText = { sv: 'Vet inte', ar: 'لا أعرف', en: "Don't know" };
