/**
 * What can be wrong with a boundary file. Every issue says where: the feature's position in
 * the file and, once known, its area code; the message names the polygon, ring and position.
 */

/** The kinds of problem, one per check, so tests and the CLI can tell them apart. */
export type ImportIssueKind =
  | 'not-geojson'
  | 'not-a-feature'
  | 'empty'
  | 'crs'
  | 'geometry-type'
  | 'position-invalid'
  | 'ring-unclosed'
  | 'ring-degenerate'
  | 'code-missing'
  | 'code-duplicate'
  | 'swapped-axes'
  | 'wrong-zone'
  | 'outside-city'
  | 'overlap';

/** One problem in a boundary file. */
export interface ImportIssue {
  kind: ImportIssueKind;
  /** Human-readable, with the location: "feature 3 (code 11319), ring 0 (outer): …". */
  message: string;
  /** Index in the file's `features`, when the issue is about one feature. */
  feature?: number;
  areaCode?: string;
}
