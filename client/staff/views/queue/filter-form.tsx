import { useEffect, useState } from 'preact/hooks';
import type { QueueFilter } from '../../../../common/wire/moderation.ts';
import { t } from '../../i18n/index.ts';
import { FLAGS, GROUPS, KINDS, STATUSES } from './filters.ts';
import { insatsTitle, type Lists } from './lists.ts';

/** Every status at once (the status filter's "all"). */
const ALL = STATUSES.join(',');

interface Draft {
  status: string;
  kind: string;
  insats: string;
  area: string;
  areaAny: boolean;
  group: string;
  flag: string;
  flagged: boolean;
  from: string;
  to: string;
  waitingDays: string;
  awaitingAnswer: boolean;
  text: string;
}

function draftOf(filter: QueueFilter): Draft {
  return {
    status: filter.status?.join(',') ?? '',
    kind: filter.kind?.join(',') ?? '',
    insats: filter.insats === undefined ? '' : (filter.insats ?? 'none'),
    area: filter.area ?? '',
    areaAny: filter.areaMatch === 'any',
    group: filter.group?.join(',') ?? '',
    flag: filter.flag ?? '',
    flagged: filter.flagged ?? false,
    from: filter.from ?? '',
    to: filter.to ?? '',
    waitingDays: filter.waitingDays === undefined ? '' : String(filter.waitingDays),
    awaitingAnswer: filter.awaitingAnswer ?? false,
    text: filter.text?.join(', ') ?? '',
  };
}

/** The address query of a draft (the same names and values as the API's). */
function queryOf(d: Draft): Record<string, string> {
  const q: Record<string, string> = {};
  if (d.status) q.status = d.status;
  if (d.kind) q.kind = d.kind;
  if (d.insats) q.insats = d.insats;
  if (d.area) q.area = d.area;
  if (d.area && d.areaAny) q.areaMatch = 'any';
  if (d.group) q.group = d.group;
  if (d.flag) q.flag = d.flag;
  if (d.flagged) q.flagged = '1';
  if (d.from) q.from = d.from;
  if (d.to) q.to = d.to;
  if (d.waitingDays.trim()) q.waitingDays = d.waitingDays.trim();
  if (d.awaitingAnswer) q.awaitingAnswer = '1';
  const text = d.text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (text.length > 0) q.text = text.join(',');
  return q;
}

/** The queue's filters; applying them changes the address (so the view can be shared). */
export function FilterForm({
  filter,
  lists,
  onApply,
  clearHref,
}: {
  filter: QueueFilter;
  lists: Lists;
  onApply: (query: Record<string, string>) => void;
  clearHref: string | null;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter));
  const key = JSON.stringify(filter);
  useEffect(() => setDraft(draftOf(filter)), [key]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const select = (name: keyof Draft) => ({
    id: `queue-${name}`,
    name,
    value: draft[name] as string,
    onChange: (e: Event) => set({ [name]: (e.currentTarget as HTMLSelectElement).value }),
  });
  return (
    <form
      class="staff-form queue-filters"
      aria-labelledby="queue-filters-title"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(queryOf(draft));
      }}
    >
      <h2 id="queue-filters-title">{t('audit.filters')}</h2>
      <div class="filter-grid">
        <div class="field">
          <label class="field-label" for="queue-status">
            {t('queue.filterStatus')}
          </label>
          <select {...select('status')}>
            <option value="">{t('queue.status.pending')}</option>
            {STATUSES.filter((s) => s !== 'pending').map((s) => (
              <option key={s} value={s}>
                {t(`queue.status.${s}`)}
              </option>
            ))}
            <option value={ALL}>{t('queue.allStatuses')}</option>
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="queue-kind">
            {t('queue.filterKind')}
          </label>
          <select {...select('kind')}>
            <option value="">{t('queue.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="queue-insats">
            {t('queue.insats')}
          </label>
          <select {...select('insats')}>
            <option value="">{t('queue.any')}</option>
            <option value="none">{t('queue.noInsats')}</option>
            {lists.insatser.map((i) => (
              <option key={i.id} value={i.id}>
                {insatsTitle(lists, i.id)}
              </option>
            ))}
            {draft.insats &&
              draft.insats !== 'none' &&
              !lists.insatser.some((i) => i.id === draft.insats) && (
                <option value={draft.insats}>{draft.insats}</option>
              )}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="queue-area">
            {t('queue.area')}
          </label>
          <select {...select('area')}>
            <option value="">{t('queue.any')}</option>
            {lists.areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
            {draft.area && !lists.areas.some((a) => a.code === draft.area) && (
              <option value={draft.area}>{draft.area}</option>
            )}
          </select>
          <div class="check">
            <input
              type="checkbox"
              id="queue-areaAny"
              checked={draft.areaAny}
              onChange={(e) => set({ areaAny: e.currentTarget.checked })}
            />
            <label for="queue-areaAny">{t('queue.areaAny')}</label>
          </div>
        </div>
        <div class="field">
          <label class="field-label" for="queue-group">
            {t('queue.filterGroup')}
          </label>
          <select {...select('group')}>
            <option value="">{t('queue.any')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`group.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="queue-flag">
            {t('queue.filterFlag')}
          </label>
          <select {...select('flag')}>
            <option value="">{t('queue.any')}</option>
            {FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(`flag.${f}`)}
              </option>
            ))}
          </select>
          <div class="check">
            <input
              type="checkbox"
              id="queue-flagged"
              checked={draft.flagged}
              onChange={(e) => set({ flagged: e.currentTarget.checked })}
            />
            <label for="queue-flagged">{t('queue.flaggedOnly')}</label>
          </div>
        </div>
        <div class="field">
          <label class="field-label" for="queue-from">
            {t('audit.from')}
          </label>
          <input
            type="date"
            id="queue-from"
            value={draft.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label class="field-label" for="queue-to">
            {t('audit.to')}
          </label>
          <input
            type="date"
            id="queue-to"
            value={draft.to}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label class="field-label" for="queue-waitingDays">
            {t('queue.filterWaitingDays')}
          </label>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            id="queue-waitingDays"
            value={draft.waitingDays}
            onInput={(e) => set({ waitingDays: e.currentTarget.value })}
          />
          <div class="check">
            <input
              type="checkbox"
              id="queue-awaitingAnswer"
              checked={draft.awaitingAnswer}
              onChange={(e) => set({ awaitingAnswer: e.currentTarget.checked })}
            />
            <label for="queue-awaitingAnswer">{t('queue.awaitingAnswerOnly')}</label>
          </div>
          <label class="field-label" for="queue-text">
            {t('queue.text')}
          </label>
          <input
            type="text"
            id="queue-text"
            aria-describedby="queue-text-help"
            value={draft.text}
            onInput={(e) => set({ text: e.currentTarget.value })}
          />
          <p class="hint" id="queue-text-help">
            {t('queue.textHelp')}
          </p>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          {t('audit.apply')}
        </button>
        {clearHref && (
          <a href={clearHref} class="btn btn-secondary">
            {t('audit.clear')}
          </a>
        )}
      </div>
    </form>
  );
}
