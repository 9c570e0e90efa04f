/**
 * `/personal/affischer` (any staff role): the published insatser, each with a printable A4
 * poster per delområde (`/personal/affischer/:insatsId`): the deployment's logo, organisation,
 * app name and purpose (the same identity as the app's header), the title, an invitation to young
 * people, and a QR code and short link (GET /i/:id/:area) that open the insats in the app with
 * the area chosen. Lazily loaded: the QR generator is in no other chunk.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Area, Insats } from '../../../../common/wire/index.ts';
import { api } from '../../api.ts';
import { LoadState } from '../../components/load.tsx';
import { ViewHeading } from '../../components/view-heading.tsx';
import { staffLanguage, t } from '../../i18n/index.ts';
import { SCREENS } from '../../session.ts';
import { identity } from '../../../identity/index.ts';
import { QrCode } from './qr.tsx';
import './poster.css';

interface Lists {
  insatser: Insats[];
  areas: Area[];
}

/** The published insatser of the staff member's nämnder and the delområden, as the public catalogue has them. */
function useLists(): [Lists | undefined, boolean, () => void] {
  const [lists, setLists] = useState<Lists | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    setFailed(false);
    try {
      const [i, a, own] = await Promise.all([
        api<{ insatser: Insats[] }>('GET', '/api/insatser'),
        api<{ areas: Area[] }>('GET', '/api/areas'),
        // The insatser of the staff member's nämnder (the server scopes this list).
        api<{ insatser: { id: string }[] }>('GET', '/api/staff/insatser'),
      ]);
      const mine = new Set(own.insatser.map((x) => x.id));
      const collator = new Intl.Collator('sv');
      setLists({
        insatser: i.insatser.filter((x) => mine.has(x.id)),
        areas: [...a.areas].sort((x, y) => collator.compare(x.name, y.name)),
      });
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return [lists, failed, () => void load()];
}

/** The short link a poster prints and encodes: absolute, so the QR code works from paper. */
export function shortLink(origin: string, insatsId: string, areaCode: string): string {
  return `${origin}/i/${encodeURIComponent(insatsId)}/${areaCode}`;
}

function PosterList({ insatser }: { insatser: Insats[] }) {
  if (insatser.length === 0) return <p class="notice">{t('posters.none')}</p>;
  return (
    <ul class="cards">
      {insatser.map((i) => (
        <li key={i.id} class="card">
          <h2 class="card-title">
            <a href={`${SCREENS.posters.path}/${encodeURIComponent(i.id)}`} lang="sv">
              {i.title.sv}
            </a>
          </h2>
          <p lang="sv">{i.summary.sv}</p>
        </li>
      ))}
    </ul>
  );
}

function Poster({ insats, areas }: { insats: Insats; areas: Area[] }) {
  // The target areas, or every area for an insats that is for all of Malmö.
  const choices =
    insats.areaCodes.length > 0 ? areas.filter((a) => insats.areaCodes.includes(a.code)) : areas;
  const [code, setCode] = useState(choices[0]?.code ?? '');
  const area = choices.find((a) => a.code === code) ?? choices[0];
  const link = area ? shortLink(location.origin, insats.id, area.code) : '';
  const others = Object.entries(insats.title).filter(([lang, text]) => lang !== 'sv' && text.trim());
  return (
    <>
      <div class="poster-controls no-print">
        <p>
          <a href={SCREENS.posters.path}>{t('posters.back')}</a>
        </p>
        <div class="field">
          <label for="poster-area">{t('posters.area')}</label>
          <p id="poster-area-hint" class="hint">
            {t('posters.areaHint')}
          </p>
          <select
            id="poster-area"
            aria-describedby="poster-area-hint"
            value={area?.code}
            onChange={(e) => setCode(e.currentTarget.value)}
          >
            {choices.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.district})
              </option>
            ))}
          </select>
        </div>
        <p class="hint">{t('posters.printHint')}</p>
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          {t('posters.print')}
        </button>
      </div>
      {area && (
        <article class="poster" lang="sv" aria-labelledby="poster-title" data-testid="poster">
          <p class="poster-identity" data-testid="poster-identity">
            <img src={identity.value.logoUrl} alt="" width={48} height={48} />
            <span>
              <strong>{identity.value.orgName}</strong> · {identity.value.appName}
            </span>
          </p>
          <h2 id="poster-title" class="poster-title">
            {insats.title.sv}
          </h2>
          {others.map(([lang, text]) => (
            <p key={lang} lang={lang} dir="auto" class="poster-title-other">
              {text}
            </p>
          ))}
          <p class="poster-area">{area.name}</p>
          <p class="poster-invite">Vad tycker du? Svara på 2 minuter – ingen inloggning.</p>
          <p class="poster-purpose">{identity.value.purpose.sv}</p>
          <p class="poster-how">Skanna QR-koden med mobilen eller skriv in länken.</p>
          <QrCode link={link} label={t('posters.qr', { link })} lang={staffLanguage.value} />
          <p class="poster-link">
            <a href={link} data-testid="poster-link">
              {link}
            </a>
          </p>
        </article>
      )}
    </>
  );
}

/** The poster list, or one insats's poster when `insatsId` is given. */
export default function Posters({ insatsId }: { insatsId?: string }) {
  const [lists, failed, retry] = useLists();
  const insats = insatsId ? lists?.insatser.find((i) => i.id === insatsId) : undefined;
  const title = insats ? t('posters.viewTitle', { title: insats.title.sv }) : t('posters.title');
  return (
    <>
      <div class="no-print">
        <ViewHeading title={title} viewKey={insatsId ?? 'posters'} />
        {!insatsId && <p>{t('posters.intro')}</p>}
      </div>
      {!lists ? (
        <LoadState failed={failed} retry={retry} />
      ) : !insatsId ? (
        <PosterList insatser={lists.insatser} />
      ) : insats ? (
        <Poster insats={insats} areas={lists.areas} />
      ) : (
        <>
          <p class="notice">{t('posters.notFound')}</p>
          <p>
            <a href={SCREENS.posters.path}>{t('posters.back')}</a>
          </p>
        </>
      )}
    </>
  );
}
