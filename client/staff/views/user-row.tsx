import { useEffect, useRef, useState } from 'preact/hooks';
import type { Role, StaffUser, StaffUserPatch } from '../../../common/wire/staff.ts';
import { ApiError, api, fieldErrors, MIN_PASSWORD } from '../api.ts';
import { Confirm } from '../components/confirm.tsx';
import { Field, type FieldMessage, serverMessages } from '../components/field.tsx';
import { type Outcome, problemOutcome } from '../components/outcome.tsx';
import { formatTime, t } from '../i18n/index.ts';
import { RoleOptions } from './role-options.tsx';
import { type NamndChoice, namnderText, UserNamnder } from './user-namnder.tsx';

/** The sign-in methods of an account, in words. */
function methodText(user: StaffUser): string {
  if (user.hasPassword && user.oidcLinked) return t('users.methodBoth');
  if (user.hasPassword) return t('users.methodPassword');
  if (user.oidcLinked) return t('users.methodOidc');
  return t('users.methodNone');
}

const roleText = (role: Role | null) => (role ? t(`role.${role}`) : t('role.none'));

/**
 * One row of the users table, with its changes: the role (select + save), deactivate or
 * reactivate (after a confirmation), a new password.
 */
export function UserRow({
  user,
  namnder,
  onChanged,
  onOutcome,
  onForbidden,
  onGone,
}: {
  user: StaffUser;
  namnder: readonly NamndChoice[];
  onChanged: (user: StaffUser) => void;
  onOutcome: (outcome: Outcome) => void;
  onForbidden: () => void;
  onGone: () => void;
}) {
  const [role, setRole] = useState<Role | ''>(user.role ?? '');
  const [confirming, setConfirming] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<FieldMessage | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  // The saved role wins over an unsaved choice once the server answers.
  useEffect(() => setRole(user.role ?? ''), [user.role]);
  const id = `user-${user.id}`;
  const who = { email: user.email };

  /** Sends `patch`; resolves with the field errors of a 400 (empty when done or otherwise refused). */
  const change = async (patch: StaffUserPatch, done: (after: StaffUser) => string) => {
    setBusy(true);
    try {
      const after = await api<StaffUser>('PATCH', `/api/staff/users/${encodeURIComponent(user.id)}`, patch);
      onChanged(after);
      onOutcome({ ok: true, text: done(after) });
      return {};
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 403) onForbidden();
      else if (error.status === 409) onOutcome({ ok: false, text: t('users.lastAdmin') });
      else if (error.status === 404) {
        onOutcome({ ok: false, text: t('users.notFound') });
        onGone();
      } else if (error.status === 400 && error.errors.length > 0) return fieldErrors(error);
      else if (error.status !== 401) onOutcome(problemOutcome(error));
      return {};
    } finally {
      setBusy(false);
    }
  };

  const saveRole = async () => {
    const next = role || null;
    const errors = await change({ role: next }, (after) =>
      t('users.roleSaved', { email: after.email, role: roleText(after.role) }),
    );
    if (errors.role) onOutcome({ ok: false, text: errors.role });
  };

  const saveNamnder = async (patch: StaffUserPatch) => {
    const errors = await change(patch, (after) =>
      t('users.namnderSaved', { email: after.email, namnder: namnderText(after, namnder) }),
    );
    if (errors.namnder) onOutcome({ ok: false, text: errors.namnder });
  };

  const setActive = async () => {
    setConfirming(false);
    const active = !user.active;
    await change({ active }, (after) =>
      t(active ? 'users.reactivated' : 'users.deactivated', { email: after.email }),
    );
  };

  const savePassword = async (e: Event) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setPasswordError(t('users.passwordShort', { min: MIN_PASSWORD }));
      passwordRef.current?.focus();
      return;
    }
    const errors = await change({ password }, (after) => t('users.passwordSaved', { email: after.email }));
    const message = serverMessages(errors).password;
    if (message) {
      setPasswordError(message);
      passwordRef.current?.focus();
      return;
    }
    closePassword();
  };

  const closePassword = () => {
    setPasswordOpen(false);
    setPassword('');
    setPasswordError(undefined);
    requestAnimationFrame(() => passwordButton.current?.focus());
  };

  return (
    <tr data-testid="user-row" data-email={user.email}>
      <th scope="row">{user.email}</th>
      <td>{user.name}</td>
      <td>{roleText(user.role)}</td>
      <td data-testid="user-namnder-text">
        {user.role === 'admin' ? t('users.namnderAll') : namnderText(user, namnder)}
      </td>
      <td>{user.active ? t('users.yes') : t('users.no')}</td>
      <td>{user.lastLoginAt ? formatTime(user.lastLoginAt) : t('users.never')}</td>
      <td>{methodText(user)}</td>
      <td class="user-actions">
        <div class="inline-field">
          <label class="visually-hidden" for={`${id}-role`}>
            {t('users.roleFor', who)}
          </label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role | '')}
          >
            <RoleOptions />
          </select>
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void saveRole()}>
            {t('users.saveRole')}
            <span class="visually-hidden"> {t('users.for', who)}</span>
          </button>
        </div>
        {user.role !== 'admin' && (
          <UserNamnder user={user} namnder={namnder} busy={busy} onSave={(p) => void saveNamnder(p)} />
        )}
        <div class="actions">
          <button
            type="button"
            class={`btn ${user.active ? 'btn-danger' : 'btn-secondary'}`}
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {user.active ? t('users.deactivate') : t('users.reactivate')}
            <span class="visually-hidden"> {user.email}</span>
          </button>
          {!passwordOpen && (
            <button
              ref={passwordButton}
              type="button"
              class="btn btn-secondary"
              onClick={() => {
                setPasswordOpen(true);
                requestAnimationFrame(() => passwordRef.current?.focus());
              }}
            >
              {t('users.setPassword')}
              <span class="visually-hidden"> {t('users.for', who)}</span>
            </button>
          )}
        </div>
        {passwordOpen && (
          <form class="staff-form password-form" onSubmit={(e) => void savePassword(e)} noValidate>
            <Field
              id={`${id}-password`}
              label={t('users.newPasswordFor', who)}
              hint={t('users.newPasswordHint', { min: MIN_PASSWORD })}
              error={passwordError}
            >
              {(p) => (
                <input
                  {...p}
                  ref={passwordRef}
                  type="password"
                  autocomplete="new-password"
                  value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="actions">
              <button type="submit" class="btn btn-primary" disabled={busy}>
                {t('users.savePassword')}
              </button>
              <button type="button" class="btn btn-secondary" onClick={closePassword}>
                {t('users.cancel')}
              </button>
            </div>
          </form>
        )}
        {confirming && (
          <Confirm
            question={t(user.active ? 'users.confirmDeactivate' : 'users.confirmReactivate', who)}
            yes={user.active ? t('users.deactivate') : t('users.reactivate')}
            onYes={() => void setActive()}
            onNo={() => setConfirming(false)}
          />
        )}
      </td>
    </tr>
  );
}
