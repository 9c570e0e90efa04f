/**
 * What this device remembers about the person (IndexedDB `meta`), mirrored in signals for the UI.
 * The exact position is kept in memory only, for this visit: it goes into the items saved now and
 * is never written to `meta`.
 */
import { signal } from '@preact/signals';
import type { AgeBand, RespondentGroup } from '../../common/wire/index.ts';
import { deleteMeta, getMeta, setMeta } from '../db/index.ts';

/** The privacy notice version; bump it when the notice changes in substance. */
export const PRIVACY_VERSION = 'privacy-2026-11';
/** The text of the position consent the person agreed to (see i18n `position.consent*`). */
export const POINT_CONSENT_VERSION = 'point-2026-11';

export const areaCode = signal<string | undefined>(undefined);
export const group = signal<RespondentGroup | undefined>(undefined);
export const ageBand = signal<AgeBand | undefined>(undefined);
export const privacyAccepted = signal<string | undefined>(undefined);
export const point = signal<{ lat: number; lon: number } | undefined>(undefined);
/**
 * Where the phone last said it was, with how far off that may be (metres): drawn on the map so the
 * person sees where they are while choosing. In memory only and never sent (the point that goes
 * with what is sent is `point`, under the position consent).
 */
export const lastFix = signal<{ lat: number; lon: number; accuracy: number } | undefined>(undefined);

export async function loadDevice(): Promise<void> {
  const [a, g, b, p] = await Promise.all([
    getMeta('areaCode'),
    getMeta('group'),
    getMeta('ageBand'),
    getMeta('privacyAccepted'),
  ]);
  areaCode.value = a;
  group.value = g;
  ageBand.value = b;
  privacyAccepted.value = p;
}

export async function chooseArea(code: string | undefined): Promise<void> {
  areaCode.value = code;
  if (code) {
    point.value = undefined;
    await setMeta('areaCode', code);
  } else await deleteMeta('areaCode');
}

/**
 * The person confirmed the area their position is in: it is their chosen area, exactly as if
 * picked from the list (remembered, orders the insatser), and the point stays in memory to go
 * with what they send under the position consent (the server still tags it itself).
 */
export async function confirmPositionArea(code: string, value: { lat: number; lon: number }): Promise<void> {
  await chooseArea(code);
  if (ageBand.value !== 'under13') point.value = value;
}

export function setPoint(value: { lat: number; lon: number } | undefined): void {
  point.value = value;
  if (!value) lastFix.value = undefined;
  if (value && areaCode.value) void chooseArea(undefined);
}

export async function rememberRespondent(g: RespondentGroup, b: AgeBand | undefined): Promise<void> {
  group.value = g;
  ageBand.value = b;
  await setMeta('group', g);
  if (b) await setMeta('ageBand', b);
  else await deleteMeta('ageBand');
  if (b === 'under13') point.value = undefined;
}

export async function acceptPrivacy(): Promise<void> {
  privacyAccepted.value = PRIVACY_VERSION;
  await setMeta('privacyAccepted', PRIVACY_VERSION);
}

export function forgetDevice(): void {
  areaCode.value = undefined;
  group.value = undefined;
  ageBand.value = undefined;
  privacyAccepted.value = undefined;
  point.value = undefined;
  lastFix.value = undefined;
}
