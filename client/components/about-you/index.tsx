import {
  AGE_BANDS,
  type AgeBand,
  RESPONDENT_GROUPS,
  type RespondentGroup,
} from '../../../common/wire/index.ts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';

export interface AboutYouValue {
  group?: RespondentGroup;
  ageBand?: AgeBand;
}

/**
 * "About you": who you are (required) and your age band (optional). Remembered on the device, so
 * it is asked once: when the device already knows, it is shown as a line with a "Change" button.
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
  const [editing, setEditing] = useState(!value.group);
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
      <fieldset class="choices" aria-describedby={groupError ? 'group-error' : undefined}>
        <legend>{t('about.group')}</legend>
        {groupError && (
          <p id="group-error" class="field-error">
            {t('about.groupRequired')}
          </p>
        )}
        {RESPONDENT_GROUPS.map((g) => (
          <label key={g} class="choice">
            <input
              type="radio"
              name="group"
              value={g}
              checked={value.group === g}
              onChange={() => onChange({ ...value, group: g })}
            />
            <span>{t(`group.${g}`)}</span>
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
