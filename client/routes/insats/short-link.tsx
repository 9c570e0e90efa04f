import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { AREA_PARAM } from './area-link.ts';

/**
 * `/i/:id` and `/i/:id/:area`: a poster's short link. The server answers it with a redirect; this
 * does the same when the service worker served the app shell instead (offline).
 */
export default function ShortLink({ id, area }: { id?: string; area?: string }) {
  const { route } = useLocation();
  useEffect(() => {
    const query = area && /^\d{5}$/.test(area) ? `?${AREA_PARAM}=${area}` : '';
    route(id ? `/insats/${encodeURIComponent(id)}${query}` : '/', true);
  }, [id, area, route]);
  return null;
}
