import { useRef, useState } from 'preact/hooks';
import type { NewStaffUser, Role, StaffUser } from '../../../common/wire/staff.ts';
import { ApiError, api, fieldErrors, MIN_PASSWORD } from '../api.ts';
import { Field, type FieldMessage, serverMessages } from '../components/field.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../components/outcome.tsx';
import { t } from '../i18n/index.ts';
import { RoleOptions } from './role-options.tsx';

/** "Add a user": e-mail, name, role (or none), and an optional first password. */
export function AddUserForm({
  onAdded,
  onForbidden,
}: {
  onAdded: (user: StaffUser) => void;
  onForbidden: () => void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [status, setStatus] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    email: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
    role: useRef<HTMLSelectElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const focusFirst = (found: Record<string, unknown>) => {
    const first = (['email', 'name', 'role', 'password'] as const).find((f) => f in found);
    if (first) refs[first].current?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const own: Record<string, FieldMessage> = {};
    if (!email.trim()) own.email = t('users.emailMissing');
    if (password && password.length < MIN_PASSWORD)
      own.password = t('users.passwordShort', { min: MIN_PASSWORD });
    setErrors(own);
    if (Object.keys(own).length > 0) {
      setStatus({ ok: false, text: t('form.fixErrors') });
      focusFirst(own);
      return;
    }
    // Nämnder are given on the account's row once it exists.
    const body: NewStaffUser = {
      email: email.trim(),
      name: name.trim(),
      role: role || null,
      namnder: [],
      inputWithoutInsats: false,
    };
    if (password) body.password = password;
    setBusy(true);
    setStatus(null);
    try {
      const user = await api<StaffUser>('POST', '/api/staff/users', body);
      setEmail('');
      setName('');
      setRole('');
      setPassword('');
      setStatus({ ok: true, text: t('users.added', { email: user.email }) });
      onAdded(user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return onForbidden();
      let found: Record<string, FieldMessage> = serverMessages(fieldErrors(error));
      if (error instanceof ApiError && error.status === 409) found = { email: t('users.emailTaken') };
      setErrors(found);
      setStatus(
        Object.keys(found).length > 0 ? { ok: false, text: t('form.fixErrors') } : problemOutcome(error),
      );
      focusFirst(found);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('users.addTitle')}</h2>
      <form class="staff-form" onSubmit={(e) => void submit(e)} noValidate data-testid="add-user-form">
        <Field id="new-email" label={t('users.email')} error={errors.email}>
          {(p) => (
            <input
              {...p}
              ref={refs.email}
              type="email"
              autocomplete="off"
              spellcheck={false}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="new-name" label={t('users.name')} hint={t('users.nameHint')} error={errors.name}>
          {(p) => (
            <input
              {...p}
              ref={refs.name}
              type="text"
              autocomplete="off"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="new-role" label={t('users.role')} hint={t('users.roleHint')} error={errors.role}>
          {(p) => (
            <select
              {...p}
              ref={refs.role}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as Role | '')}
            >
              <RoleOptions />
            </select>
          )}
        </Field>
        <Field
          id="new-password"
          label={t('users.password')}
          hint={t('users.passwordHint', { min: MIN_PASSWORD })}
          error={errors.password}
        >
          {(p) => (
            <input
              {...p}
              ref={refs.password}
              type="password"
              autocomplete="new-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('users.adding') : t('users.add')}
        </button>
      </form>
      <StatusRegion outcome={status} testId="add-user-status" />
    </section>
  );
}
