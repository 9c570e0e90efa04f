/**
 * The order of reason templates: by position, then id (as the server lists them). Moving one up
 * or down renumbers the list 10, 20, 30 … so two templates with the same position (or gaps)
 * never make a move do nothing; only the templates whose position changes are saved.
 */
export interface Placed {
  id: string;
  position: number;
}

/** The templates in the order the server and the reject picker show them. */
export function inOrder<T extends Placed>(templates: readonly T[]): T[] {
  return [...templates].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** After moving the `index`th template (in order) by `delta`, the ones whose position changes. */
export function moved<T extends Placed>(templates: readonly T[], index: number, delta: -1 | 1): T[] {
  const list = inOrder(templates);
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [];
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item as T);
  return list.flatMap((t, i) => (t.position === (i + 1) * 10 ? [] : [{ ...t, position: (i + 1) * 10 }]));
}

/** Where a new template goes: after the last one. */
export function nextPosition(templates: readonly Placed[]): number {
  return templates.reduce((max, t) => Math.max(max, t.position), 0) + 10;
}
