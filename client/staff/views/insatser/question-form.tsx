import { useEffect, useRef, useState } from 'preact/hooks';
import type { SensitiveWarning, StaffInsats } from './draft.ts';
import { api } from '../../api.ts';
import { ErrorText, type FieldMessage } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import { localized, type PerLang, perLang } from './draft.ts';
import { LangFieldsets, LangText } from './fields.tsx';

type Kind = StaffInsats['questions'][number]['kind'];
const KINDS: readonly Kind[] = ['single', 'multiple', 'scale', 'text'];
const choice = (kind: Kind) => kind === 'single' || kind === 'multiple';

/** The words of a scale question: ends, middle steps 2–4 (blank: the face alone), "don't know". */
export interface ScaleDraft {
  min: PerLang;
  max: PerLang;
  middle: [PerLang, PerLang, PerLang];
  dontKnow: boolean;
}

/** What the question form edits. */
export interface QuestionDraft {
  kind: Kind;
  text: PerLang;
  options: { id?: string; label: PerLang }[];
  audience: 'everyone' | 'youth';
  scale: ScaleDraft;
  typoFix: boolean;
}

/** The body for POST and PATCH (without typoFix): options only for choice kinds, words only for scales. */
export function questionBody(draft: QuestionDraft): Record<string, unknown> {
  const { scale } = draft;
  return {
    kind: draft.kind,
    text: localized(draft.text) ?? { sv: '' },
    ...(choice(draft.kind)
      ? {
          options: draft.options.map((o) => ({
            ...(o.id ? { id: o.id } : {}),
            label: localized(o.label) ?? { sv: '' },
          })),
        }
      : {}),
    ...(draft.kind === 'scale'
      ? {
          scale: {
            min: localized(scale.min) ?? { sv: '' },
            max: localized(scale.max) ?? { sv: '' },
            middle: scale.middle.map((m) => (m.sv.trim() ? localized(m) : null)),
            dontKnow: scale.dontKnow,
          },
        }
      : {}),
    audience: draft.audience,
  };
}

/** The scale's word fields, in the order of the steps: 1, the middle ones, 5. */
const SCALE_FIELDS = [
  ['min', 1],
  ['middle.0', 2],
  ['middle.1', 3],
  ['middle.2', 4],
  ['max', 5],
] as const;

function scaleWord(scale: ScaleDraft, field: (typeof SCALE_FIELDS)[number][0]): PerLang {
  if (field === 'min' || field === 'max') return scale[field];
  return scale.middle[Number(field.slice(-1))] as PerLang;
}

function withScaleWord(
  scale: ScaleDraft,
  field: (typeof SCALE_FIELDS)[number][0],
  lang: keyof PerLang,
  value: string,
): ScaleDraft {
  const next = { ...scaleWord(scale, field), [lang]: value };
  if (field === 'min' || field === 'max') return { ...scale, [field]: next };
  const middle = [...scale.middle] as ScaleDraft['middle'];
  middle[Number(field.slice(-1))] = next;
  return { ...scale, middle };
}

/** Adds or changes one question; asks the server for sensitive-topic warnings while typing. */
export function QuestionForm({
  id,
  initial,
  admin,
  existing,
  onWarnings,
  onSave,
  onCancel,
}: {
  id: string;
  initial: QuestionDraft;
  admin: boolean;
  existing: boolean;
  insatsId: string;
  onWarnings: (w: SensitiveWarning[]) => void;
  onSave: (draft: QuestionDraft) => Promise<Record<string, FieldMessage>>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<QuestionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useDebounced(JSON.stringify(questionBody(draft)), 700, (body) => {
    if (!draft.text.sv.trim()) return;
    api<{ warnings: SensitiveWarning[] }>('POST', '/api/staff/question-warnings', JSON.parse(body))
      .then((r) => onWarnings(r.warnings))
      .catch(() => {
        // Only a hint: the check runs again when the question is saved.
      });
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const mine: Record<string, FieldMessage> = {};
    if (!draft.text.sv.trim()) mine['text.sv'] = t('insats.missing');
    if (choice(draft.kind)) {
      if (draft.options.length < 2) mine.options = t('questions.twoOptions');
      draft.options.forEach((o, i) => {
        if (!o.label.sv.trim()) mine[`options.${i}.sv`] = t('insats.missing');
      });
    }
    if (draft.kind === 'scale') {
      if (!draft.scale.min.sv.trim()) mine['scale.min.sv'] = t('insats.missing');
      if (!draft.scale.max.sv.trim()) mine['scale.max.sv'] = t('insats.missing');
    }
    setErrors(mine);
    if (Object.keys(mine).length > 0) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`#${id} [aria-invalid="true"]`)?.focus(),
      );
      return;
    }
    setBusy(true);
    setErrors(await onSave(draft));
    setBusy(false);
  };

  const setOption = (i: number, lang: keyof PerLang, value: string) =>
    setDraft((d) => ({
      ...d,
      options: d.options.map((o, j) => (j === i ? { ...o, label: { ...o.label, [lang]: value } } : o)),
    }));

  return (
    <form
      id={id}
      class="staff-form question-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{existing ? t('questions.editTitle') : t('questions.addTitle')}</h3>
      {errors.text && <ErrorText message={errors.text} />}
      <fieldset class="checks">
        <legend>{t('questions.kind')}</legend>
        {KINDS.map((k) => (
          <div class="check" key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              id={`${id}-kind-${k}`}
              checked={draft.kind === k}
              onChange={() => set({ kind: k })}
            />
            <label for={`${id}-kind-${k}`}>{t(`qkind.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class="checks">
        <legend>{t('questions.audience')}</legend>
        {(['everyone', 'youth'] as const).map((a) => (
          <div class="check" key={a}>
            <input
              type="radio"
              name={`${id}-audience`}
              id={`${id}-audience-${a}`}
              checked={draft.audience === a}
              onChange={() => set({ audience: a })}
            />
            <label for={`${id}-audience-${a}`}>{t(`audience.${a}`)}</label>
          </div>
        ))}
      </fieldset>
      <LangFieldsets
        topic={t('questions.textsTopic')}
        idPrefix={`${id}-lang`}
        inUse={(lang) =>
          draft.text[lang].trim() !== '' || draft.options.some((o) => o.label[lang].trim() !== '')
        }
      >
        {(lang) => (
          <>
            <LangText
              id={`${id}-text-${lang}`}
              label={t('questions.text')}
              lang={lang}
              maxLength={500}
              value={draft.text[lang]}
              error={errors[`text.${lang}`]}
              onInput={(v) => set({ text: { ...draft.text, [lang]: v } })}
            />
            {choice(draft.kind) &&
              draft.options.map((o, i) => (
                <LangText
                  key={i}
                  id={`${id}-opt-${i}-${lang}`}
                  label={t('questions.option', { n: i + 1 })}
                  lang={lang}
                  maxLength={200}
                  value={o.label[lang]}
                  error={errors[`options.${i}.${lang}`]}
                  onInput={(v) => setOption(i, lang, v)}
                />
              ))}
            {draft.kind === 'scale' &&
              SCALE_FIELDS.map(([field, step]) => (
                <LangText
                  key={field}
                  id={`${id}-scale-${field.replace('.', '-')}-${lang}`}
                  label={
                    step === 1
                      ? t('questions.scaleMin')
                      : step === 5
                        ? t('questions.scaleMax')
                        : t('questions.scaleStep', { n: step })
                  }
                  lang={lang}
                  maxLength={100}
                  value={scaleWord(draft.scale, field)[lang]}
                  error={errors[`scale.${field}.${lang}`]}
                  onInput={(v) => set({ scale: withScaleWord(draft.scale, field, lang, v) })}
                />
              ))}
          </>
        )}
      </LangFieldsets>
      {draft.kind === 'scale' && (
        <div class="check">
          <input
            type="checkbox"
            id={`${id}-dont-know`}
            checked={draft.scale.dontKnow}
            onChange={(e) => set({ scale: { ...draft.scale, dontKnow: e.currentTarget.checked } })}
          />
          <label for={`${id}-dont-know`}>{t('questions.scaleDontKnow')}</label>
        </div>
      )}
      {choice(draft.kind) && (
        <div class="actions">
          {errors.options && <ErrorText message={errors.options} />}
          <button
            type="button"
            class="btn btn-secondary"
            disabled={draft.options.length >= 20}
            onClick={() => set({ options: [...draft.options, { label: perLang(undefined) }] })}
          >
            {t('questions.addOption')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={draft.options.length <= 2}
            onClick={() => set({ options: draft.options.slice(0, -1) })}
          >
            {t('questions.removeOption')}
          </button>
        </div>
      )}
      {existing && admin && (
        <div class="check">
          <input
            type="checkbox"
            id={`${id}-typo`}
            checked={draft.typoFix}
            onChange={(e) => set({ typoFix: e.currentTarget.checked })}
          />
          <label for={`${id}-typo`}>{t('questions.typoFix')}</label>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('questions.save')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel}>
          {t('users.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Calls `check` with the latest value once `value` has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number, check: (value: T) => void): void {
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    const timer = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
}
