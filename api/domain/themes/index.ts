/**
 * Themes in free text: which words and two-word phrases are distinctive for a delområde or an
 * insats compared with the rest of the city, by weighted log-odds with an informative
 * Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). For staff only, exact:
 * small counts are shown as they are. Near-identical texts (the same words, whatever the case,
 * punctuation or spacing) count once; how many copies stood behind a term is told beside it.
 *
 * A term is counted once per text (document frequency), so one long comment repeating a word
 * weighs as much as one that says it once. Nothing here is about persons: only words.
 */
import { stockholmDay } from '../local-time/index.ts';
import type { ThemeText } from '../../store/types.ts';
import { duplicateKey, type Token, tokenise } from './tokens.ts';

/** A text staff may read, with what places it: its primary delområde, insats, time and language. */
export type { ThemeText } from '../../store/types.ts';

/** What the themes are about: texts of this area and/or this insats (both: both must hold). */
export interface ThemeScope {
  area?: string | undefined;
  insatsId?: string | undefined;
}

/** One distinctive term of a scope. */
export interface Theme {
  /** The form people wrote most often (lower-cased); a phrase is two words with one space. */
  term: string;
  kind: 'word' | 'phrase';
  /** Lower-cased forms as written, most common first (at most 5): what the queue searches for. */
  forms: string[];
  /** Texts in the scope with the term, near-identical copies counted once. */
  count: number;
  /** Copies beyond the first among those texts: "N near-identical". */
  nearIdentical: number;
  /** Texts in the rest of the city with the term (copies counted once). */
  rest: number;
  /** The log-odds ratio (scope against the rest) and its z-score. */
  logOdds: number;
  z: number;
  /** Texts in the scope with the term per month written (Malmö time, YYYY-MM), copies included. */
  months: { month: string; count: number }[];
}

/** The themes of a scope, with the sizes they were computed from. */
export interface Themes {
  /** Texts in the scope, and after near-identical copies were folded into one. */
  texts: number;
  distinct: number;
  /** Texts elsewhere in the city (folded). */
  rest: number;
  /** Groups of near-identical texts in the scope (two or more), and the texts in them. */
  nearIdenticalGroups: number;
  nearIdenticalTexts: number;
  themes: Theme[];
}

/** The prior's total weight: the city's term frequencies scaled to this many pseudo-counts. */
export const PRIOR_WEIGHT = 1000;
/** A term needs at least this many distinct texts in the scope to be a theme. */
export const MIN_COUNT = 2;

/** A group of near-identical texts: the terms of its first text and every member's time. */
export interface Group {
  terms: Set<string>;
  writtenAt: string[];
}

/**
 * The terms of a text: its non-stop words' stems, and stem pairs of adjacent non-stop words
 * with no punctuation between them.
 */
export function termsOf(tokens: readonly Token[], forms?: Map<string, Map<string, number>>): Set<string> {
  const terms = new Set<string>();
  const note = (key: string, form: string) => {
    if (terms.has(key)) return;
    terms.add(key);
    if (!forms) return;
    let m = forms.get(key);
    if (!m) {
      m = new Map();
      forms.set(key, m);
    }
    m.set(form, (m.get(form) ?? 0) + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.stop) continue;
    note(t.stem, t.form);
    const next = tokens[i + 1];
    if (next && !next.stop && !next.after) note(`${t.stem} ${next.stem}`, `${t.form} ${next.form}`);
  }
  return terms;
}

function inScope(doc: ThemeText, scope: ThemeScope): boolean {
  if (scope.area !== undefined && doc.area !== scope.area) return false;
  if (scope.insatsId !== undefined && doc.insatsId !== scope.insatsId) return false;
  return true;
}

/** Folds near-identical texts into groups, tokenising the first of each. */
export function groupsOf(
  docs: readonly ThemeText[],
  forms: Map<string, Map<string, number>>,
  formsToo: boolean,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const doc of docs) {
    const whole = `${doc.title ?? ''}\n${doc.text ?? ''}`;
    const key = duplicateKey(whole);
    if (key === '') continue;
    const group = groups.get(key);
    if (group) {
      group.writtenAt.push(doc.createdAt);
      continue;
    }
    const terms = termsOf(tokenise(whole, doc.locale), formsToo ? forms : undefined);
    groups.set(key, { terms, writtenAt: [doc.createdAt] });
  }
  return groups;
}

/** How often each term occurs among the groups. */
export function countTerms(groups: Iterable<Group>): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const g of groups) {
    for (const t of g.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    total += g.terms.size;
  }
  return { counts, total };
}

/**
 * Weighted log-odds of a term between two corpora with an informative Dirichlet prior
 * (Monroe et al. 2008, eq. 16–22): `a` is the term's prior pseudo-count, `a0` the prior's total.
 */
export function logOdds(
  yi: number,
  ni: number,
  yj: number,
  nj: number,
  a: number,
  a0: number,
): { delta: number; z: number } {
  const delta = Math.log((yi + a) / (ni + a0 - yi - a)) - Math.log((yj + a) / (nj + a0 - yj - a));
  const variance = 1 / (yi + a) + 1 / (yj + a);
  return { delta, z: delta / Math.sqrt(variance) };
}

/**
 * The `limit` most distinctive terms of `scope` (highest z first) against every other text of
 * `docs`, which should be all the texts of the city staff may read.
 */
export function computeThemes(docs: readonly ThemeText[], scope: ThemeScope, limit = 20): Themes {
  const forms = new Map<string, Map<string, number>>();
  const inside = docs.filter((d) => inScope(d, scope));
  const outside = docs.filter((d) => !inScope(d, scope));
  const scoped = groupsOf(inside, forms, true);
  const rest = groupsOf(outside, forms, false);
  return rankScope(
    { groups: scoped, texts: inside.length, forms },
    countTerms(rest.values()),
    rest.size,
    limit,
  );
}

/** A scope's folded texts, how many texts they were, and the forms written in them. */
export interface ScopeGroups {
  groups: Map<string, Group>;
  texts: number;
  forms: Map<string, Map<string, number>>;
}

/** The themes of a scope given the term counts of the rest of the city (`restGroups` texts). */
export function rankScope(
  scope: ScopeGroups,
  b: { counts: Map<string, number>; total: number },
  restGroups: number,
  limit: number,
): Themes {
  const scoped = scope.groups;
  const a = countTerms(scoped.values());
  const all = a.total + b.total;
  const ranked: { term: string; y: number; delta: number; z: number }[] = [];
  for (const [term, y] of a.counts) {
    if (y < MIN_COUNT) continue;
    const yj = b.counts.get(term) ?? 0;
    const prior = (PRIOR_WEIGHT * (y + yj)) / all;
    const { delta, z } = logOdds(y, a.total, yj, b.total, prior, PRIOR_WEIGHT);
    ranked.push({ term, y, delta, z });
  }
  ranked.sort((p, q) => q.z - p.z || q.y - p.y || (p.term < q.term ? -1 : 1));
  const themes = ranked.slice(0, limit).map((r): Theme => {
    const months = new Map<string, number>();
    let copies = 0;
    for (const g of scoped.values()) {
      if (!g.terms.has(r.term)) continue;
      copies += g.writtenAt.length - 1;
      for (const at of g.writtenAt) {
        const month = stockholmDay(at).slice(0, 7);
        months.set(month, (months.get(month) ?? 0) + 1);
      }
    }
    const written = [...(scope.forms.get(r.term) ?? new Map<string, number>())].sort(
      (p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1),
    );
    return {
      term: written[0]?.[0] ?? r.term,
      kind: r.term.includes(' ') ? 'phrase' : 'word',
      forms: written.slice(0, 5).map(([f]) => f),
      count: r.y,
      nearIdentical: copies,
      rest: b.counts.get(r.term) ?? 0,
      logOdds: round(r.delta),
      z: round(r.z),
      months: [...months].sort((p, q) => (p[0] < q[0] ? -1 : 1)).map(([month, count]) => ({ month, count })),
    };
  });
  const repeated = [...scoped.values()].filter((g) => g.writtenAt.length > 1);
  return {
    texts: scope.texts,
    distinct: scoped.size,
    rest: restGroups,
    nearIdenticalGroups: repeated.length,
    nearIdenticalTexts: repeated.reduce((n, g) => n + g.writtenAt.length, 0),
    themes,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
