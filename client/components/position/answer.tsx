/**
 * "Where am I", loaded only when the person asks for their position: the phone's position is
 * named as a delområde on the device, from the map data (kept by the service worker, so it works
 * offline), and the person confirms it or chooses another. Nothing is sent here: the exact point
 * goes only with what the person sends, under the position consent.
 */
import { useEffect, useRef } from 'preact/hooks';
import { prepareAreas, type PreparedArea, type Whereabouts, whereIs } from '../../../common/geo/locate.ts';
import type { AreaMap } from '../../../common/wire/index.ts';
import { areas } from '../../catalogue/index.ts';
import { t } from '../../i18n/index.ts';
import { areaMap, loadAreaMap } from '../area-map/data.ts';

/** Stands for the area's name while the sentence around it is split. */
const NAME = '\u{E000}';

const prepared = new WeakMap<AreaMap, PreparedArea[]>();

/**
 * The area (or the candidates) for a position, or undefined when the map cannot be had or has no
 * grid (a copy kept from before it carried one): then the point is used as before, and only the
 * server names its area.
 */
export async function findArea(lat: number, lon: number, accuracy: number): Promise<Whereabouts | undefined> {
  await loadAreaMap();
  const map = areaMap.value.data;
  if (!map?.grid) return undefined;
  let rings = prepared.get(map);
  if (!rings) {
    rings = prepareAreas(map);
    prepared.set(map, rings);
  }
  return whereIs(map, rings, lat, lon, accuracy);
}

export interface PositionAnswerProps {
  where: Whereabouts;
  /** The person said the area is right, or chose one of the candidates. */
  onConfirm: (code: string) => void;
  /** The person wants to choose from the list instead. */
  onOther: () => void;
}

/** What the position says, with "That's right" / "Choose another" (or the candidates to choose from). */
export function PositionAnswer({ where, onConfirm, onOther }: PositionAnswerProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the answer, so a screen reader says it at once (it replaces the button pressed).
  useEffect(() => {
    heading.current?.focus();
  }, [where]);
  const list = areas.value.data;
  const area = (code: string) => list?.find((a) => a.code === code);
  const name = (code: string) => area(code)?.name ?? code;

  const other = (
    <button type="button" class="btn btn-secondary" onClick={onOther}>
      {t(where.kind === 'area' || where.kind === 'border' ? 'position.other' : 'position.toList')}
    </button>
  );

  if (where.kind === 'area') {
    // The area's name is Swedish in every language: marked so, inside the translated sentence.
    const [before, after] = t('position.found', { name: NAME }).split(NAME);
    return (
      <section class="consent position-answer" aria-labelledby="position-answer-title">
        <h2 id="position-answer-title" ref={heading} tabIndex={-1}>
          {before}
          <span lang="sv">{name(where.code)}</span>
          {after}
        </h2>
        <p>{t('position.foundHint')}</p>
        <div class="actions">
          <button type="button" class="btn btn-primary" onClick={() => onConfirm(where.code)}>
            {t('position.confirm')}
          </button>
          {other}
        </div>
      </section>
    );
  }

  if (where.kind === 'border')
    return (
      <section class="consent position-answer" aria-labelledby="position-answer-title">
        <h2 id="position-answer-title" ref={heading} tabIndex={-1}>
          {t('position.border')}
        </h2>
        <ul class="area-list" aria-labelledby="position-answer-title">
          {where.codes.map((code) => (
            <li key={code}>
              <button type="button" class="area-option" onClick={() => onConfirm(code)}>
                <span class="area-name" lang="sv">
                  {name(code)}
                </span>{' '}
                <span class="area-district" lang="sv">
                  {area(code)?.district ?? ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div class="actions">{other}</div>
      </section>
    );

  return (
    <section class="consent position-answer" aria-labelledby="position-answer-title">
      <h2 id="position-answer-title" ref={heading} tabIndex={-1}>
        {t(where.kind === 'outside' ? 'position.outside' : 'position.uncertain')}
      </h2>
      <p>{t('position.chooseFromList')}</p>
      <div class="actions">{other}</div>
    </section>
  );
}
