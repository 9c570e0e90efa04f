import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { type Insats, MAX_TEXT_CHARS } from '../../../common/wire/index.ts';
import { useInsats } from '../../catalogue/use-insats.ts';
import {
  AboutYou,
  type AboutYouValue,
  GROUP_FIELD,
  rememberedAbout,
} from '../../components/about-you/index.tsx';
import {
  type ContactProblem,
  ContactSection,
  type ContactValue,
  contactProblem,
} from '../../components/contact/index.tsx';
import { ErrorSummary, type FormProblem, useErrorSummary } from '../../components/error-summary/index.tsx';
import { InsatsLoadState } from '../../components/load-state/index.tsx';
import { L } from '../../components/localized/index.tsx';
import { SendBlock } from '../../components/send/index.tsx';
import { submitDraft } from '../../save/submit.ts';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { localized, t } from '../../i18n/index.ts';
import { ageBand, group } from '../../state/device.ts';

function CommentForm({ insats }: { insats?: Insats }) {
  const { route } = useLocation();
  const title = t('comment.title');
  // About an insats or in general: two pages, two titles.
  const heading = useViewHeading(insats ? `${title} (${localized(insats.title).text})` : title);
  const [text, setText] = useState('');
  const [about, setAbout] = useState<AboutYouValue>(() => rememberedAbout(group.value, ageBand.value));
  const [textError, setTextError] = useState(false);
  const [groupError, setGroupError] = useState(false);
  const [contact, setContact] = useState<ContactValue>({ wanted: false, email: '' });
  const [contactError, setContactError] = useState<ContactProblem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const summary = useErrorSummary();
  const errorRef = useRef<HTMLParagraphElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const trimmed = text.trim();
    const under13 = about.ageBand === 'under13';
    const contactIssue = under13 ? undefined : contactProblem(contact);
    setTextError(trimmed === '');
    setGroupError(!about.group);
    setContactError(contactIssue);
    if (trimmed === '' || !about.group || contactIssue) {
      summary.show();
      return;
    }
    setBusy(true);
    setError(undefined);
    const outcome = await submitDraft({
      kind: 'comment',
      insatsId: insats?.id,
      text: trimmed,
      group: about.group,
      ageBand: about.ageBand,
      email: contact.wanted && !under13 ? contact.email.trim() : undefined,
    });
    if ('id' in outcome) {
      route(`/sparat/${outcome.id}`);
      return;
    }
    setError(outcome.error);
    setBusy(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const problems: FormProblem[] = [
    ...(textError ? [{ field: 'comment-text', message: t('comment.empty') }] : []),
    ...(groupError && !about.group ? [{ field: GROUP_FIELD, message: t('about.groupRequired') }] : []),
    ...(contactError
      ? [
          {
            field: 'contact-email',
            message: t(contactError === 'missing' ? 'contact.missing' : 'contact.invalid'),
          },
        ]
      : []),
  ];
  const describedBy = ['comment-hint', 'comment-count', textError ? 'comment-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <form onSubmit={submit} noValidate>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ErrorSummary problems={problems} summaryRef={summary.ref} />
      <p class="lead">
        {insats ? (
          <>
            {t('comment.about', { title: '' })}
            <L text={insats.title} />
          </>
        ) : (
          t('comment.general')
        )}
      </p>
      <div class="field">
        <label for="comment-text" class="field-label">
          {t('comment.label')} <span class="required">({t('form.requiredText')})</span>
        </label>
        <p id="comment-hint" class="hint">
          {t('comment.hint')}
        </p>
        <textarea
          id="comment-text"
          required
          rows={7}
          maxLength={MAX_TEXT_CHARS}
          aria-describedby={describedBy}
          aria-invalid={textError ? true : undefined}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (textError && e.currentTarget.value.trim() !== '') setTextError(false);
          }}
        />
        <p id="comment-count" class="hint count">
          {t('q.chars', { n: text.length, max: MAX_TEXT_CHARS })}
        </p>
        {textError && (
          <p id="comment-error" class="field-error">
            {t('comment.empty')}
          </p>
        )}
      </div>
      <AboutYou
        value={about}
        onChange={(next) => {
          setAbout(next);
          if (next.group) setGroupError(false);
        }}
        groupError={groupError}
      />
      <ContactSection
        value={contact}
        onChange={(next) => {
          setContact(next);
          // A shown error goes as soon as what was typed is fine (it is not re-shown while typing).
          if (contactError && contactProblem(next) === undefined) setContactError(undefined);
        }}
        error={contactError}
        under13={about.ageBand === 'under13'}
      />
      <SendBlock kind="comment" busy={busy} error={error} errorRef={errorRef} />
    </form>
  );
}

/** `/insats/:id/kommentar` (about an insats) and `/kommentar` (about your area or anything else). */
export default function Comment({ id }: { id?: string }) {
  const [state, retry] = useInsats(id);
  if (!id) return <CommentForm />;
  if (state.status !== 'ok') return <InsatsLoadState state={state} retry={retry} />;
  return <CommentForm insats={state.insats} />;
}
