import { ViewHeading } from '../components/view-heading.tsx';
import { t } from '../i18n/index.ts';
import { HomeTodo } from './home-todo.tsx';
import { MyDigest } from './settings/my-digest.tsx';
import { me, mayOpen, SCREENS, type ScreenName } from '../session.ts';

const CARDS: readonly {
  screen: ScreenName;
  title:
    | 'nav.queue'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.boundaries'
    | 'nav.settings'
    | 'nav.posters'
    | 'nav.insatser';
  text:
    | 'home.queue'
    | 'home.users'
    | 'home.audit'
    | 'home.boundaries'
    | 'home.settings'
    | 'home.posters'
    | 'home.insatser';
}[] = [
  { screen: 'queue', title: 'nav.queue', text: 'home.queue' },
  { screen: 'insatser', title: 'nav.insatser', text: 'home.insatser' },
  { screen: 'users', title: 'nav.users', text: 'home.users' },
  { screen: 'audit', title: 'nav.audit', text: 'home.audit' },
  { screen: 'boundaries', title: 'nav.boundaries', text: 'home.boundaries' },
  { screen: 'settings', title: 'nav.settings', text: 'home.settings' },
  { screen: 'posters', title: 'nav.posters', text: 'home.posters' },
];

/** The staff start page: what needs doing (moderators, admins), then what this role may do. */
export function Home() {
  const user = me.value;
  if (!user?.role) return null;
  const cards = CARDS.filter((c) => mayOpen(c.screen, user.role));
  return (
    <>
      <ViewHeading title={t('home.title')} viewKey="home" />
      <p>{t('home.hello', { name: user.name || user.email, role: t(`role.${user.role}`) })}</p>
      {mayOpen('queue', user.role) && <HomeTodo userId={user.id} />}
      {cards.length > 0 ? (
        <>
          <h2>{t('home.choose')}</h2>
          <ul class="cards">
            {cards.map((c) => (
              <li key={c.screen} class="card">
                <h3 class="card-title">
                  <a href={SCREENS[c.screen].path}>{t(c.title)}</a>
                </h3>
                <p>{t(c.text)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="notice">{t('home.nothingYet')}</p>
      )}
      {mayOpen('queue', user.role) && <MyDigest />}
    </>
  );
}
