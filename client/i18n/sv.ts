/**
 * Swedish: the source of truth for every user-facing string, and the type of the keys.
 * Plain language for a 13-year-old: short sentences, everyday words, "du".
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 * Other languages are files next to this one with the same keys (see ./index.ts).
 *
 * The strings live in two files so the first load carries only what the start screen shows:
 * ./sv/first.ts (bundled) and ./sv/later.ts (loaded with the next screen). This file joins them
 * for the type and for tests; the app itself never imports it as a value.
 */
import first from './sv/first.ts';
import later from './sv/later.ts';

const sv = { ...first, ...later } as const;

export type MessageKey = keyof typeof sv;
/** A complete catalogue: every key Swedish has. */
export type Messages = { readonly [K in MessageKey]: string };

export default sv satisfies Messages;
