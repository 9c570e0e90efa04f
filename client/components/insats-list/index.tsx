import { useEffect } from 'preact/hooks';
import type { Insats } from '../../../common/wire/index.ts';
import { insatser, loadInsatser } from '../../catalogue/index.ts';
import { localized, t, tSwedish } from '../../i18n/index.ts';
import { areaCode } from '../../state/device.ts';
import { L } from '../localized/index.tsx';

/**
 * Whether an insats needs the "Example" badge: it is an example whose title, as shown, does not
 * already begin with the word (the seeded examples' titles do), so it is not said twice.
 */
export function saysExample(insats: { example?: boolean | undefined; title: Insats['title'] }): boolean {
  if (!insats.example) return false;
  const shown = localized(insats.title);
  const word = shown.lang === 'sv' ? tSwedish('app.example') : t('app.example');
  return !shown.text.toLocaleLowerCase().startsWith(word.toLocaleLowerCase());
}

function Card({ insats, level }: { insats: Insats; level: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <li class="card">
      <Heading class="card-title">
        <a href={`/insats/${encodeURIComponent(insats.id)}`}>
          <L text={insats.title} />
        </a>
        {saysExample(insats) && <span class="badge badge-example">{t('app.example')}</span>}
      </Heading>
      <p>
        <L text={insats.summary} />
      </p>
      <p class="card-meta">{t(`status.${insats.status}`)}</p>
    </li>
  );
}

/** Published insatser, those that target the chosen area first. */
export function InsatsList() {
  const list = insatser.value;
  useEffect(() => {
    void loadInsatser();
  }, []);

  let body: preact.ComponentChildren;
  if (list.data) {
    const code = areaCode.value;
    const inArea = code ? list.data.filter((i) => i.areaCodes.includes(code)) : [];
    const others = list.data.filter((i) => !inArea.includes(i));
    if (list.data.length === 0) body = <p>{t('insatser.empty')}</p>;
    else if (inArea.length > 0)
      body = (
        <>
          <h3>{t('insatser.inArea')}</h3>
          <ul class="cards">
            {inArea.map((i) => (
              <Card key={i.id} insats={i} level={4} />
            ))}
          </ul>
          {others.length > 0 && (
            <>
              <h3>{t('insatser.elsewhere')}</h3>
              <ul class="cards">
                {others.map((i) => (
                  <Card key={i.id} insats={i} level={4} />
                ))}
              </ul>
            </>
          )}
        </>
      );
    else
      body = (
        <ul class="cards">
          {others.map((i) => (
            <Card key={i.id} insats={i} level={3} />
          ))}
        </ul>
      );
  } else if (list.error) {
    body = (
      <div class="notice notice-error">
        <p>{t('app.loadError')}</p>
        <button type="button" class="btn btn-secondary" onClick={() => void loadInsatser(true)}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else body = <p class="muted">{t('app.loading')}</p>;

  return (
    <section class="insatser" aria-labelledby="insatser-title">
      <h2 id="insatser-title">{t('insatser.title')}</h2>
      {body}
      <p>
        <a href="/kommentar" class="btn btn-secondary">
          {t('insatser.generalComment')}
        </a>
      </p>
      <p>
        <a href="/forslag" class="btn btn-secondary">
          {t('proposal.link')}
        </a>
      </p>
      <p>
        <a href="/ideer" class="tap-link">
          {t('ideas.link')}
        </a>
      </p>
    </section>
  );
}
