/**
 * What a form calls to send: records that the privacy notice was accepted (sending after reading
 * it is the acceptance), loads the saving path on first use and saves the draft to the outbox.
 * Returns the new submission's id, or a plain-language error for the form to show.
 */
import { t } from '../i18n/index.ts';
import { acceptPrivacy, PRIVACY_VERSION, privacyAccepted } from '../state/device.ts';
import type { Draft } from './index.ts';
import type { ProposalDraft } from './proposal.ts';

export type SubmitOutcome = { id: string } | { error: string };

export function submitDraft(draft: Draft): Promise<SubmitOutcome> {
  return submitWith(async () => {
    const { save } = await import('./index.ts');
    return save(draft);
  });
}

/** The same for a proposal from an organisation (schema version 2). */
export function submitProposal(draft: ProposalDraft): Promise<SubmitOutcome> {
  return submitWith(async () => {
    const { saveProposal } = await import('./proposal.ts');
    return saveProposal(draft);
  });
}

async function submitWith(save: () => Promise<{ id: string }>): Promise<SubmitOutcome> {
  try {
    const { ValidationError } = await import('../outbox/errors.ts');
    if (privacyAccepted.value !== PRIVACY_VERSION) await acceptPrivacy();
    try {
      return { id: (await save()).id };
    } catch (err) {
      if (!(err instanceof ValidationError)) return { error: t('send.error') };
      return {
        error: t('send.invalid', { detail: err.errors.map((x) => `${x.path} ${x.message}`).join('; ') }),
      };
    }
  } catch {
    // The saving path could not be loaded (an old cached page after an update, no storage).
    return { error: t('send.error') };
  }
}
