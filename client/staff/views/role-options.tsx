import { ROLE_ORDER } from '../session.ts';
import { t } from '../i18n/index.ts';

/** The options of a role select: no role first, then every role. */
export function RoleOptions() {
  return (
    <>
      <option value="">{t('role.none')}</option>
      {ROLE_ORDER.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </>
  );
}
