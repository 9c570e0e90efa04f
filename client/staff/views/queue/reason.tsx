import { useState } from 'preact/hooks';
import type { ModerationReason, ReasonTemplate } from '../../../../common/wire/moderation.ts';
import { Field } from '../../components/field.tsx';
import { staffLanguage, t } from '../../i18n/index.ts';

/** A template's short name in the staff language (Swedish when it has none). */
export function templateLabel(template: ReasonTemplate): string {
  return template.label[staffLanguage.value] || template.label.sv;
}

/**
 * The reason a participant is told when their input is rejected (or hidden): a template, free
 * text, or both. `required`: one of the two must be given (rejecting).
 */
export function ReasonForm({
  id,
  templates,
  required,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  id: string;
  templates: readonly ReasonTemplate[];
  required: boolean;
  submitLabel: string;
  busy: boolean;
  onSubmit: (reason: ModerationReason | undefined) => void;
  onCancel?: () => void;
}) {
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (e: Event) => {
    e.preventDefault();
    const free = text.trim();
    if (required && !templateId && !free) {
      setError(t('queue.reasonMissing'));
      document.getElementById(`${id}-template`)?.focus();
      return;
    }
    setError(undefined);
    const reason: ModerationReason = {};
    if (templateId) reason.templateId = templateId;
    if (free) reason.text = free;
    onSubmit(templateId || free ? reason : undefined);
  };
  return (
    <form class="staff-form reason-form" onSubmit={submit} noValidate data-testid="reason-form">
      <Field
        id={`${id}-template`}
        label={t('queue.reasonTemplate')}
        hint={t('queue.reasonHint')}
        error={error}
      >
        {(p) => (
          <select {...p} value={templateId} onChange={(e) => setTemplateId(e.currentTarget.value)}>
            <option value="">{t('queue.noTemplate')}</option>
            {templates
              .filter((tpl) => tpl.active)
              .map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {templateLabel(tpl)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-reason-text`} label={t('queue.reasonText')}>
        {(p) => <textarea {...p} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <button type="submit" class="btn btn-danger" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="btn btn-secondary" onClick={onCancel}>
            {t('users.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
