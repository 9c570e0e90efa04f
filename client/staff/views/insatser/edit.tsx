import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { StaffInsats } from './draft.ts';
import { ApiError, api } from '../../api.ts';
import { Field, type FieldMessage } from '../../components/field.tsx';
import { LoadState } from '../../components/load.tsx';
import { type Outcome, problemOutcome, StatusRegion } from '../../components/outcome.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { t } from '../../i18n/index.ts';
import { me, SCREENS } from '../../session.ts';
import { bodyOf, checkDraft, DIMENSION_CODES, draftOf, type InsatsDraft, type PerLang } from './draft.ts';
import { AreaPicker, Checks, LangFieldsets, LangText } from './fields.tsx';
import { ImageField } from './image.tsx';
import { InsatsFacts } from './facts.tsx';
import { LifecycleActions } from './lifecycle.tsx';
import { QuestionsEditor } from './questions.tsx';

/** The server's field errors by their path (`title.sv`; the store's own refusals name a field, `period`). */
function serverErrors(error: unknown): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const path = e.path || /^([a-zA-Z.0-9]+):/.exec(e.message)?.[1] || '';
    if (path && !(path in out)) out[path] = { text: e.message, lang: 'en' };
  }
  return out;
}

/** `/personal/insatser/:id` (moderators, admins; `ny`: a new one): the insats and its questions. */
export default function InsatsEdit({ id }: { id?: string }) {
  const isNew = id === undefined || id === 'ny';
  const { route } = useLocation();
  const [insats, setInsats] = useState<StaffInsats | undefined>(undefined);
  const [draft, setDraft] = useState<InsatsDraft>(() => draftOf(undefined));
  const [namnder, setNamnder] = useState<string[]>([]);
  const [areas, setAreas] = useState<{ code: string; name: string; district: string }[]>([]);
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(isNew);
  const [errors, setErrors] = useState<Record<string, FieldMessage>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [newNamnd, setNewNamnd] = useState('');
  const admin = me.value?.role === 'admin';

  const load = async () => {
    setFailed(false);
    try {
      const [n, a] = await Promise.all([
        api<{ namnder: { name: string }[] }>('GET', '/api/staff/namnder'),
        api<{ areas: { code: string; name: string; district: string }[] }>('GET', '/api/areas'),
      ]);
      setNamnder(n.namnder.map((x) => x.name));
      setAreas([...a.areas].sort((x, y) => x.name.localeCompare(y.name, 'sv')));
      if (!isNew && id) {
        const one = await api<StaffInsats>('GET', `/api/staff/insatser/${encodeURIComponent(id)}`);
        setInsats(one);
        setDraft(draftOf(one));
      }
      setLoaded(true);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void load();
  }, [id]);

  const title = isNew ? t('insats.newTitle') : t('insats.editTitle', { title: insats?.title.sv ?? '' });
  if (!loaded || (!isNew && !insats))
    return (
      <>
        <ViewHeading title={title} viewKey={`insats-${id}`} />
        <LoadState failed={failed} retry={() => void load()} />
      </>
    );

  const set = (patch: Partial<InsatsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setText = (field: 'title' | 'summary' | 'body' | 'imageAlt', lang: keyof PerLang, value: string) =>
    setDraft((d) => ({ ...d, [field]: { ...d[field], [lang]: value } }));
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.insats-form [aria-invalid="true"]')?.focus(),
    );

  const save = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    const mine: Record<string, FieldMessage> = {};
    for (const key of Object.keys(checkDraft(draft, Boolean(insats?.image)))) mine[key] = t('insats.missing');
    setErrors(mine);
    if (Object.keys(mine).length > 0) {
      setOutcome({ ok: false, text: t('form.fixErrors') });
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const saved = isNew
        ? await api<StaffInsats>('POST', '/api/staff/insatser', bodyOf(draft, false))
        : await api<StaffInsats>(
            'PATCH',
            `/api/staff/insatser/${encodeURIComponent(insats?.id ?? '')}`,
            bodyOf(draft, true),
          );
      setInsats(saved);
      setDraft(draftOf(saved));
      setOutcome({ ok: true, text: t('insats.saved') });
      if (isNew) route(`${SCREENS.insatser.path}/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      const found = serverErrors(error);
      setErrors(found);
      setOutcome(
        Object.keys(found).length > 0 ? { ok: false, text: t('form.fixErrors') } : problemOutcome(error),
      );
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const addNamnd = async () => {
    const name = newNamnd.trim();
    if (!name) return;
    try {
      const added = await api<{ name: string }>('POST', '/api/staff/namnder', { name });
      setNamnder((list) => (list.includes(added.name) ? list : [...list, added.name]));
      set({ namnder: [...draft.namnder.filter((n) => n !== added.name), added.name] });
      setNewNamnd('');
    } catch (error) {
      setOutcome(problemOutcome(error));
    }
  };

  const err = (path: string) => errors[path] ?? errors[path.split('.')[0] ?? ''];
  return (
    <>
      <ViewHeading title={title} viewKey={`insats-${id}`} />
      <p>
        <a href={SCREENS.insatser.path}>{t('insats.back')}</a>
      </p>
      {insats && (
        <p data-testid="insats-lifecycle">
          {t('insats.lifecycleNow', { lifecycle: t(`lifecycle.${insats.lifecycle}`) })}
        </p>
      )}
      <StatusRegion outcome={outcome} testId="insats-status" />
      <form class="staff-form insats-form" noValidate onSubmit={(e) => void save(e)}>
        <LangFieldsets
          topic={t('insats.textsTopic')}
          idPrefix="insats-texts"
          inUse={(lang) =>
            [draft.title, draft.summary, draft.body].some((f) => f[lang].trim() !== '') ||
            Object.keys(errors).some((path) => path.endsWith(`.${lang}`))
          }
        >
          {(lang) => (
            <>
              <LangText
                id={`insats-title-${lang}`}
                label={t('insats.fTitle')}
                lang={lang}
                maxLength={200}
                value={draft.title[lang]}
                error={err(`title.${lang}`)}
                onInput={(v) => setText('title', lang, v)}
              />
              <LangText
                id={`insats-summary-${lang}`}
                label={t('insats.fSummary')}
                lang={lang}
                maxLength={1000}
                multiline
                value={draft.summary[lang]}
                error={err(`summary.${lang}`)}
                onInput={(v) => setText('summary', lang, v)}
              />
              <LangText
                id={`insats-body-${lang}`}
                label={t('insats.fBody')}
                lang={lang}
                maxLength={10000}
                multiline
                value={draft.body[lang]}
                error={errors[`body.${lang}`]}
                onInput={(v) => setText('body', lang, v)}
              />
            </>
          )}
        </LangFieldsets>
        <Checks
          id="insats-namnd"
          legend={t('insats.namnder')}
          items={namnder.map((n) => ({ value: n, label: n }))}
          selected={draft.namnder}
          onChange={(v) => set({ namnder: v })}
        />
        {admin && (
          <div class="inline-add">
            <Field id="insats-new-namnd" label={t('insats.newNamnd')}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  maxLength={200}
                  value={newNamnd}
                  onInput={(e) => setNewNamnd(e.currentTarget.value)}
                />
              )}
            </Field>
            <button type="button" class="btn btn-secondary" onClick={() => void addNamnd()}>
              {t('insats.addNamnd')}
            </button>
          </div>
        )}
        <AreaPicker areas={areas} selected={draft.areaCodes} onChange={(v) => set({ areaCodes: v })} />
        <Checks
          id="insats-dim"
          legend={t('insats.dimensions')}
          items={DIMENSION_CODES.map((d) => ({ value: d, label: t(`dimension.${d}`) }))}
          selected={draft.dimensions}
          onChange={(v) => set({ dimensions: v })}
        />
        <InsatsFacts draft={draft} errors={errors} set={set} />
        <fieldset>
          <legend>{t('insats.imageLegend')}</legend>
          <ImageField
            insatsId={insats?.id}
            image={insats?.image ?? null}
            onChanged={(image) => insats && setInsats({ ...insats, image })}
          />
          <LangFieldsets
            topic={t('insats.altTopic')}
            idPrefix="insats-alt"
            inUse={(lang) => draft.imageAlt[lang].trim() !== '' || `imageAlt.${lang}` in errors}
          >
            {(lang) => (
              <LangText
                id={`insats-alt-${lang}`}
                label={t('insats.imageAlt')}
                lang={lang}
                maxLength={500}
                value={draft.imageAlt[lang]}
                error={err(`imageAlt.${lang}`)}
                onInput={(v) => setText('imageAlt', lang, v)}
              />
            )}
          </LangFieldsets>
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {isNew ? t('insats.create') : t('insats.save')}
          </button>
        </div>
      </form>
      {insats && (
        <>
          <LifecycleActions insats={insats} onChanged={setInsats} onOutcome={setOutcome} />
          <QuestionsEditor insats={insats} onChanged={setInsats} />
        </>
      )}
    </>
  );
}
