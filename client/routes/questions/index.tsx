import { Listen, shownLang } from '../../components/listen/index.tsx';
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import type { Answer, Insats, Question } from '../../../common/wire/index.ts';
import { useInsats } from '../../catalogue/use-insats.ts';
import {
  AboutYou,
  type AboutYouValue,
  GROUP_FIELD,
  rememberedAbout,
} from '../../components/about-you/index.tsx';
import { ErrorSummary, useErrorSummary } from '../../components/error-summary/index.tsx';
import { FaceScale } from '../../components/face-scale/index.tsx';
import { InsatsLoadState } from '../../components/load-state/index.tsx';
import { L } from '../../components/localized/index.tsx';
import { SendBlock } from '../../components/send/index.tsx';
import { submitDraft } from '../../save/submit.ts';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { localized, t } from '../../i18n/index.ts';
import { ageBand, group } from '../../state/device.ts';
import { DONT_KNOW, MAX_TEXT_CHARS } from '../../../common/wire/index.ts';
import './style.css';

type Value = string | number | string[];

function hasValue(v: Value | undefined): v is Value {
  if (v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/**
 * The forward (next) or backward arrow beside the navigation buttons. Drawn for left to right;
 * `.icon-dir` turns it in a right-to-left page (base.css), where "next" is to the left.
 */
function Arrow({ back = false }: { back?: boolean }) {
  return (
    <svg class="icon icon-dir" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={back ? 'M19 12H5m6-6l-6 6 6 6' : 'M5 12h14m-6-6l6 6-6 6'} />
    </svg>
  );
}

/**
 * A question's heading: "Question 2 of 4" is its first line, so moving focus to the heading on
 * the next question reads where you are, then the question (the progress bar is labelled by it).
 */
function QuestionHeading({ question, progress }: { question: Question; progress: string }) {
  return (
    <>
      <span id="q-progress" class="q-progress">
        {progress}
      </span>{' '}
      <span id="q-question" class="q-text">
        <L text={question.text} />
      </span>
    </>
  );
}

function QuestionStep({
  question,
  progress,
  value,
  onChange,
  showHint,
}: {
  question: Question;
  progress: string;
  value: Value | undefined;
  onChange: (v: Value | undefined) => void;
  showHint: boolean;
}) {
  const title = localized(question.text).text;
  const heading = useViewHeading(`${title} (${progress})`, question.id);
  const name = `q-${question.id}`;
  const hint = showHint ? (
    <p id="q-hint" class="field-error" role="alert">
      {t('q.pickOrSkip')}
    </p>
  ) : null;
  const describedBy = showHint ? 'q-hint' : undefined;

  if (question.kind === 'text') {
    const text = typeof value === 'string' ? value : '';
    return (
      <>
        <h1 id="q-title" ref={heading} tabIndex={-1}>
          <QuestionHeading question={question} progress={progress} />
        </h1>
        <Listen target="q-question" lang={shownLang(question.text)} />
        <textarea
          id={name}
          aria-labelledby="q-question"
          aria-describedby={`q-count${describedBy ? ` ${describedBy}` : ''}`}
          rows={6}
          maxLength={MAX_TEXT_CHARS}
          value={text}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
        <p id="q-count" class="hint">
          {t('q.chars', { n: text.length, max: MAX_TEXT_CHARS })}
        </p>
        {hint}
      </>
    );
  }

  const legend = (
    <>
      <legend>
        <h1 ref={heading} tabIndex={-1}>
          <QuestionHeading question={question} progress={progress} />
        </h1>
      </legend>
      <Listen target="q-question" lang={shownLang(question.text)} />
    </>
  );
  if (question.kind === 'scale') {
    return (
      <fieldset class="question-set" aria-describedby={describedBy}>
        {legend}
        <FaceScale
          name={name}
          value={typeof value === 'number' || value === DONT_KNOW ? value : undefined}
          scale={question.scale}
          onChange={onChange}
        />
        {hint}
      </fieldset>
    );
  }
  const multiple = question.kind === 'multiple';
  const selected = Array.isArray(value) ? value : [];
  return (
    <fieldset class="question-set choices" aria-describedby={`q-how${describedBy ? ` ${describedBy}` : ''}`}>
      {legend}
      <p id="q-how" class="hint">
        {multiple ? t('q.chooseMany') : t('q.chooseOne')}
      </p>
      {(question.options ?? []).map((option) => (
        <label key={option.id} class="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={option.id}
            checked={multiple ? selected.includes(option.id) : value === option.id}
            onChange={(e) => {
              if (!multiple) onChange(option.id);
              else {
                const next = e.currentTarget.checked
                  ? [...selected, option.id]
                  : selected.filter((id) => id !== option.id);
                onChange(next.length > 0 ? next : undefined);
              }
            }}
          />
          <span>
            <L text={option.label} />
          </span>
        </label>
      ))}
      {hint}
    </fieldset>
  );
}

function AboutStep({
  insats,
  answers,
  onBack,
  onFirst,
}: {
  insats: Insats;
  answers: Answer[];
  onBack: () => void;
  onFirst: () => void;
}) {
  const { route } = useLocation();
  const title = t('about.title');
  const heading = useViewHeading(title, 'about');
  const [about, setAbout] = useState<AboutYouValue>(() => rememberedAbout(group.value, ageBand.value));
  const [groupError, setGroupError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const errorRef = useRef<HTMLParagraphElement>(null);
  const summary = useErrorSummary();
  const nothing = answers.length === 0;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || nothing) return;
    if (!about.group) {
      setGroupError(true);
      summary.show();
      return;
    }
    setGroupError(false);
    setBusy(true);
    setError(undefined);
    const outcome = await submitDraft({
      kind: 'answer',
      insatsId: insats.id,
      answers,
      group: about.group,
      ageBand: about.ageBand,
    });
    if ('id' in outcome) {
      route(`/sparat/${outcome.id}`);
      return;
    }
    setError(outcome.error);
    setBusy(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  return (
    <form onSubmit={submit} noValidate>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ErrorSummary
        problems={
          groupError && !about.group ? [{ field: GROUP_FIELD, message: t('about.groupRequired') }] : []
        }
        summaryRef={summary.ref}
      />
      <p>{t('about.intro')}</p>
      {nothing ? (
        <div class="notice notice-warn">
          <p>{t('q.nothingAnswered')}</p>
          <button type="button" class="btn btn-secondary" onClick={onFirst}>
            {t('q.toFirst')}
          </button>
        </div>
      ) : (
        <>
          <AboutYou
            value={about}
            onChange={(next) => {
              setAbout(next);
              if (next.group) setGroupError(false);
            }}
            groupError={groupError}
          />
          <SendBlock kind="answers" busy={busy} error={error} errorRef={errorRef} />
        </>
      )}
      <div class="q-nav">
        <button type="button" class="btn btn-link" onClick={onBack}>
          <Arrow back />
          {t('q.back')}
        </button>
      </div>
    </form>
  );
}

function Flow({ insats }: { insats: Insats }) {
  const questions = insats.questions.filter(
    (q) => q.audience !== 'youth' || !group.value || group.value === 'youth',
  );
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<Record<string, Value>>({});
  const [showHint, setShowHint] = useState(false);
  const total = questions.length;

  const go = (next: number) => {
    setShowHint(false);
    setStep(Math.max(0, Math.min(total, next)));
  };

  if (total === 0) {
    return (
      <>
        <h1 tabIndex={-1}>
          <L text={insats.title} />
        </h1>
        <p>{t('q.noQuestions')}</p>
        <a href={`/insats/${encodeURIComponent(insats.id)}`} class="btn btn-secondary">
          {t('app.back')}
        </a>
      </>
    );
  }

  if (step >= total) {
    const answers: Answer[] = questions
      .filter((q) => hasValue(values[q.id]))
      .map((q) => {
        const v = values[q.id] as Value;
        return { questionId: q.id, questionVersion: q.version, value: typeof v === 'string' ? v.trim() : v };
      });
    return <AboutStep insats={insats} answers={answers} onBack={() => go(total - 1)} onFirst={() => go(0)} />;
  }

  const question = questions[step] as Question;
  const value = values[question.id];
  const setValue = (v: Value | undefined) => {
    setShowHint(false);
    setValues((prev) => {
      const next = { ...prev };
      if (v === undefined) delete next[question.id];
      else next[question.id] = v;
      return next;
    });
  };

  return (
    <form
      class="question"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!hasValue(value)) {
          setShowHint(true);
          return;
        }
        go(step + 1);
      }}
    >
      <p class="q-insats">
        <L text={insats.title} />
      </p>
      <progress class="q-bar" max={total} value={step + 1} aria-labelledby="q-progress" />
      <QuestionStep
        key={question.id}
        question={question}
        progress={t('q.progress', { n: step + 1, total })}
        value={value}
        onChange={setValue}
        showHint={showHint}
      />
      <div class="q-nav">
        <button type="submit" class="btn btn-primary">
          {t('q.next')}
          <Arrow />
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => {
            setValue(undefined);
            go(step + 1);
          }}
        >
          {t('q.skip')}
        </button>
        {step > 0 && (
          <button type="button" class="btn btn-link" onClick={() => go(step - 1)}>
            <Arrow back />
            {t('q.back')}
          </button>
        )}
      </div>
    </form>
  );
}

/** `/insats/:id/fragor`: one question per screen, then "About you", then save. */
export default function Questions({ id }: { id?: string }) {
  const [state, retry] = useInsats(id);
  if (state.status !== 'ok') return <InsatsLoadState state={state} retry={retry} />;
  return <Flow insats={state.insats} />;
}
