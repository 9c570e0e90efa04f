import type { ProtectedCount } from '../../../common/wire/open-data.ts';
import { formatNumber, t } from '../../i18n/index.ts';

/** A protected count in words: "fewer than 5" (never a digit a reader could take as exact), else the published figure. */
export function protectedCount(cell: ProtectedCount): string {
  return cell.fewerThan5 || cell.count === null ? t('openData.fewer') : formatNumber(cell.count);
}
