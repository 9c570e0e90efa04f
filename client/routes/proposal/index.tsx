import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  MAX_OTHER_CHARS,
  MAX_PROPOSAL_AREAS,
  MAX_TEXT_CHARS,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PROPOSAL_RESOURCES,
  type ProposalResource,
} from '../../../common/wire/index.ts';
import { areas, insatser, loadAreas, loadInsatser } from '../../catalogue/index.ts';
import {
  type ContactProblem,
  ContactSection,
  type ContactValue,
  contactProblem,
} from '../../components/contact/index.tsx';
import { ErrorSummary, type FormProblem, useErrorSummary } from '../../components/error-summary/index.tsx';
import { localized, t } from '../../i18n/index.ts';
import { fallbackAttrs } from '../../components/localized/index.tsx';
import { SendBlock } from '../../components/send/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { submitProposal } from '../../save/submit.ts';
import { areaCode } from '../../state/device.ts';
import './style.css';

/** The fields that can be wrong, in the order they are on the page (the first wrong one gets focus). */
const FIELDS = ['orgName', 'orgKind', 'title', 'text', 'areas', 'otherText'] as const;
type Field = (typeof FIELDS)[number];
const FOCUS: Record<Field, string> = {
  orgName: 'proposal-org',
  orgKind: 'proposal-kind-association',
  title: 'proposal-title',
  text: 'proposal-text',
  areas: 'proposal-area-search',
  otherText: 'proposal-other',
};
const MESSAGE = {
  orgName: 'proposal.orgNameMissing',
  orgKind: 'proposal.orgKindMissing',
  title: 'proposal.titleMissing',
  text: 'proposal.textMissing',
  areas: 'proposal.areasMissing',
  otherText: 'proposal.otherMissing',
} as const;
/** Search results shown at once: enough to find an area, few enough to read with a screen reader. */
const MAX_MATCHES = 12;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function ErrorText({ field, errors }: { field: Field; errors: ReadonlySet<Field> }) {
  if (!errors.has(field)) return null;
  return (
    <p id={`${FOCUS[field]}-error`} class="field-error">
      {t(MESSAGE[field])}
    </p>
  );
}

/** `aria-describedby` for a field: its hint (if any) and its error (when shown). */
const described = (field: Field, errors: ReadonlySet<Field>, hint?: string) =>
  [hint ?? '', errors.has(field) ? `${FOCUS[field]}-error` : ''].filter(Boolean).join(' ') || undefined;

function Resources({
  name,
  legend,
  value,
  onChange,
}: {
  name: 'offers' | 'asks';
  legend: string;
  value: readonly ProposalResource[];
  onChange: (next: ProposalResource[]) => void;
}) {
  return (
    <fieldset class="choices" aria-describedby="proposal-resources-hint">
      <legend>{legend}</legend>
      {PROPOSAL_RESOURCES.map((r) => (
        <label key={r} class="choice">
          <input
            type="checkbox"
            name={name}
            value={r}
            checked={value.includes(r)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, r] : value.filter((x) => x !== r))}
          />
          <span>{t(`resource.${r}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function AreaChooser({
  value,
  onChange,
  errors,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  errors: ReadonlySet<Field>;
}) {
  const [query, setQuery] = useState('');
  const list = areas.value.data ?? [];
  const nameOf = (code: string) => list.find((a) => a.code === code)?.name ?? code;
  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return [];
    return list
      .filter(
        (a) =>
          !value.includes(a.code) &&
          (fold(a.name).includes(q) ||
            a.code.startsWith(q) ||
            (a.aliases ?? []).some((alias) => fold(alias).includes(q))),
      )
      .slice(0, MAX_MATCHES);
  }, [query, list, value]);
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value, code].slice(0, MAX_PROPOSAL_AREAS) : value.filter((c) => c !== code));
  return (
    <fieldset class="choices proposal-areas" aria-describedby="proposal-areas-hint">
      <legend>{t('proposal.areas')}</legend>
      <p id="proposal-areas-hint" class="hint">
        {t('proposal.areasHint')}
      </p>
      <ErrorText field="areas" errors={errors} />
      {value.map((code) => (
        <label key={code} class="choice">
          <input type="checkbox" name="area" value={code} checked onChange={() => toggle(code, false)} />
          {/* Place names are Swedish in every language of the app. */}
          <span lang="sv">{nameOf(code)}</span>
        </label>
      ))}
      <div class="field">
        <label for="proposal-area-search" class="field-label">
          {t('proposal.areasSearch')}
        </label>
        <input
          id="proposal-area-search"
          type="search"
          autocomplete="off"
          aria-describedby={described('areas', errors, 'proposal-area-count')}
          aria-invalid={errors.has('areas') ? true : undefined}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <p id="proposal-area-count" class="hint" aria-live="polite">
          {query.trim() === ''
            ? ''
            : matches.length === 0
              ? t('area.none')
              : t('area.count', { n: matches.length })}
        </p>
      </div>
      {matches.map((a) => (
        <label key={a.code} class="choice">
          <input
            type="checkbox"
            name="area"
            value={a.code}
            checked={false}
            onChange={() => {
              toggle(a.code, true);
              setQuery('');
              requestAnimationFrame(() => document.getElementById('proposal-area-search')?.focus());
            }}
          />
          <span lang="sv">{a.name}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * `/forslag` and `/insats/:id/forslag`: a proposal from an association, a property owner or a
 * business. Saved on the phone and sent through the same outbox as answers and comments.
 */
export default function Proposal({ id }: { id?: string }) {
  const { route } = useLocation();
  const title = t('proposal.title');
  const about = id ? insatser.value.data?.find((i) => i.id === id) : undefined;
  // From an insats or not: two pages, two titles.
  const heading = useViewHeading(id ? `${title} (${about ? localized(about.title).text : id})` : title);
  const summary = useErrorSummary();
  const [orgName, setOrgName] = useState('');
  const [orgKind, setOrgKind] = useState<OrganisationKind | undefined>(undefined);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [insatsId, setInsatsId] = useState(id ?? '');
  const [chosen, setChosen] = useState<string[]>(() => (areaCode.value ? [areaCode.value] : []));
  const [offers, setOffers] = useState<ProposalResource[]>([]);
  const [asks, setAsks] = useState<ProposalResource[]>([]);
  const [otherText, setOtherText] = useState('');
  const [contact, setContact] = useState<ContactValue>({ wanted: false, email: '' });
  const [contactError, setContactError] = useState<ContactProblem | undefined>(undefined);
  const [errors, setErrors] = useState<ReadonlySet<Field>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    void loadAreas();
    void loadInsatser();
  }, []);

  const wantsOther = offers.includes('other') || asks.includes('other');
  const problems = (): Set<Field> => {
    const p = new Set<Field>();
    if (orgName.trim() === '') p.add('orgName');
    if (!orgKind) p.add('orgKind');
    if (subject.trim() === '') p.add('title');
    if (text.trim() === '') p.add('text');
    if (chosen.length === 0) p.add('areas');
    if (wantsOther && otherText.trim() === '') p.add('otherText');
    return p;
  };
  // A shown error goes as soon as the field is fine; new ones appear only on sending.
  useEffect(() => {
    if (errors.size === 0) return;
    const now = problems();
    if ([...errors].some((f) => !now.has(f))) setErrors(new Set([...errors].filter((f) => now.has(f))));
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found = problems();
    const contactIssue = contactProblem(contact);
    setErrors(found);
    setContactError(contactIssue);
    if (found.size > 0 || contactIssue || !orgKind) {
      summary.show();
      return;
    }
    setBusy(true);
    setError(undefined);
    const outcome = await submitProposal({
      organisation: { name: orgName.trim(), kind: orgKind },
      title: subject.trim(),
      text: text.trim(),
      insatsId: insatsId || undefined,
      areaCodes: chosen,
      offers,
      asks,
      otherText: wantsOther ? otherText.trim() : undefined,
      email: contact.wanted ? contact.email.trim() : undefined,
    });
    if ('id' in outcome) {
      route(`/sparat/${outcome.id}`);
      return;
    }
    setError(outcome.error);
    setBusy(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const published = insatser.value.data ?? [];
  const summaryItems: FormProblem[] = [
    ...FIELDS.filter((f) => errors.has(f)).map((f) => ({ field: FOCUS[f], message: t(MESSAGE[f]) })),
    ...(contactError
      ? [
          {
            field: 'contact-email',
            message: t(contactError === 'missing' ? 'contact.missing' : 'contact.invalid'),
          },
        ]
      : []),
  ];
  return (
    <form onSubmit={submit} noValidate class="proposal">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ErrorSummary problems={summaryItems} summaryRef={summary.ref} />
      <p class="lead">{t('proposal.intro')}</p>

      <div class="field">
        <label for="proposal-org" class="field-label">
          {t('proposal.orgName')} <span class="required">({t('form.requiredText')})</span>
        </label>
        <ErrorText field="orgName" errors={errors} />
        <input
          id="proposal-org"
          required
          type="text"
          autocomplete="organization"
          maxLength={200}
          aria-describedby={described('orgName', errors)}
          aria-invalid={errors.has('orgName') ? true : undefined}
          value={orgName}
          onInput={(e) => setOrgName(e.currentTarget.value)}
        />
      </div>

      <fieldset class="choices">
        <legend>
          {t('proposal.orgKind')} <span class="required">({t('form.required')})</span>
        </legend>
        <ErrorText field="orgKind" errors={errors} />
        {ORGANISATION_KINDS.map((k) => (
          <label key={k} class="choice">
            <input
              id={`proposal-kind-${k}`}
              type="radio"
              name="org-kind"
              value={k}
              required
              aria-describedby={described('orgKind', errors)}
              aria-invalid={errors.has('orgKind') ? true : undefined}
              checked={orgKind === k}
              onChange={() => setOrgKind(k)}
            />
            <span>{t(`orgKind.${k}`)}</span>
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label for="proposal-title" class="field-label">
          {t('proposal.titleLabel')} <span class="required">({t('form.requiredText')})</span>
        </label>
        <p id="proposal-title-hint" class="hint">
          {t('proposal.titleHint')}
        </p>
        <ErrorText field="title" errors={errors} />
        <input
          id="proposal-title"
          required
          type="text"
          maxLength={200}
          aria-describedby={described('title', errors, 'proposal-title-hint')}
          aria-invalid={errors.has('title') ? true : undefined}
          value={subject}
          onInput={(e) => setSubject(e.currentTarget.value)}
        />
      </div>

      <div class="field">
        <label for="proposal-text" class="field-label">
          {t('proposal.text')} <span class="required">({t('form.requiredText')})</span>
        </label>
        <p id="proposal-text-hint" class="hint">
          {t('proposal.textHint')}
        </p>
        <ErrorText field="text" errors={errors} />
        <textarea
          id="proposal-text"
          required
          rows={7}
          maxLength={MAX_TEXT_CHARS}
          aria-describedby={described('text', errors, 'proposal-text-hint')}
          aria-invalid={errors.has('text') ? true : undefined}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>

      <div class="field">
        <label for="proposal-insats" class="field-label">
          {t('proposal.insats')}
        </label>
        <select
          id="proposal-insats"
          class="select"
          value={insatsId}
          onChange={(e) => setInsatsId(e.currentTarget.value)}
        >
          <option value="">{t('proposal.newIdea')}</option>
          {published.map((i) => (
            <option key={i.id} value={i.id} {...fallbackAttrs(i.title)}>
              {localized(i.title).text}
            </option>
          ))}
          {id && !published.some((i) => i.id === id) && <option value={id}>{id}</option>}
        </select>
      </div>

      <AreaChooser value={chosen} onChange={setChosen} errors={errors} />

      <p id="proposal-resources-hint" class="hint">
        {t('proposal.resourcesHint')}
      </p>
      <Resources name="offers" legend={t('proposal.offers')} value={offers} onChange={setOffers} />
      <Resources name="asks" legend={t('proposal.asks')} value={asks} onChange={setAsks} />
      {wantsOther && (
        <div class="field">
          <label for="proposal-other" class="field-label">
            {t('proposal.otherText')}
          </label>
          <ErrorText field="otherText" errors={errors} />
          <input
            id="proposal-other"
            type="text"
            maxLength={MAX_OTHER_CHARS}
            aria-describedby={described('otherText', errors)}
            aria-invalid={errors.has('otherText') ? true : undefined}
            value={otherText}
            onInput={(e) => setOtherText(e.currentTarget.value)}
          />
        </div>
      )}

      <ContactSection
        value={contact}
        onChange={(next) => {
          setContact(next);
          if (contactError && contactProblem(next) === undefined) setContactError(undefined);
        }}
        error={contactError}
        under13={false}
      />
      <SendBlock kind="proposal" busy={busy} error={error} errorRef={errorRef} />
    </form>
  );
}
