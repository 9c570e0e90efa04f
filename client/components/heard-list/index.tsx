/**
 * Approved public input, newest first, page by page: the list of "What we heard" about an insats
 * and of the ideas page (new ideas from associations and businesses).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LocalizedText } from '../../../common/wire/index.ts';
import type { PublicSubmission, PublicSubmissionPage } from '../../../common/wire/moderation.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { L, listOf } from '../localized/index.tsx';
import './style.css';

/** What a redacted span reads as (api/store/moderation.ts REDACTION_PLACEHOLDER). */
const PLACEHOLDER = '[borttaget]';

type Load = 'loading' | 'ok' | 'offline' | 'error';

function texts(item: PublicSubmission): string[] {
  return [item.title ?? '', item.text ?? '', ...item.answers.map((a) => a.text)];
}

/** One approved item; `day` is a Malmö date, read at noon so no time zone moves it to another day. */
function HeardItem({
  item,
  question,
}: {
  item: PublicSubmission;
  question: (id: string) => LocalizedText | undefined;
}) {
  const lang = item.locale ?? '';
  return (
    <li class="heard-item" data-testid="heard-item">
      <p class="heard-meta">
        <strong>{t(`kind.${item.kind}`)}</strong>
        {item.area && (
          <>
            {' · '}
            <span lang="sv">{item.area.name}</span>
          </>
        )}{' '}
        · <time dateTime={item.day}>{formatDate(`${item.day}T12:00`, false)}</time>
      </p>
      {/* People write in any language and script: each text finds its own direction and carries
          the language they wrote in, not the page's (`lang=""`, unknown, for items without one). */}
      {item.title && (
        <p class="heard-title" dir="auto" lang={lang}>
          {item.title}
        </p>
      )}
      {item.organisation && (
        <p class="heard-org" dir="auto" lang={lang}>
          {item.organisation}
        </p>
      )}
      {item.text && (
        <p class="heard-text" dir="auto" lang={lang}>
          {item.text}
        </p>
      )}
      {item.proposal && item.proposal.offers.length > 0 && (
        <p>{t('heard.offers', { list: listOf(item.proposal.offers.map((r) => t(`resource.${r}`))) })}</p>
      )}
      {item.proposal && item.proposal.asks.length > 0 && (
        <p>{t('heard.asks', { list: listOf(item.proposal.asks.map((r) => t(`resource.${r}`))) })}</p>
      )}
      {item.answers.length > 0 && (
        <dl class="heard-answers">
          {item.answers.map((a) => (
            <div key={a.questionId}>
              <dt>
                <L text={question(a.questionId) ?? { sv: a.questionId }} />
              </dt>
              <dd class="heard-text" dir="auto" lang={lang}>
                {a.text}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {item.answer && (
        <div class="answer">
          <p>
            <strong>{t('receipt.answer')}</strong> ({formatDate(item.answer.answeredAt, false)})
          </p>
          <p lang="sv" class="heard-text">
            {item.answer.text}
          </p>
        </div>
      )}
    </li>
  );
}

/** What to list: the query of GET /api/public/submissions (without cursor), and question texts. */
export interface HeardListProps {
  query: Record<string, string>;
  /** The text of a question answered in an item (short-text answers). */
  question?: (id: string) => LocalizedText | undefined;
}

/** The approved items matching `query`, with loading, offline, "show more" and redaction notes. */
export function HeardList({ query, question = () => undefined }: HeardListProps) {
  const [items, setItems] = useState<PublicSubmission[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<Load>('loading');
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState('');
  const key = new URLSearchParams(query).toString();

  // Not cached by the service worker: what is published changes, and an old copy would mislead.
  const load = async (cursor?: string) => {
    if (cursor) setMore(true);
    else setState('loading');
    try {
      const q = new URLSearchParams(query);
      if (cursor) q.set('cursor', cursor);
      const response = await fetch(`/api/public/submissions?${q}`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = (await response.json()) as PublicSubmissionPage;
      if (!Array.isArray(page.items)) throw new Error('bad page');
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.next);
      setState('ok');
      setStatus(cursor ? t('heard.moreShown', { n: page.items.length }) : '');
    } catch {
      if (cursor) setStatus(navigator.onLine ? t('app.loadError') : t('heard.offline'));
      else setState(navigator.onLine ? 'error' : 'offline');
    } finally {
      setMore(false);
    }
  };

  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    void load();
    // Back online: try again when the first load failed for want of a connection.
    const retry = () => {
      if (stateRef.current === 'offline') void load();
    };
    addEventListener('online', retry);
    return () => removeEventListener('online', retry);
  }, [key]);

  const redacted = items.some((i) => texts(i).some((s) => s.includes(PLACEHOLDER)));
  return (
    <>
      {state === 'loading' && (
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {(state === 'offline' || state === 'error') && (
        <div class="notice notice-warn" role="alert">
          <p>{state === 'offline' ? t('heard.offline') : t('app.loadError')}</p>
          <button type="button" class="btn btn-secondary" onClick={() => void load()}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {state === 'ok' && items.length === 0 && <p class="notice">{t('heard.empty')}</p>}
      {redacted && <p class="hint">{t('heard.redacted', { placeholder: PLACEHOLDER })}</p>}
      {items.length > 0 && (
        <ul class="heard-list">
          {items.map((item) => (
            <HeardItem key={item.key} item={item} question={question} />
          ))}
        </ul>
      )}
      <p role="status" class="visually-hidden">
        {status}
      </p>
      {next && state === 'ok' && (
        <button type="button" class="btn btn-secondary" disabled={more} onClick={() => void load(next)}>
          {t('heard.more')}
        </button>
      )}
    </>
  );
}
