import {
  AGE_BANDS,
  type AgeBand,
  RESPONDENT_GROUPS,
  type RespondentGroup,
} from '../../../common/wire/index.ts';
import { t } from '../../i18n/index.ts';

export interface AboutYouValue {
  group?: RespondentGroup;
  ageBand?: AgeBand;
}

/** "About you": who you are (required) and your age band (optional). Remembered on the device. */
export function AboutYou({
  value,
  onChange,
  groupError,
}: {
  value: AboutYouValue;
  onChange: (value: AboutYouValue) => void;
  groupError?: boolean;
}) {
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
