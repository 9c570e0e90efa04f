import { AGE_BANDS, type AgeBand, type RespondentGroup } from '../../../common/wire/index.ts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import './style.css';

export interface AboutYouValue {
  group?: RespondentGroup;
  ageBand?: AgeBand;
}

/**
 * Who answers questions and comments: one of three groups that do not overlap (by age, then by
 * where you live). Associations, property owners and businesses speak as organisations, in the
 * proposal flow (client/routes/proposal), never here.
 */
export const PERSON_GROUPS = ['youth', 'resident', 'other'] as const satisfies readonly RespondentGroup[];
export type PersonGroup = (typeof PERSON_GROUPS)[number];

const isPersonGroup = (g: RespondentGroup | undefined): g is PersonGroup =>
  (PERSON_GROUPS as readonly string[]).includes(g ?? '');

/**
 * What the device remembers, as a starting value: a group this form does not offer (saved by an
 * earlier version, e.g. "association") is asked again instead of being sent unseen.
 */
export function rememberedAbout(
  group: RespondentGroup | undefined,
  ageBand: AgeBand | undefined,
): AboutYouValue {
  return { group: isPersonGroup(group) ? group : undefined, ageBand };
}

/** The id of the first group radio: where the error summary's link and a failed send put focus. */
export const GROUP_FIELD = `group-${PERSON_GROUPS[0]}`;

/**
 * "About you": who you are (required, marked so) and your age band (optional). Remembered on the
 * device, so it is asked once: when the device already knows, it is shown as a line with a
 * "Change" button. The error is tied to every radio (invalid and described), not only to the
 * group, so the focused radio says what is wrong.
 */
export function AboutYou({
  value,
  onChange,
  groupError,
}: {
  value: AboutYouValue;
  onChange: (value: AboutYouValue) => void;
  groupError?: boolean;
}) {
  // Asked once: a device that remembers the group (saved with the age band) shows what it knows.
  const [editing, setEditing] = useState(!isPersonGroup(value.group));
  if (!editing && value.group && !groupError) {
    const who = value.ageBand
      ? `${t(`group.${value.group}`)}, ${t(`age.${value.ageBand}`)}`
      : t(`group.${value.group}`);
    return (
      <div class="about-you about-known">
        <p>{t('about.you', { who })}</p>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => {
            setEditing(true);
            requestAnimationFrame(() =>
              document.querySelector<HTMLInputElement>('.about-you input[name="group"]:checked')?.focus(),
            );
          }}
        >
          {t('about.change')}
        </button>
      </div>
    );
  }
  return (
    <div class="about-you">
      <fieldset class="choices">
        <legend>
          {t('about.group')} <span class="required">({t('form.required')})</span>
        </legend>
        {groupError && (
          <p id="group-error" class="field-error">
            {t('about.groupRequired')}
          </p>
        )}
        {PERSON_GROUPS.map((g) => (
          <label key={g} class="choice">
            <input
              id={`group-${g}`}
              type="radio"
              name="group"
              value={g}
              required
              aria-labelledby={`group-${g}-label`}
              aria-describedby={groupError ? `group-error group-${g}-hint` : `group-${g}-hint`}
              aria-invalid={groupError ? true : undefined}
              checked={value.group === g}
              onChange={() => onChange({ ...value, group: g })}
            />
            <span class="choice-text">
              <span id={`group-${g}-label`}>{t(`group.${g}`)}</span>
              <span id={`group-${g}-hint`} class="choice-hint">
                {t(`group.${g}Hint`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>{t('about.age')}</legend>
        {AGE_BANDS.map((b) => (
          <label key={b} class="choice">
            <input
              type="radio"
              name="age"
              value={b}
              checked={value.ageBand === b}
              onChange={() => onChange({ ...value, ageBand: b })}
            />
            <span>{t(`age.${b}`)}</span>
          </label>
        ))}
        <label class="choice">
          <input
            type="radio"
            name="age"
            value=""
            checked={!value.ageBand}
            onChange={() => onChange({ ...value, ageBand: undefined })}
          />
          <span>{t('age.none')}</span>
        </label>
      </fieldset>
      <p class="hint">{t('about.remember')}</p>
    </div>
  );
}
