/**
 * Who is responsible for the personal data (personuppgiftsansvarig) and how to reach the data
 * protection officer. The deployment's values come from GET /api/privacy (CONTROLLER_NAME,
 * DPO_CONTACT); the service worker keeps the last answer for offline use. Until it arrives,
 * Malmö's defaults are shown so the notice is never empty.
 */
import { signal } from '@preact/signals';
import type { PrivacyContact } from '../../common/wire/index.ts';

export const privacyContact = signal<PrivacyContact>({
  controller: 'Malmö stad, kommunstyrelsen',
  dpoContact: 'dataskyddsombud@malmo.se',
});

let requested = false;
/** Fetches the deployment's values once per page load; keeps the defaults on any failure. */
export function loadPrivacyContact(): void {
  if (requested) return;
  requested = true;
  fetch('/api/privacy', { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : undefined))
    .then((body: Partial<PrivacyContact> | undefined) => {
      if (typeof body?.controller === 'string' && typeof body.dpoContact === 'string') {
        privacyContact.value = { controller: body.controller, dpoContact: body.dpoContact };
      }
    })
    .catch(() => undefined);
}
