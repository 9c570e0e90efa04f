/**
 * The `basis` values of agg_submissions beyond 'primary' and 'any' (and the month suffix of
 * agg_answers' insats id): the projections described in aggregates.ts, shared by its writes and
 * aggregate-reads.ts.
 */

/** Suffix of the month rows (`basis` of agg_submissions, `insats_id` of agg_answers). */
export const MONTHS = ':m';
/** `basis` suffix of the month rows with areas but without kind and age band. */
export const AREA_MONTHS = ':am';
/** `basis` of the day rows without areas, kind and age band (the week series). */
export const DAYS = 'primary:d';
/** The `basis` of the rows that count how many submissions have each set of several areas. */
export const AREA_SETS = 'area-set';
