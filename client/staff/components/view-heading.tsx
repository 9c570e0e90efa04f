import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';

let firstView = true;

/**
 * For the `<h1 tabIndex={-1}>` of a staff view: sets the document title and moves focus to the
 * heading when the view opens (or when `key` changes), except for the first view of a visit,
 * where the reader starts at the top of the page as usual.
 */
export function useViewHeading(title: string, key?: unknown) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title]);
  useEffect(() => {
    if (firstView) {
      firstView = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const el = ref.current;
      if (el?.isConnected) el.focus();
      else if (tries++ < 20) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [key]);
  return ref;
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
