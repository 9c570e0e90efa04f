import { useEffect, useRef } from 'preact/hooks';
import { identity } from '../../identity/index.ts';

let firstView = true;

/**
 * For the `<h1 tabIndex={-1}>` of a view: sets the document title, and moves focus to the heading
 * when the view opens (or when `key` changes, e.g. the next question), except on the very first
 * view of a visit, where the reader starts at the top as usual.
 */
export function useViewHeading<T extends HTMLElement = HTMLHeadingElement>(
  title: string,
  key?: unknown,
  /** The app's name in the title; the staff screens give their own. */
  appName?: string,
) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const name = appName ?? identity.value.appName;
    document.title = title && title !== name ? `${title} – ${name}` : name;
  }, [title, appName]);
  // Focus follows the view (and `key`) only.
  useEffect(() => {
    if (firstView) {
      firstView = false;
      return;
    }
    // The view may be committed a frame later (lazy routes): wait until the heading is in the page.
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
