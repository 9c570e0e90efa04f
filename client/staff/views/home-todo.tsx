import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_WAITING_DAYS,
  type HomeCount,
  MAX_WAITING_DAYS,
  type StaffHome,
} from '../../../common/wire/moderation.ts';
import { api } from '../api.ts';
import { staffLocale, t } from '../i18n/index.ts';
import { SCREENS } from '../session.ts';

/** Where this browser keeps the person's "waiting longer than" days, per staff user. */
const daysKey = (userId: string) => `kraftsamla.staff.waitingDays.${userId}`;

function storedDays(userId: string): number {
  try {
    const n = Number(localStorage.getItem(daysKey(userId)));
    return Number.isInteger(n) && n >= 1 && n <= MAX_WAITING_DAYS ? n : DEFAULT_WAITING_DAYS;
  } catch {
    return DEFAULT_WAITING_DAYS;
  }
}

function Count({ entry, label, hint }: { entry: HomeCount; label: string; hint?: string }) {
  const number = new Intl.NumberFormat(staffLocale()).format(entry.count);
  return (
    <li class="todo-item" data-testid="todo-item">
      <a href={`${SCREENS.queue.path}?${entry.query}`}>
        <span class="todo-count">{number}</span> {label}
      </a>
      {hint && <p class="hint">{hint}</p>}
    </li>
  );
}

/**
 * The start page's "to do" for moderators and admins: pending, flagged, waiting longer than N
 * days (N chosen here, kept in this browser) and waiting for an answer, each a link to the queue
 * filtered exactly as the server counted.
 */
export function HomeTodo({ userId }: { userId: string }) {
  const [days, setDays] = useState(() => storedDays(userId));
  const [draft, setDraft] = useState(String(days));
  const [home, setHome] = useState<StaffHome | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setFailed(false);
    api<StaffHome>('GET', `/api/staff/home?waitingDays=${days}`)
      .then((h) => live && setHome(h))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [days]);

  const apply = (e: Event) => {
    e.preventDefault();
    const n = Number(draft);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WAITING_DAYS) return;
    try {
      localStorage.setItem(daysKey(userId), String(n));
    } catch {
      // Private mode: the choice lasts this visit only.
    }
    setDays(n);
  };

  return (
    <section aria-labelledby="todo-title">
      <h2 id="todo-title">{t('home.todoTitle')}</h2>
      <p>{t('home.todoIntro')}</p>
      {failed ? (
        <p class="notice notice-error">{t('home.todoFailed')}</p>
      ) : home === undefined ? null : (
        <ul class="todo">
          <Count entry={home.pending} label={t('home.todoPending')} />
          <Count entry={home.flagged} label={t('home.todoFlagged')} />
          <Count entry={home.waiting} label={t('home.todoWaiting', { n: home.waitingDays })} />
          <Count entry={home.awaitingAnswer} label={t('home.todoAnswers')} hint={t('home.todoAnswersHint')} />
        </ul>
      )}
      <form class="staff-form todo-days" onSubmit={apply}>
        <div class="field">
          <label class="field-label" for="todo-days">
            {t('home.todoDays')}
          </label>
          <input
            id="todo-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_WAITING_DAYS}
            required
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn btn-secondary">
          {t('home.todoDaysApply')}
        </button>
      </form>
    </section>
  );
}
