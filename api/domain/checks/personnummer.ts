/**
 * Finds Swedish personnummer and samordningsnummer in free text.
 *
 * Accepted written forms (after folding Arabic-Indic and full-width digits, see digits.ts):
 * - 10 digits `YYMMDDNNNC` or 12 digits `CCYYMMDDNNNC` (century 18, 19 or 20 only);
 * - between the date and the last four digits: nothing, `-`, `+` (the holder is 100 or older), a
 *   Unicode dash (– − ‐ ‑ ‒), a dash or `+` with one space either side, or one plain space.
 *
 * Deliberately NOT accepted, to keep false positives down: separators inside the date
 * (`1985-07-09-9805`, `19 850709-9805`), and interim numbers with a letter (`850709-T805`), which
 * only exist inside authorities' own systems.
 *
 * A candidate counts only when it is not part of a longer digit run, the date is a real calendar date
 * (samordningsnummer: day + 60, so 61–91) and the Luhn check digit matches — which the `personnummer`
 * package verifies (it also infers the century of a 10-digit number from `-`/`+`).
 */
import PersonnummerModule from 'personnummer';
import { foldDigits } from './digits.ts';
import type { Span } from './types.ts';

type PersonnummerClass = typeof PersonnummerModule.default;

/**
 * The package's types declare an ES default export, but its CommonJS build assigns the class to
 * `module.exports`, so under NodeNext TypeScript sees a namespace where Node hands over the class.
 * Take `.default` when a bundler's interop provides it, the import itself otherwise.
 */
const Personnummer: PersonnummerClass =
  (PersonnummerModule as unknown as { default?: PersonnummerClass }).default ??
  (PersonnummerModule as unknown as PersonnummerClass);

/** A found identity number: a span plus which of the two kinds it is. */
export interface IdentityNumberMatch extends Span {
  kind: 'personnummer' | 'samordningsnummer';
}

/**
 * Groups: 1 century (optional), 2 YYMMDD, 3 separator (optional), 4 NNNC. The look-behind and
 * look-ahead refuse candidates inside a longer digit run, so the 10 digits inside a 14-digit reference
 * or a 12-digit number with another century are never read as a personnummer.
 */
const CANDIDATE = /(?<!\d)(18|19|20)?(\d{6})([ \u00a0]?[-+][ \u00a0]?|[ \u00a0])?(\d{4})(?!\d)/g;

const SPACE = /^[ \u00a0]$/;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * With a lone space as separator the candidate could be two groups of a longer space-grouped number
 * (an account or order number such as `123456 7890 12`): refuse it when another digit group follows or
 * precedes it after a single space.
 */
function isInsideDigitGroups(folded: string, start: number, end: number): boolean {
  const before = folded[start - 1] === ' ' && isDigit(folded[start - 2]);
  const after = folded[end] === ' ' && isDigit(folded[end + 1]);
  return before || after;
}

/**
 * Returns the personnummer and samordningsnummer in `text`, in order of appearance. Only numbers with
 * a valid date and a matching Luhn digit are returned; spans index the original `text`.
 */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const folded = foldDigits(text);
  const found: IdentityNumberMatch[] = [];
  for (const match of folded.matchAll(CANDIDATE)) {
    const [whole, century = '', date = '', rawSeparator = '', serial = ''] = match;
    const start = match.index;
    const end = start + whole.length;
    if (SPACE.test(rawSeparator) && isInsideDigitGroups(folded, start, end)) continue;
    // Only `+` changes the meaning (100 years or older); every other separator reads as `-`.
    const separator = rawSeparator.includes('+') ? '+' : '-';
    const canonical = `${century}${date}${separator}${serial}`;
    if (!Personnummer.valid(canonical, { allowCoordinationNumber: true, allowInterimNumber: false }))
      continue;
    const day = Number(date.slice(4, 6));
    found.push({ kind: day > 60 ? 'samordningsnummer' : 'personnummer', start, end });
  }
  return found;
}
