import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { areas, loadAreas } from '../../catalogue/index.ts';
import { t } from '../../i18n/index.ts';
import { ageBand, areaCode, chooseArea, point, setPoint } from '../../state/device.ts';
import { LazyMapPicker } from '../area-map/lazy.tsx';
import { PositionChooser } from '../position/index.tsx';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The alias the query matched, when it matched an alias (e.g. "Seved" for Södra Sofielund). */
function aliasMatch(aliases: string[] | undefined, query: string): string | undefined {
  const q = fold(query.trim());
  if (!q || !aliases) return undefined;
  return aliases.find((alias) => fold(alias).includes(q));
}

/** The key that moves focus in the area list, to the option at the returned index (or -1: the search box). */
function moveTo(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowDown') return Math.min(index + 1, count - 1);
  if (key === 'ArrowUp') return index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/**
 * "Where do you live or spend time?": a searchable list of the delområden (the default), a map
 * (loaded only when chosen; the list does everything the map does), or the phone's position.
 *
 * The list is one tab stop (the chosen area, else the first match), moved with the arrow keys,
 * like the map: with 136 areas, Tab would otherwise pass every one of them before reaching the
 * insatser. Typing in the search box first narrows it; Arrow down goes from the box into the list.
 */
export function AreaPicker() {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(!areaCode.value && !point.value);
  const chosenRef = useRef<HTMLParagraphElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusChosen = useRef(false);
  const [view, setView] = useState<'list' | 'map'>('list');
  const focusMap = useRef(false);
  const listRef = useRef<HTMLUListElement>(null);
  const [stopCode, setStopCode] = useState<string | undefined>(undefined);
  const list = areas.value;

  useEffect(() => {
    void loadAreas();
  }, []);

  useEffect(() => {
    if (!editing && focusChosen.current) {
      focusChosen.current = false;
      chosenRef.current?.focus();
    }
  }, [editing]);

  const matches = useMemo(() => {
    const q = fold(query.trim());
    const all = list.data ?? [];
    if (!q) return all;
    return all.filter(
      (a) =>
        fold(a.name).includes(q) ||
        fold(a.district).includes(q) ||
        a.code.startsWith(q) ||
        (a.aliases ?? []).some((alias) => fold(alias).includes(q)),
    );
  }, [query, list.data]);

  const stop =
    matches.find((a) => a.code === stopCode) ?? matches.find((a) => a.code === areaCode.value) ?? matches[0];
  const focusOption = (index: number) => {
    const option = matches[index];
    if (!option) return;
    setStopCode(option.code);
    listRef.current?.querySelectorAll<HTMLButtonElement>('.area-option')[index]?.focus();
  };
  const onListKey = (e: KeyboardEvent) => {
    const index = matches.findIndex((a) => a.code === (e.target as HTMLElement).dataset.code);
    const to = index < 0 ? undefined : moveTo(e.key, index, matches.length);
    if (to === undefined) return;
    e.preventDefault();
    if (to < 0) searchRef.current?.focus();
    else focusOption(to);
  };

  const choose = (code: string) => {
    focusChosen.current = true;
    void chooseArea(code);
    setEditing(false);
  };

  if (!editing && (areaCode.value || point.value)) {
    const area = list.data?.find((a) => a.code === areaCode.value);
    return (
      <div class="chosen-area">
        <p ref={chosenRef} tabIndex={-1} class="chosen-text">
          {areaCode.value ? (
            <>
              {t('area.chosen', { name: area?.name ?? areaCode.value })}
              {area && (
                <span class="muted" lang="sv">
                  {' '}
                  ({area.district})
                </span>
              )}
            </>
          ) : (
            t('position.using')
          )}
        </p>
        <div class="actions">
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              setEditing(true);
              focusMap.current = view === 'map';
              requestAnimationFrame(() => searchRef.current?.focus());
            }}
          >
            {t('area.change')}
          </button>
          {point.value && (
            <button
              type="button"
              class="btn btn-secondary"
              onClick={() => {
                setPoint(undefined);
                setEditing(true);
              }}
            >
              {t('position.stop')}
            </button>
          )}
        </div>
      </div>
    );
  }

  return (
    <div class="area-picker">
      <fieldset class="view-toggle">
        <legend class="visually-hidden">{t('area.viewLabel')}</legend>
        {(['list', 'map'] as const).map((v) => (
          <button
            key={v}
            type="button"
            class="btn btn-secondary"
            aria-pressed={view === v}
            onClick={() => {
              focusMap.current = false;
              setView(v);
            }}
          >
            {view === v && (
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M5 12.5l4.5 4.5L19 7.5" />
              </svg>
            )}
            {t(v === 'list' ? 'area.viewList' : 'area.viewMap')}
          </button>
        ))}
      </fieldset>
      {view === 'map' && <LazyMapPicker onChoose={choose} autoFocus={focusMap.current} />}
      {view === 'list' && (
        <>
          <label for="area-search" class="field-label">
            {t('area.searchLabel')}
          </label>
          <p id="area-hint" class="hint">
            {t('area.searchHint')}
          </p>
          <input
            ref={searchRef}
            id="area-search"
            type="search"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="area-hint area-count area-list-hint"
            aria-controls="area-list"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setStopCode(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown' || !stop) return;
              e.preventDefault();
              focusOption(matches.indexOf(stop));
            }}
          />
          <p id="area-list-hint" class="visually-hidden">
            {t('area.listHint')}
          </p>
          {list.error && !list.data ? (
            <div class="notice notice-error">
              <p>{t('app.loadError')}</p>
              <button type="button" class="btn btn-secondary" onClick={() => void loadAreas(true)}>
                {t('app.retry')}
              </button>
            </div>
          ) : !list.data ? (
            // Holds the list's place while it loads, so the page below does not jump (CLS).
            <div class="area-list-loading">
              <p class="muted">{t('app.loading')}</p>
            </div>
          ) : null}
          <p id="area-count" role="status" class="hint">
            {list.data &&
              (matches.length === 0
                ? t('area.none')
                : query.trim()
                  ? t('area.count', { n: matches.length })
                  : '')}
          </p>
          {list.data && matches.length > 0 && (
            <ul
              ref={listRef}
              id="area-list"
              class="area-list"
              aria-label={t('area.listLabel')}
              onKeyDown={onListKey}
            >
              {matches.map((a) => (
                <li key={a.code}>
                  <button
                    type="button"
                    class="area-option"
                    data-code={a.code}
                    tabIndex={a === stop ? 0 : -1}
                    aria-pressed={a.code === areaCode.value}
                    onClick={() => choose(a.code)}
                  >
                    <span class="area-name" lang="sv">
                      {a.name}
                    </span>{' '}
                    <span class="area-district" lang="sv">
                      {a.district}
                      {!fold(a.name).includes(fold(query.trim())) && aliasMatch(a.aliases, query)
                        ? ` · ${aliasMatch(a.aliases, query)}`
                        : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {ageBand.value !== 'under13' && (
        <PositionChooser
          onDone={() => {
            focusChosen.current = true;
            setEditing(false);
          }}
          onChooseOther={() => {
            setView('list');
            requestAnimationFrame(() => searchRef.current?.focus());
          }}
        />
      )}
    </div>
  );
}
