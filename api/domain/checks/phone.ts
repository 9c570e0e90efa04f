/**
 * Finds phone numbers, Swedish and international, with libphonenumber-js.
 *
 * The `max` build is used on purpose: only its metadata knows each country's real number ranges, so
 * only numbers that could actually be dialled are reported (the default `min` build checks lengths
 * only and would flag far more digit groups). Bundle size does not matter on the server.
 *
 * On top of the library's own validity test, three guards remove what participants write often and
 * what is not a phone number:
 * - a number written without `+`, `00` or a leading `0` is refused: Swedes always write the trunk `0`
 *   nationally, and without it the library reads dates (`2024-05-06`) and bankgiro numbers as
 *   Swedish numbers;
 * - dates (`05/06/2024`, `2024-05-06`) and time ranges such as opening hours (`08.00-17.00`) are
 *   refused even when they begin with `0`;
 * - spans overlapping a personnummer are removed by the caller (index.ts), never here.
 *
 * A span ends before a `,` or `;`: the library treats them as dialling pauses and would otherwise
 * swallow a following year or count into the number.
 */
import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import { foldDigits } from './digits.ts';
import type { Span } from './types.ts';

const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const TIME_RANGE = /^\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}$/;

/** The first digit or `+` decides whether the number was written with an international or trunk prefix. */
function hasDialPrefix(raw: string): boolean {
  const first = /[+\d]/.exec(raw)?.[0];
  return first === '+' || first === '0';
}

/**
 * Returns the spans of phone numbers in `text`, in order of appearance. `defaultCountry` decides how a
 * number without a country code is read (Malmö: `SE`).
 */
export function findPhoneNumbers(text: string, defaultCountry: CountryCode = 'SE'): Span[] {
  const folded = foldDigits(text);
  // Cheap exit: the library is far slower than this test, and most submissions hold no digit run.
  if (!/\d{2}/.test(folded)) return [];
  const found: Span[] = [];
  for (const match of findPhoneNumbersInText(folded, { defaultCountry })) {
    // The library reads `,` and `;` as dialling pauses and keeps what follows (`070-123 45 67, 2024`
    // would highlight the year too); nobody writes a number for a person that way, so cut there.
    const raw = folded.slice(match.startsAt, match.endsAt).replace(/\s*[,;].*$/s, '');
    if (!hasDialPrefix(raw) || DATE.test(raw) || TIME_RANGE.test(raw)) continue;
    found.push({ start: match.startsAt, end: match.startsAt + raw.length });
  }
  return found;
}
