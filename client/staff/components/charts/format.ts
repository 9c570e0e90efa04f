/**
 * Numbers on the insights screens, written the staff language's way (Intl.NumberFormat):
 * "1 234" in Swedish, "1,234" in English, shares as percentages.
 */
import { staffLocale } from '../../i18n/index.ts';

export { staffLocale };

/** A count or value, e.g. 1 234 or 12,5 (at most two decimals). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(staffLocale(), { maximumFractionDigits: 2 }).format(n);
}

/** A share (0…1) as a percentage with at most one decimal, e.g. 12,5 %. */
export function formatShare(share: number): string {
  return new Intl.NumberFormat(staffLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
