import { t } from '../../i18n/index.ts';
import { SHORTCUTS } from './keys.ts';

/** The queue's keyboard shortcuts, shown on screen (and when they do not work). */
export function KeysHelp() {
  return (
    <section class="queue-keys" aria-labelledby="queue-keys-title">
      <h2 id="queue-keys-title">{t('queue.keysTitle')}</h2>
      <p class="hint">{t('queue.keysHint')}</p>
      <dl class="key-list">
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
