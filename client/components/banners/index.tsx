import { t } from '../../i18n/index.ts';
import { applyUpdate, online, update } from '../../state/status.ts';

/** Connection and update notices. The containers are always there so screen readers announce changes. */
export function Banners() {
  const u = update.value;
  return (
    <>
      <div role="status" class="banner-slot">
        {!online.value && <p class="banner banner-offline">{t('app.offline')}</p>}
      </div>
      <div role="status" class="banner-slot">
        {u !== 'none' && (
          <div class="banner banner-update">
            <p>{u === 'available' ? t('update.available') : t('update.applied')}</p>
            <button type="button" class="btn btn-primary" onClick={applyUpdate}>
              {u === 'available' ? t('update.button') : t('update.reload')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
