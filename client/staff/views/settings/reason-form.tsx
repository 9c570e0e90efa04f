import { useState } from 'preact/hooks';
import type { ReasonTemplate } from '../../../../common/wire/moderation.ts';
import { Field, type FieldMessage } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';

/** Longest short name (the store's limit) and participant text (MAX_REASON_CHARS, common/wire). */
const MAX_LABEL = 80;
const MAX_TEXT = 1_000;

/** What the form edits: the Swedish and English wording, and whether moderators may pick it. */
export interface TemplateDraft {
  labelSv: string;
  labelEn: string;
  textSv: string;
  textEn: string;
  active: boolean;
}

/** A field of the form, as the server names it in its errors (`label.sv`, …). */
export type TemplateField = 'label.sv' | 'label.en' | 'text.sv' | 'text.en';
const FIELDS: readonly TemplateField[] = ['label.sv', 'label.en', 'text.sv', 'text.en'];

export function draftOf(template: ReasonTemplate | undefined): TemplateDraft {
  return {
    labelSv: template?.label.sv ?? '',
    labelEn: template?.label.en ?? '',
    textSv: template?.text.sv ?? '',
    textEn: template?.text.en ?? '',
    active: template?.active ?? true,
  };
}

/**
 * Adds or edits one reason template. Swedish is required (it is what a participant without
 * a translation is told); English is optional. Errors, ours or the server's, beside their field.
 * `onSave` resolves with the server's field errors (empty when saved).
 */
export function ReasonTemplateForm({
  id,
  title,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  id: string;
  title: string;
  initial: TemplateDraft;
  submitLabel: string;
  onSave: (draft: TemplateDraft) => Promise<Partial<Record<TemplateField, FieldMessage>>>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<TemplateField, FieldMessage>>>({});
  const [busy, setBusy] = useState(false);
  const fieldId = (field: TemplateField) => `${id}-${field.replace('.', '-')}`;
  const focusFirst = (found: Partial<Record<TemplateField, FieldMessage>>) => {
    const first = FIELDS.find((f) => found[f] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const mine: Partial<Record<TemplateField, FieldMessage>> = {};
    if (!draft.labelSv.trim()) mine['label.sv'] = t('reasons.labelMissing');
    if (!draft.textSv.trim()) mine['text.sv'] = t('reasons.textMissing');
    setErrors(mine);
    if (Object.keys(mine).length > 0) {
      focusFirst(mine);
      return;
    }
    setBusy(true);
    const refused = await onSave(draft);
    setBusy(false);
    setErrors(refused);
    focusFirst(refused);
  };

  const set = (patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (field: TemplateField, label: string, value: string, onInput: (v: string) => void) => (
    <Field id={fieldId(field)} label={label} error={errors[field]}>
      {(p) =>
        field.startsWith('label.') ? (
          <input
            {...p}
            type="text"
            maxLength={MAX_LABEL}
            value={value}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
        ) : (
          <textarea
            {...p}
            rows={3}
            maxLength={MAX_TEXT}
            value={value}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
        )
      }
    </Field>
  );

  return (
    <form
      class="staff-form reason-template-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {text('label.sv', t('reasons.labelSv'), draft.labelSv, (v) => set({ labelSv: v }))}
      {text('label.en', t('reasons.labelEn'), draft.labelEn, (v) => set({ labelEn: v }))}
      {text('text.sv', t('reasons.textSv'), draft.textSv, (v) => set({ textSv: v }))}
      {text('text.en', t('reasons.textEn'), draft.textEn, (v) => set({ textEn: v }))}
      <div class="check">
        <input
          type="checkbox"
          id={`${id}-active`}
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
        <label for={`${id}-active`}>{t('reasons.active')}</label>
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
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
