import type { QueueFlag } from '../../../../common/wire/moderation.ts';
import { Fragment } from 'preact';
import { staffLanguage, t } from '../../i18n/index.ts';
import { fieldFlags, segments } from './segments.ts';

/**
 * One free-text field of a queue item, flagged spans in <mark> with the kinds named in words
 * beside them (not colour alone). The element carries the field's name and whole text, so a
 * selection inside it can be turned into offsets (./selection.ts); the labels are `data-label`
 * and are not counted.
 */
export function FieldText({
  itemId,
  field,
  label,
  text,
  flags,
  lang,
}: {
  itemId: string;
  field: string;
  label: string;
  text: string;
  flags: readonly QueueFlag[];
  lang?: string | undefined;
}) {
  const pieces = segments(text, fieldFlags(flags, field, text));
  const id = `${itemId}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <div class="queue-field">
      <p class="queue-field-label" id={`${id}-label`}>
        {label}
      </p>
      {/* The participant's own words: their language (stored with the item) and direction. */}
      <p class="queue-text" data-field={field} data-text={text} lang={lang ?? ''} dir="auto">
        {pieces.map((p) =>
          p.kinds.length === 0 ? (
            p.text
          ) : (
            <Fragment key={p.start}>
              <mark data-kinds={p.kinds.join(' ')}>{p.text}</mark>
              <span class="flag-label" data-label lang={staffLanguage.value}>
                {` [${p.kinds.map((k) => t(`flag.${k}`)).join(', ')}]`}
              </span>
            </Fragment>
          ),
        )}
      </p>
    </div>
  );
}
