import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type {
  ModerationAction,
  ModerationReason,
  ModerationResult,
  QueueItem,
  QueuePage,
  QueueStatus,
} from '../../../../common/wire/moderation.ts';
import { ApiError, api } from '../../api.ts';
import { LoadState } from '../../components/load.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { t } from '../../i18n/index.ts';
import { me, SCREENS } from '../../session.ts';
import { BulkBar } from './bulk.tsx';
import { FilterForm } from './filter-form.tsx';
import { filterQuery, hasFilter, parseFilter, QUEUE_PAGE } from './filters.ts';
import { Item } from './item.tsx';
import { type Shortcut, setShortcutsOn, shortcutFor, shortcutsOn } from './keys.ts';
import { KeysHelp } from './keys-help.tsx';
import { type Lists, loadLists, NO_LISTS } from './lists.ts';
import './style.css';

const STATUS_AFTER: Record<ModerationAction, QueueStatus> = {
  approve: 'approved',
  reject: 'rejected',
  hide: 'hidden',
  pending: 'pending',
};

/**
 * `/personal/granska` (moderators, admins): the moderation queue. Filters live in the address;
 * flagged items come first (the API's order); single and bulk actions, redaction, corrections
 * and answers; keyboard shortcuts for the common steps.
 */
export function Queue() {
  const { query, route } = useLocation();
  const filter = parseFilter(query);
  const filterKey = filterQuery(filter);
  const [items, setItems] = useState<QueueItem[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [badFilter, setBadFilter] = useState('');
  const [forbidden, setForbidden] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [lists, setLists] = useState<Lists>(NO_LISTS);
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.status === 403) setForbidden(true);
    else if (!(error instanceof ApiError && error.status === 401)) setOutcome(problemOutcome(error));
  };

  const load = async (cursor?: string) => {
    const mine = ++generation.current;
    setFailed(false);
    setBadFilter('');
    try {
      const page = await api<QueuePage>(
        'GET',
        `/api/staff/queue?${filterQuery(filter, { cursor: cursor ?? null, limit: QUEUE_PAGE })}`,
      );
      if (mine !== generation.current) return;
      setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
      setNext(page.next);
      if (cursor) setOutcome({ ok: true, text: t('queue.moreShown', { n: page.items.length }) });
    } catch (error) {
      if (mine !== generation.current) return;
      if (error instanceof ApiError && error.status === 403) setForbidden(true);
      else if (error instanceof ApiError && error.status === 400) {
        setBadFilter(error.errors.map((e) => `${e.path}: ${e.message}`).join('; ') || error.detail);
        setItems([]);
        setNext(null);
      } else setFailed(true);
    }
  };

  useEffect(() => {
    setItems(undefined);
    setSelected(new Set());
    setCurrent(0);
    setRejecting(null);
    void load();
  }, [filterKey]);

  useEffect(() => {
    void loadLists().then(setLists);
  }, []);

  const focusItem = (index: number) => {
    const item = items?.[index];
    if (!item) return;
    setCurrent(index);
    requestAnimationFrame(() => {
      const el = document.getElementById(`item-${item.id}`);
      el?.focus();
      el?.scrollIntoView({ block: 'nearest' });
    });
  };

  const moderate = async (ids: readonly string[], action: ModerationAction, reason?: ModerationReason) => {
    setBusy(true);
    try {
      const result = await api<ModerationResult>('POST', '/api/staff/moderation', {
        target: { ids },
        action,
        ...(reason ? { reason } : {}),
      });
      const changed = new Set(result.ids);
      const shownReason = action === 'reject' || action === 'hide' ? reasonText(reason) : null;
      setItems((list) =>
        list?.map((i) =>
          changed.has(i.id) ? { ...i, status: STATUS_AFTER[action], reason: shownReason } : i,
        ),
      );
      setSelected(new Set());
      setRejecting(null);
      setOutcome({ ok: true, text: t(`queue.done.${action}`, { n: result.changed }) });
      return true;
    } catch (error) {
      fail(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reasonText = (reason?: ModerationReason) => {
    const template = reason?.templateId ? lists.templates.find((x) => x.id === reason.templateId) : undefined;
    return [template?.text.sv, reason?.text].filter(Boolean).join(' ') || null;
  };

  const moderateFilter = async (
    action: ModerationAction,
    reason: ModerationReason | undefined,
    asOf: string,
  ) => {
    setBusy(true);
    try {
      const result = await api<ModerationResult>('POST', '/api/staff/moderation', {
        target: { filter, asOf },
        action,
        ...(reason ? { reason } : {}),
      });
      setOutcome({ ok: true, text: t(`queue.done.${action}`, { n: result.changed }) });
      setSelected(new Set());
      await load();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  // Shortcuts: the handler sees this render's state through a ref.
  const onShortcut = useRef<(s: Shortcut) => void>(() => {});
  onShortcut.current = (s: Shortcut) => {
    if (!items || items.length === 0) return;
    const index = Math.min(current, items.length - 1);
    const item = items[index];
    if (!item) return;
    if (s === 'next') focusItem(Math.min(items.length - 1, index + 1));
    else if (s === 'previous') focusItem(Math.max(0, index - 1));
    else if (s === 'select') toggle(item.id, !selected.has(item.id));
    else if (s === 'reject') {
      setRejecting(item.id);
      requestAnimationFrame(() => document.getElementById(`item-${item.id}-reject-template`)?.focus());
    } else if (!busy)
      void moderate([item.id], s === 'approve' ? 'approve' : 'hide').then((ok) => {
        if (ok) focusItem(Math.min(items.length - 1, index + 1));
      });
  };
  const [keysOn, setKeysOn] = useState(() => (me.value ? shortcutsOn(me.value.id) : true));
  // Listened to on the list only: a letter pressed on a link, a button or a field elsewhere on
  // the page does nothing (WCAG 2.1.4).
  const onListKey = (e: KeyboardEvent) => {
    if (!keysOn || document.querySelector('dialog[open]')) return;
    const shortcut = shortcutFor({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      target: e.target instanceof HTMLElement ? e.target : null,
    });
    if (!shortcut) return;
    e.preventDefault();
    onShortcut.current(shortcut);
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((before) => {
      const after = new Set(before);
      if (on) after.add(id);
      else after.delete(id);
      return after;
    });

  if (forbidden) return <NoAccess />;

  const allSelected = !!items && items.length > 0 && items.every((i) => selected.has(i.id));
  return (
    <>
      <ViewHeading title={t('queue.title')} viewKey="queue" />
      <p>{t('queue.intro')}</p>
      <FilterForm
        filter={filter}
        lists={lists}
        clearHref={hasFilter(filter) ? SCREENS.queue.path : null}
        onApply={(q) => {
          const search = new URLSearchParams(q).toString();
          route(search ? `${SCREENS.queue.path}?${search}` : SCREENS.queue.path);
        }}
      />
      <KeysHelp
        on={keysOn}
        onChange={(on) => {
          setKeysOn(on);
          if (me.value) setShortcutsOn(me.value.id, on);
        }}
      />
      <BulkBar
        filter={filter}
        selected={selected.size}
        lists={lists}
        busy={busy}
        onSelection={(action, reason) => void moderate([...selected], action, reason)}
        onFilter={(action, reason, asOf) => void moderateFilter(action, reason, asOf)}
        onError={fail}
      />
      <StatusRegion outcome={outcome} testId="queue-status" />
      <section aria-labelledby="queue-list-title">
        <h2 id="queue-list-title">{t('queue.listTitle')}</h2>
        {badFilter && (
          <p class="notice notice-error" role="alert">
            {t('audit.badFilter')} <span lang="en">{badFilter}</span>
          </p>
        )}
        {items === undefined ? (
          <LoadState failed={failed} retry={() => void load()} />
        ) : items.length === 0 ? (
          !badFilter && <p class="notice">{t('queue.empty')}</p>
        ) : (
          <>
            <div class="queue-list-tools">
              <p data-testid="queue-shown">{t('queue.shown', { n: items.length })}</p>
              <div class="check">
                <input
                  type="checkbox"
                  id="queue-select-all"
                  checked={allSelected}
                  onChange={(e) =>
                    setSelected(e.currentTarget.checked ? new Set(items.map((i) => i.id)) : new Set())
                  }
                />
                <label for="queue-select-all">{t('queue.selectAll')}</label>
              </div>
            </div>
            <ol class="queue-list" onKeyDown={onListKey}>
              {items.map((item, index) => (
                <Item
                  key={item.id}
                  item={item}
                  position={index + 1}
                  selected={selected.has(item.id)}
                  current={index === current}
                  rejecting={rejecting === item.id}
                  busy={busy}
                  lists={lists}
                  onSelect={toggle}
                  onCurrent={() => setCurrent(index)}
                  onModerate={(i, action, reason) => void moderate([i.id], action, reason)}
                  onRejecting={(open) => setRejecting(open ? item.id : null)}
                  onChanged={(after) => setItems((list) => list?.map((i) => (i.id === after.id ? after : i)))}
                  onOutcome={setOutcome}
                  onForbidden={() => setForbidden(true)}
                />
              ))}
            </ol>
            {next && (
              <button
                type="button"
                class="btn btn-secondary"
                onClick={() => void load(next)}
                data-testid="queue-more"
              >
                {t('queue.more')}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
