import { useState } from 'preact/hooks';
import type { ProposalResource } from '../../../../common/wire/index.ts';
import type {
  AnswerResult,
  ModerationAction,
  ModerationReason,
  QueueItem,
  RedactionResult,
} from '../../../../common/wire/moderation.ts';
import { ApiError, api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import { type Outcome, problemOutcome } from '../../components/outcome.tsx';
import { formatTime, t } from '../../i18n/index.ts';
import { FieldText } from './field-text.tsx';
import { ItemTools } from './item-tools.tsx';
import { areaLabel, insatsTitle, type Lists, questionText } from './lists.ts';
import { ProtectedDetails } from './protected.tsx';
import { ReasonForm } from './reason.tsx';
import { fieldFlags, shiftFlags } from './segments.ts';
import { type FieldSelection, selectionIn } from './selection.ts';

/** The text of `field` (`title`, `text`, `organisation`, `otherText`, `answers.<questionId>`) in `item`. */
export function fieldText(item: QueueItem, field: string): string {
  if (field === 'title') return item.title ?? '';
  if (field === 'otherText') return item.proposal?.otherText ?? '';
  if (field === 'text') return item.text ?? '';
  if (field === 'organisation') return item.organisation ?? '';
  const id = field.slice('answers.'.length);
  return item.textAnswers.find((a) => a.questionId === id)?.text ?? '';
}

function withFieldText(item: QueueItem, field: string, text: string): QueueItem {
  if (field === 'title') return { ...item, title: text };
  if (field === 'text') return { ...item, text };
  if (field === 'organisation') return { ...item, organisation: text };
  if (field === 'otherText')
    return item.proposal ? { ...item, proposal: { ...item.proposal, otherText: text } } : item;
  const id = field.slice('answers.'.length);
  return {
    ...item,
    textAnswers: item.textAnswers.map((a) => (a.questionId === id ? { ...a, text } : a)),
  };
}

/** One item's data, its place on the page, and what the queue does when it changes. */
export interface ItemProps {
  item: QueueItem;
  position: number;
  selected: boolean;
  current: boolean;
  rejecting: boolean;
  busy: boolean;
  lists: Lists;
  onSelect: (id: string, selected: boolean) => void;
  onCurrent: () => void;
  onModerate: (item: QueueItem, action: ModerationAction, reason?: ModerationReason) => void;
  onRejecting: (open: boolean) => void;
  onChanged: (item: QueueItem) => void;
  onOutcome: (outcome: Outcome) => void;
  onForbidden: () => void;
}

/**
 * One queue item: select it, read it with its flagged spans highlighted, approve, reject with a
 * reason, hide; redact a flagged span or a selection; correct the delområde and insats; answer.
 */
export function Item(props: ItemProps) {
  const { item, position, lists } = props;
  const [redacting, setRedacting] = useState<FieldSelection | null>(null);
  const [working, setWorking] = useState(false);
  const id = `item-${item.id}`;
  const kind = t(`kind.${item.kind}`);
  const name = t('queue.itemName', { kind, n: position });
  const primary = item.tags.find((tag) => tag.primary) ?? item.tags[0];
  const fields: { field: string; label: string; text: string }[] = [];
  if (item.title) fields.push({ field: 'title', label: t('queue.fieldTitle'), text: item.title });
  if (item.text) fields.push({ field: 'text', label: t('queue.fieldText'), text: item.text });
  // Typed by the person, so checked and redactable like the texts (shown here, not under "who").
  if (item.organisation)
    fields.push({ field: 'organisation', label: t('queue.fieldOrganisation'), text: item.organisation });
  // What a proposal's "other" offer or ask means: free text too.
  if (item.proposal?.otherText)
    fields.push({ field: 'otherText', label: t('queue.fieldOtherText'), text: item.proposal.otherText });
  for (const a of item.textAnswers)
    fields.push({
      field: `answers.${a.questionId}`,
      label: t('queue.fieldAnswer', { question: questionText(lists, item.insatsId, a.questionId) }),
      text: a.text,
    });
  const spans = fields.flatMap((f) =>
    fieldFlags(item.flags, f.field, f.text).map((flag) => ({ ...flag, label: f.label, text: f.text })),
  );
  const duplicate = item.flags.find((f) => f.kind === 'near-duplicate');
  const kindsFound = [...new Set(item.flags.map((f) => f.kind))];

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.status === 403) props.onForbidden();
    else if (!(error instanceof ApiError && error.status === 401)) props.onOutcome(problemOutcome(error));
  };

  const redact = async (sel: FieldSelection) => {
    setRedacting(null);
    setWorking(true);
    try {
      const before = fieldText(item, sel.field);
      const result = await api<RedactionResult>(
        'POST',
        `/api/staff/submissions/${encodeURIComponent(item.id)}/redactions`,
        { field: sel.field, spans: [{ start: sel.start, end: sel.end }] },
      );
      const delta = result.text.length - before.length;
      props.onChanged({
        ...withFieldText(item, sel.field, result.text),
        flags: shiftFlags(item.flags, sel.field, sel, delta),
      });
      props.onOutcome({ ok: true, text: t('queue.redacted', { name }) });
    } catch (error) {
      fail(error);
    } finally {
      setWorking(false);
    }
  };

  const redactSelection = () => {
    const article = document.getElementById(id);
    const sel = article && selectionIn(article);
    if (!sel) props.onOutcome({ ok: false, text: t('queue.selectFirst') });
    else setRedacting(sel);
  };

  const busy = props.busy || working;
  return (
    <li>
      <article
        id={id}
        class={`queue-item${props.current ? ' is-current' : ''}${item.flagged ? ' is-flagged' : ''}`}
        aria-labelledby={`${id}-name`}
        // The current item is the list's one tab stop (roving focus): Tab reaches it, j/k move on.
        tabIndex={props.current ? 0 : -1}
        data-testid="queue-item"
        data-id={item.id}
        data-status={item.status}
        onFocusCapture={props.onCurrent}
      >
        <div class="queue-item-head">
          <input
            type="checkbox"
            id={`${id}-select`}
            checked={props.selected}
            onChange={(e) => props.onSelect(item.id, e.currentTarget.checked)}
          />
          <label for={`${id}-select`} class="visually-hidden">
            {t('queue.select', { name })}
          </label>
          <h3 id={`${id}-name`}>{name}</h3>
          <span class={`queue-status status-${item.status}`} data-testid="item-status">
            {t(`queue.status.${item.status}`)}
          </span>
        </div>
        {kindsFound.length > 0 && (
          <p class="queue-flags" data-testid="item-flags">
            <strong>{t('queue.flagged')}</strong> {kindsFound.map((k) => t(`flag.${k}`)).join(', ')}
          </p>
        )}
        <dl class="queue-meta">
          <div>
            <dt>{t('queue.insats')}</dt>
            <dd>{item.insatsId ? insatsTitle(lists, item.insatsId) : t('queue.noInsats')}</dd>
          </div>
          <div>
            <dt>{t('queue.area')}</dt>
            <dd>{primary ? areaLabel(lists, primary.areaCode) : t('queue.noArea')}</dd>
          </div>
          <div>
            <dt>{t('queue.who')}</dt>
            <dd>
              {t(`group.${item.respondentGroup}`)}
              {item.ageBand && `, ${t(`age.${item.ageBand}`)}`}
            </dd>
          </div>
          <div>
            <dt>{t('queue.received')}</dt>
            <dd>
              <time dateTime={item.receivedAt}>{formatTime(item.receivedAt)}</time>
            </dd>
          </div>
        </dl>
        {fields.map((f) => (
          <FieldText
            key={f.field}
            itemId={id}
            field={f.field}
            label={f.label}
            text={f.text}
            flags={item.flags}
            lang={item.locale}
          />
        ))}
        {item.proposal && <ProposalLine proposal={item.proposal} />}
        {duplicate && <p class="hint">{t('queue.duplicate')}</p>}
        {item.reason && (
          <p>
            <strong>{t('queue.reason')}</strong> {item.reason}
          </p>
        )}
        {spans.length > 0 && (
          <ul class="queue-spans">
            {spans.map((s) => (
              <li key={`${s.field}-${s.start}`}>
                {t('queue.spanIn', { kind: t(`flag.${s.kind}`), field: s.label })}{' '}
                <q>{s.text.slice(s.start ?? 0, s.end ?? 0)}</q>{' '}
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  disabled={busy}
                  onClick={() =>
                    setRedacting({
                      field: s.field ?? '',
                      start: s.start ?? 0,
                      end: s.end ?? 0,
                      text: s.text.slice(s.start ?? 0, s.end ?? 0),
                    })
                  }
                >
                  {t('queue.redact')}
                  <span class="visually-hidden">
                    {' '}
                    {t('queue.spanIn', { kind: t(`flag.${s.kind}`), field: s.label })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="actions queue-actions">
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            onClick={() => props.onModerate(item, 'approve')}
          >
            {t('queue.approve')}
            <span class="visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={busy}
            aria-expanded={props.rejecting}
            onClick={() => props.onRejecting(!props.rejecting)}
          >
            {t('queue.reject')}
            <span class="visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={busy}
            onClick={() => props.onModerate(item, 'hide')}
          >
            {t('queue.hide')}
            <span class="visually-hidden"> {name}</span>
          </button>
          {fields.length > 0 && (
            <button
              type="button"
              class="btn btn-secondary"
              disabled={busy}
              // Keeps the text selection a mouse made: pressing the button would clear it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={redactSelection}
            >
              {t('queue.redactSelection')}
              <span class="visually-hidden"> {name}</span>
            </button>
          )}
        </div>
        {props.rejecting && (
          <ReasonForm
            id={`${id}-reject`}
            templates={lists.templates}
            required
            busy={busy}
            submitLabel={t('queue.rejectWithReason')}
            onSubmit={(reason) => props.onModerate(item, 'reject', reason)}
            onCancel={() => props.onRejecting(false)}
          />
        )}
        <ItemTools
          item={item}
          name={name}
          lists={lists}
          onChanged={props.onChanged}
          onOutcome={props.onOutcome}
          onError={fail}
          onAnswered={(result: AnswerResult) =>
            props.onOutcome({
              ok: true,
              text: result.mailQueued ? t('queue.answeredMail', { name }) : t('queue.answered', { name }),
            })
          }
        />
        <ProtectedDetails
          item={item}
          name={name}
          fieldLabel={(field) => fields.find((f) => f.field === field)?.label ?? field}
          onError={fail}
        />
        {redacting && (
          <Confirm
            question={t('queue.confirmRedact', { text: redacting.text })}
            yes={t('queue.redact')}
            onYes={() => void redact(redacting)}
            onNo={() => setRedacting(null)}
          />
        )}
      </article>
    </li>
  );
}

/** What a proposal offers and asks for: "Erbjuder: … · Önskar: …" (the "other" text is a field above). */
function ProposalLine({ proposal }: { proposal: NonNullable<QueueItem['proposal']> }) {
  const parts: { label: string; text: string }[] = [];
  const names = (list: readonly ProposalResource[]) => list.map((r) => t(`resource.${r}`)).join(', ');
  if (proposal.offers.length > 0) parts.push({ label: t('queue.offers'), text: names(proposal.offers) });
  if (proposal.asks.length > 0) parts.push({ label: t('queue.asks'), text: names(proposal.asks) });
  if (parts.length === 0) return null;
  return (
    <p class="queue-proposal" data-testid="item-proposal">
      {parts.map((p, i) => (
        <span key={p.label}>
          {i > 0 && ' · '}
          <strong>{p.label}</strong> {p.text}
        </span>
      ))}
    </p>
  );
}
