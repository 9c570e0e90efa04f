import { useViewHeading as useParticipantViewHeading } from '../../components/view-heading/index.ts';
import { t } from '../i18n/index.ts';

/**
 * For the `<h1 tabIndex={-1}>` of a staff view: the participant app's behaviour (document title,
 * focus on navigation but not on the first view of a visit) with the staff screens' name.
 */
export function useViewHeading(title: string, key?: unknown) {
  return useParticipantViewHeading<HTMLHeadingElement>(title, key, t('app.name'));
}

/** The heading of a view, focused on navigation. */
export function ViewHeading({ title, viewKey }: { title: string; viewKey?: unknown }) {
  const ref = useViewHeading(title, viewKey);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {title}
    </h1>
  );
}
