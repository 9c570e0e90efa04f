/**
 * The area in a poster's link (`/insats/:id?omrade=12345`): a youth centre's poster opens the app
 * on the insats with its delområde already chosen on the device.
 */
import { areas, loadAreas } from '../../catalogue/index.ts';
import { chooseArea } from '../../state/device.ts';

/** The query parameter that carries the area code. */
export const AREA_PARAM = 'omrade';

/** The 5-digit area code in `search` (`?omrade=…`), if there is one of the right shape. */
export function areaInLink(search: string): string | undefined {
  const code = new URLSearchParams(search).get(AREA_PARAM)?.trim();
  return code && /^\d{5}$/.test(code) ? code : undefined;
}

/** `search` without the area parameter ('' when nothing else is left). */
export function withoutArea(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(AREA_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/**
 * Makes the area in the link the device's chosen area when it is a known delområde, then drops
 * it from the address, so a bookmarked or shared address does not keep overriding a later choice.
 * Resolves once the area is chosen (or found unknown).
 */
export async function takeAreaFromLink(): Promise<void> {
  const code = areaInLink(location.search);
  if (!new URLSearchParams(location.search).has(AREA_PARAM)) return;
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${withoutArea(location.search)}${location.hash}`,
  );
  if (!code) return;
  await loadAreas();
  if (areas.value.data?.some((a) => a.code === code)) await chooseArea(code);
}
