import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LocalizedText } from '../../../../common/wire/index.ts';
import type { ReasonTemplate, ReasonTemplateList } from '../../../../common/wire/moderation.ts';
import { ApiError, api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import type { FieldMessage } from '../../components/field.tsx';
import { LoadState } from '../../components/load.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { t } from '../../i18n/index.ts';
import { templateLabel } from '../queue/reason.tsx';
import { ReasonRow } from './reason-row.tsx';
import { draftOf, ReasonTemplateForm, type TemplateDraft, type TemplateField } from './reason-form.tsx';
import { inOrder, moved, nextPosition } from './reason-order.ts';

type Errors = Partial<Record<TemplateField, FieldMessage>>;
const FIELDS = new Set<string>(['label.sv', 'label.en', 'text.sv', 'text.en']);

/** The Swedish and English wording of `draft` over `before`'s (other languages are kept). */
function wording(before: LocalizedText | undefined, sv: string, en: string): LocalizedText {
  const out: LocalizedText = { ...before, sv: sv.trim() };
  if (en.trim()) out.en = en.trim();
  else delete out.en;
  return out;
}

/** The body that saves `template` whole (POST replaces a template by its id). */
const body = (template: ReasonTemplate) => ({
  id: template.id,
  position: template.position,
  active: template.active,
  label: template.label,
  text: template.text,
});

/**
 * The reason templates moderators pick from when they reject or hide (admins): in position
 * order, with their state; add, edit (Swedish required, English optional), move up or down,
 * deactivate or activate, delete after a confirmation. Reasons already sent keep their text.
 */
export function ReasonTemplates({ onForbidden }: { onForbidden: () => void }) {
  const [templates, setTemplates] = useState<ReasonTemplate[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The template being edited, or 'new'. */
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ReasonTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  // The parent's callback may be new on every render; loading must not follow it.
  const forbidden = useRef(onForbidden);
  forbidden.current = onForbidden;

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const list = await api<ReasonTemplateList>('GET', '/api/staff/reason-templates?all=1');
      setTemplates(inOrder(list.templates));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) forbidden.current();
      else if (!(error instanceof ApiError && error.status === 401)) setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  /** Any refusal other than field errors: in the status region. */
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.status === 403) forbidden.current();
    else if (!(error instanceof ApiError && error.status === 401)) setOutcome(problemOutcome(error));
  };

  const post = (template: ReasonTemplate | Omit<ReasonTemplate, 'id' | 'createdAt' | 'updatedAt'>) =>
    api<ReasonTemplate>('POST', '/api/staff/reason-templates', 'id' in template ? body(template) : template);

  const save = async (before: ReasonTemplate | undefined, draft: TemplateDraft): Promise<Errors> => {
    const fields = {
      position: before?.position ?? nextPosition(templates ?? []),
      active: draft.active,
      label: wording(before?.label, draft.labelSv, draft.labelEn),
      text: wording(before?.text, draft.textSv, draft.textEn),
    };
    try {
      const saved = await post(before ? { ...before, ...fields } : fields);
      setTemplates((list) => inOrder([...(list ?? []).filter((x) => x.id !== saved.id), saved]));
      setEditing(null);
      setOutcome({
        ok: true,
        text: t(before ? 'reasons.saved' : 'reasons.added', { label: saved.label.sv }),
      });
      requestAnimationFrame(() => document.getElementById(`reason-${saved.id}`)?.focus());
      return {};
    } catch (error) {
      const errors: Errors = {};
      if (error instanceof ApiError && error.status === 400)
        for (const e of error.errors)
          if (FIELDS.has(e.path) && !errors[e.path as TemplateField])
            errors[e.path as TemplateField] = { text: e.message, lang: 'en' };
      if (Object.keys(errors).length > 0) setOutcome({ ok: false, text: t('form.fixErrors') });
      else refused(error);
      return errors;
    }
  };

  /** Saves the templates a change touches, then shows the list as the server has it. */
  const change = async (changed: ReasonTemplate[], done: string, focus?: string) => {
    setBusy(true);
    let saved = false;
    try {
      for (const template of changed) await post(template);
      saved = true;
    } catch (error) {
      refused(error);
    } finally {
      await load();
      // Said once the list shows it: "moved" must not be announced over the old order.
      if (saved) setOutcome({ ok: true, text: done });
      setBusy(false);
      if (focus) requestAnimationFrame(() => document.getElementById(focus)?.focus());
    }
  };

  const remove = async (template: ReasonTemplate) => {
    setDeleting(null);
    setBusy(true);
    try {
      await api('DELETE', `/api/staff/reason-templates/${encodeURIComponent(template.id)}`);
      setTemplates((list) => list?.filter((x) => x.id !== template.id));
      setOutcome({ ok: true, text: t('reasons.deleted', { label: template.label.sv }) });
      requestAnimationFrame(() => document.getElementById('reasons-title')?.focus());
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="settings-part reasons" aria-labelledby="reasons-title">
      <h2 id="reasons-title" tabIndex={-1}>
        {t('reasons.title')}
      </h2>
      <p>{t('reasons.intro')}</p>
      <StatusRegion outcome={outcome} testId="reasons-status" />
      {templates === undefined ? (
        <LoadState failed={failed} retry={() => void load()} />
      ) : templates.length === 0 ? (
        <p>{t('reasons.empty')}</p>
      ) : (
        <ol class="reason-list">
          {templates.map((tpl, index) =>
            editing === tpl.id ? (
              <li key={tpl.id}>
                <ReasonTemplateForm
                  id={`reason-form-${tpl.id}`}
                  title={t('reasons.editTitle', { label: templateLabel(tpl) })}
                  initial={draftOf(tpl)}
                  submitLabel={t('reasons.save')}
                  onSave={(draft) => save(tpl, draft)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <ReasonRow
                key={tpl.id}
                template={tpl}
                first={index === 0}
                last={index === templates.length - 1}
                busy={busy}
                onMove={(delta) =>
                  void change(
                    moved(templates, index, delta),
                    t('reasons.moved', { label: tpl.label.sv }),
                    `reason-${tpl.id}-${moveFocus(index + delta, templates.length, delta)}`,
                  )
                }
                onEdit={() => setEditing(tpl.id)}
                onToggle={() =>
                  void change(
                    [{ ...tpl, active: !tpl.active }],
                    t(tpl.active ? 'reasons.deactivated' : 'reasons.activated', { label: tpl.label.sv }),
                    `reason-${tpl.id}-toggle`,
                  )
                }
                onDelete={() => setDeleting(tpl)}
              />
            ),
          )}
        </ol>
      )}
      {editing === 'new' ? (
        <ReasonTemplateForm
          id="reason-form-new"
          title={t('reasons.addTitle')}
          initial={draftOf(undefined)}
          submitLabel={t('reasons.create')}
          onSave={(draft) => save(undefined, draft)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        templates !== undefined && (
          <button type="button" class="btn btn-secondary" onClick={() => setEditing('new')}>
            {t('reasons.add')}
          </button>
        )
      )}
      {deleting && (
        <Confirm
          question={t('reasons.confirmDelete', { label: deleting.label.sv })}
          yes={t('reasons.confirmYes')}
          onYes={() => void remove(deleting)}
          onNo={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

/**
 * After a move to `to`, the button to keep focus on: the same direction while the template can
 * still go that way, else the other one (a disabled button cannot hold focus).
 */
function moveFocus(to: number, length: number, delta: -1 | 1): 'up' | 'down' {
  if (delta < 0) return to > 0 ? 'up' : 'down';
  return to < length - 1 ? 'down' : 'up';
}
