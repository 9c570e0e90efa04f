import type { AuditEntry } from '../../../../common/wire/staff.ts';
import { formatTime, staffLanguage, t } from '../../i18n/index.ts';
import { auditChanges, auditSentence, changeValue } from './sentences.ts';

/**
 * One audit event as a table row: when; what happened as a sentence (with the event code, the
 * account and the target beneath it, for searching and for exactness); the changed fields as a
 * small before/after table; the raw JSON behind a toggle.
 */
export function AuditRow({
  entry,
  names,
  targetLabel,
}: {
  entry: AuditEntry;
  names: ReadonlyMap<string, string>;
  targetLabel: string | undefined;
}) {
  const changes = auditChanges(entry.before, entry.after);
  const captionId = `audit-${entry.id}-changes`;
  return (
    <tr data-testid="audit-row">
      <th scope="row">
        <time dateTime={entry.at}>{formatTime(entry.at, true)}</time>
      </th>
      <td class="audit-what">
        <p class="audit-sentence">{auditSentence(entry, staffLanguage.value, names)}</p>
        <p class="audit-meta">
          <code>{entry.action}</code> · {entry.actor.label}
          {entry.target.id && (
            <>
              {' · '}
              {entry.target.type} <span class="audit-id">{targetLabel ?? entry.target.id}</span>
            </>
          )}
        </p>
      </td>
      <td class="audit-change">
        {changes.length > 0 ? (
          <table class="audit-changes">
            <caption id={captionId} class="visually-hidden">
              {t('audit.changesCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.colField')}</th>
                <th scope="col">{t('audit.colBefore')}</th>
                <th scope="col">{t('audit.colAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">
                    <code>{c.field}</code>
                  </th>
                  <td>{changeValue(c.before)}</td>
                  <td>{changeValue(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('audit.noChanges')}</p>
        )}
        {(entry.before !== null || entry.after !== null) && (
          <details class="audit-raw">
            <summary>{t('audit.raw')}</summary>
            <p>
              <span class="audit-label">{t('audit.before')}</span>{' '}
              <code>{entry.before === null ? '–' : JSON.stringify(entry.before)}</code>
            </p>
            <p>
              <span class="audit-label">{t('audit.after')}</span>{' '}
              <code>{entry.after === null ? '–' : JSON.stringify(entry.after)}</code>
            </p>
          </details>
        )}
      </td>
    </tr>
  );
}
