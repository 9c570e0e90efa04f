/**
 * What a form calls to send: records that the privacy notice was accepted (sending after reading
 * it is the acceptance), loads the saving path on first use and saves the draft to the outbox.
 * Returns the new submission's id, or a plain-language error for the form to show.
 */
import { t } from '../i18n/index.ts';
import { acceptPrivacy, PRIVACY_VERSION, privacyAccepted } from '../state/device.ts';
import type { Draft } from './index.ts';

export type SubmitOutcome = { id: string } | { error: string };

export async function submitDraft(draft: Draft): Promise<SubmitOutcome> {
  try {
    const { save, ValidationError } = await import('./index.ts');
    if (privacyAccepted.value !== PRIVACY_VERSION) await acceptPrivacy();
    try {
      return { id: (await save(draft)).id };
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
