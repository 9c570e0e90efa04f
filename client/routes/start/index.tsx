import { AreaPicker } from '../../components/area-picker/index.tsx';
import { InsatsList } from '../../components/insats-list/index.tsx';
import { useViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../../i18n/index.ts';

/** `/`: choose your area (or use your position), then the insatser, those in your area first. */
export default function Start() {
  const title = t('start.title');
  const heading = useViewHeading(title);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p class="lead">{t('start.intro')}</p>
      <AreaPicker />
      <InsatsList />
    </>
  );
}
