import type { ReasonTemplate } from '../../../../common/wire/moderation.ts';
import { t } from '../../i18n/index.ts';
import { templateLabel } from '../queue/reason.tsx';

/** One template in the list: its wording, state and actions (each button names the template). */
export function ReasonRow({
  template,
  first,
  last,
  busy,
  onMove,
  onEdit,
  onToggle,
  onDelete,
}: {
  template: ReasonTemplate;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const label = templateLabel(template);
  const id = `reason-${template.id}`;
  const named = (text: string) => (
    <>
      {text}
      <span class="visually-hidden"> {label}</span>
    </>
  );
  return (
    <li class="reason-item" data-testid="reason-template" data-id={template.id}>
      <h3 id={id} tabIndex={-1}>
        {label}
      </h3>
      <p class="muted" data-testid="reason-state">
        {template.active ? t('reasons.isActive') : t('reasons.isInactive')}
      </p>
      <p>
        {t('reasons.toParticipant')} {template.text.sv}
      </p>
      {template.text.en && <p lang="en">{template.text.en}</p>}
      <div class="actions">
        <button
          type="button"
          id={`${id}-up`}
          class="btn btn-secondary"
          disabled={busy || first}
          onClick={() => onMove(-1)}
        >
          {named(t('reasons.up'))}
        </button>
        <button
          type="button"
          id={`${id}-down`}
          class="btn btn-secondary"
          disabled={busy || last}
          onClick={() => onMove(1)}
        >
          {named(t('reasons.down'))}
        </button>
        <button type="button" id={`${id}-edit`} class="btn btn-secondary" disabled={busy} onClick={onEdit}>
          {named(t('reasons.edit'))}
        </button>
        <button
          type="button"
          id={`${id}-toggle`}
          class="btn btn-secondary"
          disabled={busy}
          onClick={onToggle}
        >
          {named(template.active ? t('reasons.deactivate') : t('reasons.activate'))}
        </button>
        <button type="button" class="btn btn-danger" disabled={busy} onClick={onDelete}>
          {named(t('reasons.delete'))}
        </button>
      </div>
    </li>
  );
}
