/**
 * The map on the start screen: choose your area by tapping it, or by keyboard (see ./index.tsx).
 * Loaded only when the person switches from the list to the map (./lazy.tsx), with its data.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { toMapPoint } from '../../../common/geo/locate.ts';
import { areas, loadAreas } from '../../catalogue/index.ts';
import { t } from '../../i18n/index.ts';
import { areaCode, lastFix } from '../../state/device.ts';
import { areaMap, loadAreaMap } from './data.ts';
import { AreaMap, type AreaMapProps } from './index.tsx';

export interface MapPickerProps {
  /** Called with the code of the area the person chose (the same as choosing it in the list). */
  onChoose: (code: string) => void;
  /** Focus the chosen area once the map is drawn. */
  autoFocus?: boolean;
  /**
   * The person's position in map units (see AreaMap's `position`); by default where the phone last
   * said it was, when the person has let it look.
   */
  position?: AreaMapProps['position'];
}

/**
 * Whether the main pointer is a finger: then the hint speaks of tapping, holding and pinching,
 * not of Tab and arrow keys (the keys still work, for a keyboard paired with a phone).
 */
const isTouch = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** The map with its instructions, loading and error states, and "Chosen: X" in words. */
export function MapPicker({ onChoose, autoFocus, position }: MapPickerProps) {
  const state = areaMap.value;
  const list = areas.value.data;
  useEffect(() => {
    void loadAreaMap();
    void loadAreas();
  }, []);
  const names = useMemo(() => Object.fromEntries((list ?? []).map((a) => [a.code, a.name])), [list]);
  const chosen = areaCode.value;
  const fix = lastFix.value;
  const here = useMemo(() => {
    const grid = state.data?.grid;
    if (!fix || !state.data || !grid) return undefined;
    const at = toMapPoint(state.data, fix.lat, fix.lon);
    return at && { x: at[0], y: at[1], accuracy: fix.accuracy / grid.unitMetres };
  }, [fix, state.data]);

  if (!state.data) {
    return state.error ? (
      <div class="notice notice-error">
        <p>{t('app.loadError')}</p>
        <button type="button" class="btn btn-secondary" onClick={() => void loadAreaMap(true)}>
          {t('app.retry')}
        </button>
      </div>
    ) : (
      <p class="muted">{t('app.loading')}</p>
    );
  }
  return (
    <div class="map-picker">
      <p id="area-map-hint" class="hint">
        {isTouch() ? t('map.hintTouch') : t('map.hint')}
      </p>
      <AreaMap
        data={state.data}
        names={names}
        label={t('map.label')}
        describedBy="area-map-hint"
        selected={chosen}
        onSelect={onChoose}
        autoFocus={autoFocus}
        position={position ?? here}
      />
      {chosen && <p class="map-chosen">{t('map.selected', { name: names[chosen] ?? chosen })}</p>}
    </div>
  );
}
