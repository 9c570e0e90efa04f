import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { Confirm } from '../../components/confirm.tsx';
import { type Outcome, problemOutcome } from '../../components/outcome.tsx';
import { t } from '../../i18n/index.ts';
import type { StaffInsats } from './draft.ts';

type Transition = 'publish' | 'unpublish' | 'archive';
/** What may follow each lifecycle (the server decides; archived is final). */
const TRANSITIONS: Record<StaffInsats['lifecycle'], Transition[]> = {
  draft: ['publish', 'archive'],
  published: ['unpublish', 'archive'],
  unpublished: ['publish', 'archive'],
  archived: [],
};

/** Publish, unpublish and archive, each after a confirmation. */
export function LifecycleActions({
  insats,
  onChanged,
  onOutcome,
}: {
  insats: StaffInsats;
  onChanged: (insats: StaffInsats) => void;
  onOutcome: (outcome: Outcome) => void;
}) {
  const [confirm, setConfirm] = useState<Transition | null>(null);
  const transition = async (name: Transition) => {
    setConfirm(null);
    try {
      onChanged(
        await api<StaffInsats>('POST', `/api/staff/insatser/${encodeURIComponent(insats.id)}/${name}`),
      );
      onOutcome({ ok: true, text: t(`insats.done.${name}`) });
    } catch (error) {
      onOutcome(problemOutcome(error));
    }
  };
  return (
    <section aria-labelledby="insats-lifecycle-title">
      <h2 id="insats-lifecycle-title">{t('insats.lifecycleTitle')}</h2>
      <div class="actions">
        {TRANSITIONS[insats.lifecycle].map((name) => (
          <button key={name} type="button" class="btn btn-secondary" onClick={() => setConfirm(name)}>
            {t(`insats.do.${name}`)}
          </button>
        ))}
      </div>
      {confirm && (
        <Confirm
          question={t(`insats.confirm.${confirm}`, { title: insats.title.sv })}
          yes={t(`insats.do.${confirm}`)}
          onYes={() => void transition(confirm)}
          onNo={() => setConfirm(null)}
        />
      )}
    </section>
  );
}
