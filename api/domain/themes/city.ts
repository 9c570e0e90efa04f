/**
 * The themes of every delområde at once, each against the rest of the city: the texts are
 * read and folded once, the city's term counts summed once, and each area's "rest" is the city
 * less the area. The same figures as computeThemes per area, but for one difference: a text
 * pasted in two other areas counts once in each of them in the rest (computeThemes folds the
 * whole rest at once).
 */
import type { ThemeText } from '../../store/types.ts';
import { countTerms, groupsOf, rankScope, type ScopeGroups, type Themes } from './index.ts';

/** Each tagged area's `limit` top themes (areas with no text are left out; untagged texts count as the rest). */
export function computeAreaThemes(docs: readonly ThemeText[], limit = 5): Map<string, Themes> {
  const byArea = new Map<string, ThemeText[]>();
  for (const d of docs) {
    const key = d.area ?? '';
    const list = byArea.get(key);
    if (list) list.push(d);
    else byArea.set(key, [d]);
  }
  const scopes = new Map<string, ScopeGroups>();
  const counts = new Map<string, { counts: Map<string, number>; total: number }>();
  const city = new Map<string, number>();
  let cityTotal = 0;
  let cityGroups = 0;
  for (const [area, list] of byArea) {
    const forms = new Map<string, Map<string, number>>();
    const groups = groupsOf(list, forms, area !== '');
    scopes.set(area, { groups, texts: list.length, forms });
    const c = countTerms(groups.values());
    counts.set(area, c);
    for (const [term, n] of c.counts) city.set(term, (city.get(term) ?? 0) + n);
    cityTotal += c.total;
    cityGroups += groups.size;
  }
  const out = new Map<string, Themes>();
  for (const [area, scope] of scopes) {
    if (area === '') continue;
    const own = counts.get(area) ?? { counts: new Map<string, number>(), total: 0 };
    // The rest's count of a term is the city's less the area's; only the area's terms are asked for.
    const rest = new Map<string, number>();
    for (const [term, n] of own.counts) rest.set(term, (city.get(term) ?? 0) - n);
    out.set(
      area,
      rankScope(scope, { counts: rest, total: cityTotal - own.total }, cityGroups - scope.groups.size, limit),
    );
  }
  return out;
}
