/** The parts of `stopword` (which ships no types) the themes use: its lists per language. */
declare module 'stopword' {
  export const swe: readonly string[];
  export const eng: readonly string[];
  export const ara: readonly string[];
}
