import { useState } from 'preact/hooks';
import type { QueueItem, RestrictedOriginals } from '../../../../common/wire/moderation.ts';
import { api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import { formatTime, t } from '../../i18n/index.ts';
import { me } from '../../session.ts';

/** GET /api/staff/submissions/:id/contact (api/routes/staff-submissions). */
interface SubmissionContact {
  contact: { email: string | null; phone: string | null; consentVersion: string } | null;
}

/**
 * What a queue item keeps out of sight: the contact details a participant left (moderators and
 * admins) and the originals restricted redactions kept (admins, after a reminder that release
 * needs a secrecy review). Each is fetched only on request, and the API audits every read; the
 * screen says so. Nothing is shown for an item that keeps neither, or to a role that may not.
 */
export function ProtectedDetails({
  item,
  name,
  fieldLabel,
  onError,
}: {
  item: QueueItem;
  name: string;
  /** The on-screen name of a field (`text`, `answers.<questionId>`, …). */
  fieldLabel: (field: string) => string;
  onError: (error: unknown) => void;
}) {
  const role = me.value?.role;
  const [contact, setContact] = useState<SubmissionContact | null>(null);
  const [originals, setOriginals] = useState<RestrictedOriginals | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = `item-${item.id}`;
  const path = `/api/staff/submissions/${encodeURIComponent(item.id)}`;
  const showContact = item.hasContact && !deleted && (role === 'moderator' || role === 'admin');
  const showOriginals = item.hasOriginals && role === 'admin';
  if (!showContact && !showOriginals && !deleted) return null;

  const deleteContact = async () => {
    setDeleting(false);
    setBusy(true);
    try {
      await api<undefined>('DELETE', `${path}/contact`);
      setContact(null);
      setDeleted(true);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const fetchInto = async <T,>(url: string, set: (value: T) => void) => {
    setBusy(true);
    try {
      set(await api<T>('GET', url));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const c = contact?.contact;
  return (
    <div class="queue-protected">
      {showContact && (
        <div>
          <button
            type="button"
            class="btn btn-secondary btn-small"
            disabled={busy}
            aria-expanded={contact !== null}
            aria-controls={`${id}-contact`}
            onClick={() => (contact ? setContact(null) : void fetchInto(`${path}/contact`, setContact))}
          >
            {contact ? t('queue.hideContact') : t('queue.showContact')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </button>{' '}
          <button
            type="button"
            class="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => setDeleting(true)}
          >
            {t('queue.deleteContact')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </button>
          <div id={`${id}-contact`} data-testid="item-contact">
            {contact && (
              <>
                {c ? (
                  <dl class="queue-meta">
                    {c.email && (
                      <div>
                        <dt>{t('queue.contactEmail')}</dt>
                        <dd>{c.email}</dd>
                      </div>
                    )}
                    {c.phone && (
                      <div>
                        <dt>{t('queue.contactPhone')}</dt>
                        <dd>{c.phone}</dd>
                      </div>
                    )}
                  </dl>
                ) : (
                  <p>{t('queue.contactGone')}</p>
                )}
                <p class="hint">{t('queue.contactLogged')}</p>
              </>
            )}
          </div>
        </div>
      )}
      <p role="status" data-testid="contact-deleted">
        {deleted ? t('queue.contactDeleted', { name }) : ''}
      </p>
      {showOriginals && (
        <div>
          <button
            type="button"
            class="btn btn-secondary btn-small"
            disabled={busy}
            aria-expanded={originals !== null}
            aria-controls={`${id}-originals`}
            onClick={() => (originals ? setOriginals(null) : setConfirming(true))}
          >
            {originals ? t('queue.hideOriginals') : t('queue.showOriginals')}
            <span class="visually-hidden"> {t('queue.forItem', { name })}</span>
          </button>
          <div id={`${id}-originals`} data-testid="item-originals">
            {originals && (
              <>
                {originals.originals.length === 0 ? (
                  <p>{t('queue.originalsGone')}</p>
                ) : (
                  <dl class="queue-originals">
                    {originals.originals.map((o) => (
                      <div key={o.redactionId}>
                        <dt>
                          {fieldLabel(o.field)} ({t('queue.originalRedactedAt')} {formatTime(o.redactedAt)})
                        </dt>
                        <dd lang={item.locale}>{o.text}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                <p class="hint">{t('queue.originalsLogged')}</p>
              </>
            )}
          </div>
        </div>
      )}
      {deleting && (
        <Confirm
          question={t('queue.confirmDeleteContact', { name })}
          yes={t('queue.deleteContact')}
          onYes={() => void deleteContact()}
          onNo={() => setDeleting(false)}
        />
      )}
      {confirming && (
        <Confirm
          question={t('queue.confirmOriginals')}
          yes={t('queue.readOriginals')}
          onYes={() => {
            setConfirming(false);
            void fetchInto(`${path}/originals`, setOriginals);
          }}
          onNo={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
