import { useEffect, useState } from 'preact/hooks';
import type { StaffUser, StaffUserPatch } from '../../../common/wire/staff.ts';
import { t } from '../i18n/index.ts';

/** A nämnd as staff pick it (GET /api/staff/namnder). */
export interface NamndChoice {
  id: string;
  name: string;
}

/** The nämnder of an account, in words: their names, or "all" when it has none. */
export function namnderText(user: StaffUser, namnder: readonly NamndChoice[]): string {
  if (user.namnder.length === 0) return t('users.namnderAll');
  const names = user.namnder.map((id) => namnder.find((n) => n.id === id)?.name ?? id).join(', ');
  return user.inputWithoutInsats ? `${names} ${t('users.namnderPlusNone')}` : names;
}

/**
 * Which nämnder an account works for (a moderator or analyst with any sees only their
 * insatser; admins always see all), and whether it also sees input without an insats.
 * The server enforces it; this only says it.
 */
export function UserNamnder({
  user,
  namnder,
  busy,
  onSave,
}: {
  user: StaffUser;
  namnder: readonly NamndChoice[];
  busy: boolean;
  onSave: (patch: StaffUserPatch) => void;
}) {
  const [chosen, setChosen] = useState<string[]>(user.namnder);
  const [withoutInsats, setWithoutInsats] = useState(user.inputWithoutInsats);
  // What the server saved wins over unsaved choices once it answers.
  useEffect(() => setChosen(user.namnder), [user.namnder]);
  useEffect(() => setWithoutInsats(user.inputWithoutInsats), [user.inputWithoutInsats]);
  const id = `user-${user.id}-namnder`;
  const toggle = (namnd: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((n) => n !== namnd), namnd] : list.filter((n) => n !== namnd)));

  return (
    <fieldset class="user-namnder" data-testid="user-namnder">
      <legend>{t('users.namnderFor', { email: user.email })}</legend>
      <p class="hint" id={`${id}-hint`}>
        {t('users.namnderHint')}
      </p>
      {namnder.map((n) => (
        <div class="check" key={n.id}>
          <input
            type="checkbox"
            id={`${id}-${n.id}`}
            checked={chosen.includes(n.id)}
            aria-describedby={`${id}-hint`}
            onChange={(e) => toggle(n.id, e.currentTarget.checked)}
          />
          <label for={`${id}-${n.id}`}>{n.name}</label>
        </div>
      ))}
      <div class="check">
        <input
          type="checkbox"
          id={`${id}-none`}
          checked={withoutInsats}
          disabled={chosen.length === 0}
          onChange={(e) => setWithoutInsats(e.currentTarget.checked)}
        />
        <label for={`${id}-none`}>{t('users.namnderWithoutInsats')}</label>
      </div>
      <button
        type="button"
        class="btn btn-secondary"
        disabled={busy}
        onClick={() => onSave({ namnder: chosen, inputWithoutInsats: chosen.length > 0 && withoutInsats })}
      >
        {t('users.saveNamnder')}
        <span class="visually-hidden"> {t('users.for', { email: user.email })}</span>
      </button>
    </fieldset>
  );
}
