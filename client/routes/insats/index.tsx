import { Listen, shownLang } from '../../components/listen/index.tsx';
import type { Insats } from '../../../common/wire/index.ts';
import { areas, loadAreas } from '../../catalogue/index.ts';
import { useInsats } from '../../catalogue/use-insats.ts';
import { saysExample } from '../../components/insats-list/index.tsx';
import { InsatsLoadState } from '../../components/load-state/index.tsx';
import { ShareButton } from '../../components/share/index.tsx';
import { fallbackAttrs, L, listOf } from '../../components/localized/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { formatDate, localized, t } from '../../i18n/index.ts';
import { areaCode } from '../../state/device.ts';
import { useEffect } from 'preact/hooks';
import { takeAreaFromLink } from './area-link.ts';

/**
 * The insats's image, lazy-loaded. The box keeps a fixed 3:2 shape (width/height attributes and
 * `aspect-ratio`), so the text below does not jump when it arrives; the image is fitted inside.
 */
function InsatsImage({ insats }: { insats: Insats }) {
  if (!insats.image) return null;
  const src = `/api/insatser/${encodeURIComponent(insats.id)}/image?v=${encodeURIComponent(insats.image.hash)}`;
  return (
    <img
      class="insats-image"
      src={src}
      alt={localized(insats.imageAlt).text}
      {...fallbackAttrs(insats.imageAlt)}
      width={1200}
      height={800}
      loading="lazy"
      decoding="async"
    />
  );
}

function InsatsDetails({ insats }: { insats: Insats }) {
  const title = localized(insats.title).text;
  const heading = useViewHeading(title);
  useEffect(() => {
    void loadAreas();
  }, []);
  const base = `/insats/${encodeURIComponent(insats.id)}`;
  const areaNames = insats.areaCodes.map(
    (code) => areas.value.data?.find((a) => a.code === code)?.name ?? code,
  );
  const period = insats.period.end
    ? `${formatDate(insats.period.start, false)} – ${formatDate(insats.period.end, false)}`
    : formatDate(insats.period.start, false);
  return (
    <article class="insats">
      <h1 ref={heading} tabIndex={-1}>
        <L text={insats.title} />
      </h1>
      {saysExample(insats) && <p class="badge badge-example">{t('app.example')}</p>}
      <InsatsImage insats={insats} />
      {areaCode.value && (
        <p class="hint" data-testid="chosen-area">
          {t('area.chosen', {
            name: areas.value.data?.find((a) => a.code === areaCode.value)?.name ?? areaCode.value,
          })}
        </p>
      )}
      <p class="lead" id="insats-summary">
        <L text={insats.summary} />
      </p>
      <Listen target="insats-summary" lang={shownLang(insats.summary)} />
      {insats.body && (
        <p class="insats-body">
          <L text={insats.body} />
        </p>
      )}
      {insats.questions.length > 0 && (
        <p class="hint">{t('insats.questions', { n: insats.questions.length })}</p>
      )}
      <div class="actions actions-stack">
        {insats.questions.length > 0 && (
          <a href={`${base}/fragor`} class="btn btn-primary btn-wide">
            {t('insats.answer')}
          </a>
        )}
        <a href={`${base}/kommentar`} class="btn btn-secondary btn-wide">
          {t('insats.comment')}
        </a>
        <a href={`${base}/forslag`} class="btn btn-secondary btn-wide">
          {t('proposal.link')}
        </a>
      </div>
      <p>
        <a href={`${base}/vad-vi-hort`} class="tap-link">
          {t('heard.link')}
        </a>
      </p>
      <ShareButton path={base} title={title} />
      <dl class="facts">
        <div>
          <dt>{t('insats.kind')}</dt>
          <dd data-testid="insats-kind">{t(`insats.kind.${insats.kind ?? 'kraftsamlande'}`)}</dd>
        </div>
        <div>
          <dt>{t('insats.status')}</dt>
          <dd>{t(`status.${insats.status}`)}</dd>
        </div>
        <div>
          <dt>{t('insats.period')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('insats.responsible')}</dt>
          <dd>
            <ul class="plain">
              {insats.namnder.map((n) => (
                <li key={n} lang="sv">
                  {n}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('insats.areas')}</dt>
          {/* Place names are Swedish, in every language of the app. */}
          <dd>
            {areaNames.length > 0 ? <span lang="sv">{areaNames.join(', ')}</span> : t('insats.allMalmo')}
          </dd>
        </div>
        {insats.dimensions.length > 0 && (
          <div>
            <dt>{t('insats.dimensions')}</dt>
            <dd>{listOf(insats.dimensions.map((d) => t(`dimension.${d}`)))}</dd>
          </div>
        )}
        {insats.contact && (
          <div>
            <dt>{t('insats.contact')}</dt>
            <dd>
              <ul class="plain">
                <li>{insats.contact.name}</li>
                {insats.contact.email && (
                  <li>
                    <a href={`mailto:${insats.contact.email}`} class="tap-link">
                      {insats.contact.email}
                    </a>
                  </li>
                )}
                {insats.contact.phone && (
                  <li>
                    <a href={`tel:${insats.contact.phone.replace(/[^\d+]/g, '')}`} class="tap-link">
                      {insats.contact.phone}
                    </a>
                  </li>
                )}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

/** `/insats/:id`: what it is, who is responsible, status; answer its questions or leave a comment. */
export default function InsatsView({ id }: { id?: string }) {
  // A poster's link (`?omrade=…`) chooses the area on this device.
  useEffect(() => {
    void takeAreaFromLink();
  }, []);
  const [state, retry] = useInsats(id);
  if (state.status !== 'ok') return <InsatsLoadState state={state} retry={retry} />;
  return <InsatsDetails insats={state.insats} />;
}
