import { t } from '../../i18n/index.ts';
import { SHORTCUTS } from './keys.ts';

/** The queue's keyboard shortcuts, shown on screen (and when they do not work), with their off switch. */
export function KeysHelp({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <section class="queue-keys" aria-labelledby="queue-keys-title">
      <h2 id="queue-keys-title">{t('queue.keysTitle')}</h2>
      <div class="check">
        <input
          type="checkbox"
          id="queue-keys-on"
          checked={on}
          aria-describedby="queue-keys-hint"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label for="queue-keys-on">{t('keys.switch')}</label>
      </div>
      <p class="hint" id="queue-keys-hint">
        {t('keys.switchHint')} {t('queue.keysHint')}
      </p>
      {!on && <p>{t('keys.off')}</p>}
      <dl class="key-list" hidden={!on}>
        {SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{t(`queue.key.${s.action}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
