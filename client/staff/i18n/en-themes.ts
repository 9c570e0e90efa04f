/** Staff texts of the themes section and the queue's text filter, in English; same keys as sv-themes.ts. */
import type { svThemes } from './sv-themes.ts';

export const enThemes: { readonly [K in keyof typeof svThemes]: string } = {
  'themes.title': 'Themes in free text',
  'themes.intro':
    'Words and phrases distinctive for the chosen area or insats compared with the rest of the city, in comments and proposals whatever their status. Exact counts, small ones too. Near-identical texts count once. The period filter does not apply here.',
  'themes.choose': 'Choose a delområde or an insats to see the themes of its free text.',
  'themes.none': 'No word occurs in at least two texts of this selection.',
  'themes.summary':
    '{texts} texts in the selection ({distinct} once near-identical ones are folded), {rest} in the rest of the city.',
  'themes.caption': 'Distinctive words and phrases, most distinctive first',
  'themes.term': 'Word or phrase',
  'themes.count': 'Texts',
  'themes.nearIdentical': 'Near-identical',
  'themes.rest': 'Rest of the city',
  'themes.z': 'z-score',
  'themes.months': 'Per month',
  'themes.open': 'Show in the moderation queue',
  'themes.openLabel': 'Show the texts with “{term}” in the moderation queue',
  'queue.text': 'Words in the text',
  'queue.textHelp': 'One or more words or phrases, separated by commas. Case does not matter.',
};
