import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { Field, type FieldMessage } from '../../components/field.tsx';
import { t } from '../../i18n/index.ts';
import { INSATS_LANGS, type InsatsLang } from './draft.ts';

/** A language's name in itself, for legends (marked with its language). */
export const LANG_NAMES: Record<InsatsLang, string> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
  'sv-x-lattlast': 'Lättläst svenska',
  ckb: 'کوردی (سۆرانی)',
  fa: 'فارسی / دری',
  so: 'Soomaali',
  ti: 'ትግርኛ',
  kmr: 'Kurmancî',
  tr: 'Türkçe',
  sh: 'Bosanski / Hrvatski / Srpski',
  pl: 'Polski',
};

/** A text input (or textarea) in one language, marked `lang` and `dir`, with its error beside it. */
export function LangText({
  id,
  label,
  lang,
  value,
  error,
  multiline = false,
  maxLength,
  onInput,
}: {
  id: string;
  label: string;
  lang: InsatsLang;
  value: string;
  error?: FieldMessage | undefined;
  multiline?: boolean;
  maxLength: number;
  onInput: (value: string) => void;
}) {
  const dir = INSATS_LANGS.find((l) => l.code === lang)?.dir ?? 'ltr';
  return (
    <Field id={id} label={label} error={error}>
      {(p) =>
        multiline ? (
          <textarea
            {...p}
            lang={lang}
            dir={dir}
            rows={4}
            maxLength={maxLength}
            value={value}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
        ) : (
          <input
            {...p}
            type="text"
            lang={lang}
            dir={dir}
            maxLength={maxLength}
            value={value}
            onInput={(e) => onInput(e.currentTarget.value)}
          />
        )
      }
    </Field>
  );
}

/**
 * One fieldset per language: Swedish required, the others optional. `topic` begins each legend
 * ("Bildtext – Svenska"), so two groups of languages on one page never share a name; the
 * fieldset's id ends in `-group`, never the id of a field inside it (a label must name a field).
 * The languages beyond Swedish, English and Arabic are inside a "more languages" disclosure,
 * open when one of them has text or an error (`inUse`), so nothing written is hidden.
 */
export function LangFieldsets({
  idPrefix,
  topic,
  inUse,
  children,
}: {
  idPrefix: string;
  topic: string;
  inUse?: (lang: InsatsLang) => boolean;
  children: (lang: InsatsLang) => ComponentChildren;
}) {
  const fieldset = (code: InsatsLang) => (
    <fieldset key={code} class="lang-fieldset" id={`${idPrefix}-${code}-group`}>
      <legend>
        {topic} –{' '}
        <span lang={code} dir={INSATS_LANGS.find((l) => l.code === code)?.dir}>
          {LANG_NAMES[code]}
        </span>{' '}
        <span class="muted">({code === 'sv' ? t('insats.required') : t('insats.optional')})</span>
      </legend>
      {children(code)}
    </fieldset>
  );
  const more = INSATS_LANGS.filter((l) => l.more).map((l) => l.code);
  const used = more.filter((code) => inUse?.(code)).length;
  return (
    <>
      {INSATS_LANGS.filter((l) => !l.more).map(({ code }) => fieldset(code))}
      <details class="lang-more" open={used > 0}>
        <summary>{t('insats.moreLanguages', { n: more.length, used })}</summary>
        {more.map(fieldset)}
      </details>
    </>
  );
}

/** Checkboxes in a fieldset, each value with its label. */
export function Checks<T extends string>({
  id,
  legend,
  hint,
  items,
  selected,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  items: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset class="checks" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {items.map((item, i) => (
        <div class="check" key={item.value}>
          <input
            type="checkbox"
            id={`${id}-${i}`}
            checked={selected.includes(item.value)}
            onChange={(e) =>
              onChange(
                e.currentTarget.checked
                  ? [...selected, item.value]
                  : selected.filter((v) => v !== item.value),
              )
            }
          />
          <label for={`${id}-${i}`}>{item.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The target delområden: a search box filtering a checkbox list (the chosen ones always shown). */
export function AreaPicker({
  areas,
  selected,
  onChange,
}: {
  areas: readonly { code: string; name: string; district: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('sv');
    return areas.filter(
      (a) =>
        selected.includes(a.code) ||
        q === '' ||
        a.name.toLocaleLowerCase('sv').includes(q) ||
        a.district.toLocaleLowerCase('sv').includes(q),
    );
  }, [areas, selected, query]);
  return (
    <fieldset class="checks area-picker">
      <legend>{t('insats.areas')}</legend>
      <p class="hint" id="insats-areas-hint">
        {t('insats.areasHint', { n: selected.length })}
      </p>
      <Field id="insats-area-search" label={t('insats.areaSearch')}>
        {(p) => <input {...p} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />}
      </Field>
      <div class="area-list">
        {shown.map((a) => (
          <div class="check" key={a.code}>
            <input
              type="checkbox"
              id={`insats-area-${a.code}`}
              checked={selected.includes(a.code)}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked ? [...selected, a.code] : selected.filter((c) => c !== a.code),
                )
              }
            />
            <label for={`insats-area-${a.code}`}>
              {a.name} <span class="muted">({a.district})</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
