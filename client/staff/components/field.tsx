import type { ComponentChildren } from 'preact';

/** A message beside a field: ours (in the screen's language) or the server's (`lang: 'en'`). */
export type FieldMessage = string | { text: string; lang: string };

/** Control props Field hands to its child: the id, and hint and error tied with aria-describedby. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

/** A labelled form field with its hint and error, both tied to the control (rendered by `children`). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: FieldMessage | undefined;
  children: (props: ControlProps) => ComponentChildren;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && errorId && <ErrorText id={errorId} message={error} />}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
    </div>
  );
}

/** An error message, marked with its language when it is the server's (English) wording. */
export function ErrorText({ id, message }: { id?: string; message: FieldMessage }) {
  const text = typeof message === 'string' ? message : message.text;
  const lang = typeof message === 'string' ? undefined : message.lang;
  return (
    <p class="field-error" id={id} lang={lang}>
      {text}
    </p>
  );
}

/** The server's field errors as messages (they are written in English). */
export function serverMessages(errors: Record<string, string>): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  for (const [field, text] of Object.entries(errors)) out[field] = { text, lang: 'en' };
  return out;
}
