import type { LocalizedText } from '../../../common/wire/index.ts';
import { localized } from '../../i18n/index.ts';

/** Content text from the API in the current language, marked `lang="sv"` when it falls back to Swedish. */
export function L({ text }: { text: LocalizedText | undefined }) {
  const { text: value, lang } = localized(text);
  return lang ? <span lang={lang}>{value}</span> : value;
}
