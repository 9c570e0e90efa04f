/**
 * The delområden with their names and stadsområden (`GET /api/areas`), fetched once per visit
 * for the insights screens: the choropleth's names and table, and the dashboard's filters.
 */
import { signal } from '@preact/signals';
import type { Area } from '../../../../common/wire/index.ts';
import { api } from '../../api.ts';

/** `data` once loaded; `error` after a failed load (a retry calls {@link loadStaffAreas} again). */
export const staffAreas = signal<{ data?: readonly Area[]; error?: boolean }>({});

let inFlight: Promise<void> | undefined;

/** Loads the areas unless they are already here (or on their way). */
export function loadStaffAreas(): Promise<void> {
  if (staffAreas.value.data) return Promise.resolve();
  inFlight ??= api<{ areas: Area[] }>('GET', '/api/areas')
    .then(
      (body) => {
        staffAreas.value = { data: body.areas };
      },
      () => {
        staffAreas.value = { error: true };
      },
    )
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/** The stadsområden (district names) of `areas`, sorted the Swedish way. */
export function districtsOf(areas: readonly Area[]): string[] {
  const collator = new Intl.Collator('sv');
  return [...new Set(areas.map((a) => a.district))].sort(collator.compare);
}
