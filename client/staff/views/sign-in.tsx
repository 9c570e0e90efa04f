import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, fieldErrors } from '../api.ts';
import { Field, type FieldMessage, serverMessages } from '../components/field.tsx';
import { ViewHeading } from '../components/view-heading.tsx';
import { staffLanguage, t } from '../i18n/index.ts';
import { loadMethods, methods, sessionEnded, signIn } from '../session.ts';

/**
 * The plain-language message for a refused sign-in. For 429 the server says how long to wait:
 * its own words on English screens, the wait from Retry-After in Swedish ones.
 */
export function signInProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return t('app.loadError');
  if (error.status === 401) return t('signIn.wrong');
  if (error.status === 429) {
    if (staffLanguage.value === 'en' && error.detail) return error.detail;
    if (error.retryAfter !== null && error.retryAfter > 0)
      return t('signIn.tooMany', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) });
    return t('signIn.tooManySoon');
  }
  if (error.status === 400) return t('form.fixErrors');
  if (error.status === 0) return t('app.loadError');
  return t('signIn.failed');
}

/** The OIDC return (`?signin=failed|inactive`) in words. */
function returnMessage(signin: string | undefined): string | undefined {
  if (signin === 'failed') return t('signIn.failed');
  if (signin === 'inactive') return t('signIn.inactive');
  return undefined;
}

/** Sign-in: the city's identity provider when configured, and e-mail + password when offered. */
export function SignIn() {
  const { path, query, route } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [result, setResult] = useState<{ busy: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadMethods();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: Record<string, FieldMessage> = {};
    if (!email.trim()) missing.email = t('signIn.emailMissing');
    if (!password) missing.password = t('signIn.passwordMissing');
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      setResult({ busy: false, text: t('form.fixErrors') });
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setResult({ busy: true, text: t('signIn.busy') });
    try {
      await signIn({ email: email.trim(), password });
      // Signed in: the screen for this address replaces the form; drop a stale ?signin=… notice.
      if (query.signin) route(path, true);
    } catch (error) {
      const fields = serverMessages(fieldErrors(error));
      setErrors(fields);
      setPassword('');
      setResult({ busy: false, text: signInProblem(error) });
      if (fields.email) emailRef.current?.focus();
      else passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const offered = methods.value;
  const oidc = offered?.oidc;
  const returned = returnMessage(query.signin);
  return (
    <>
      <ViewHeading title={t('signIn.title')} viewKey="sign-in" />
      <p>{t('signIn.intro')}</p>
      {sessionEnded.value && <p class="notice notice-warn">{t('app.sessionEnded')}</p>}
      {returned && (
        <p class="notice notice-error" data-testid="signin-return">
          {returned}
        </p>
      )}
      {offered && !offered.password && !oidc && <p class="notice notice-warn">{t('signIn.noMethods')}</p>}
      {oidc && (
        <p class="staff-oidc">
          {/* A full-page navigation to the identity provider, not a client route: the click stops
              here so preact-iso's router (listening on window) leaves it to the browser. A form
              would not do: CSP form-action 'self' blocks its redirect to the provider. */}
          <a
            href={`/api/auth/oidc/start?${new URLSearchParams({ returnTo: path })}`}
            class="btn btn-primary"
            data-testid="signin-oidc"
            onClick={(e) => e.stopPropagation()}
          >
            {t('signIn.oidc', { name: oidc.name })}
          </a>
        </p>
      )}
      {offered?.password !== false && (
        <form class="staff-form" onSubmit={(e) => void submit(e)} noValidate>
          {oidc && <h2>{t('signIn.or')}</h2>}
          <Field id="signin-email" label={t('signIn.email')} error={errors.email}>
            {(p) => (
              <input
                {...p}
                ref={emailRef}
                type="email"
                name="email"
                autocomplete="username"
                spellcheck={false}
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="signin-password" label={t('signIn.password')} error={errors.password}>
            {(p) => (
              <input
                {...p}
                ref={passwordRef}
                type="password"
                name="password"
                autocomplete="current-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </form>
      )}
      <div role="status" class="staff-result" data-testid="signin-result">
        {result && (result.busy ? <p>{result.text}</p> : <p class="notice notice-error">{result.text}</p>)}
      </div>
    </>
  );
}
