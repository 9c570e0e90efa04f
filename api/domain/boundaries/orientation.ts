/**
 * Ring orientation as RFC 7946 (§3.1.6) asks: outer rings counter-clockwise, holes clockwise.
 * Malmö's official EPSG:3008 file has clockwise outer rings (the ESRI habit); the sets we store
 * and serve call themselves RFC 7946, so imports turn every ring the right way round.
 */
import type { Polygon, Ring } from './features.ts';
import { ringArea } from './measure.ts';

/** Whether `ring` (positions [x, y], y pointing north) runs counter-clockwise. */
export function isCounterClockwise(ring: Ring): boolean {
  return ringArea(ring) > 0;
}

/** The polygon with its outer ring counter-clockwise and its holes clockwise (a copy). */
export function rewindPolygon(polygon: Polygon): Polygon {
  return polygon.map((ring, i) => (isCounterClockwise(ring) === (i === 0) ? ring : [...ring].reverse()));
}

/**
 * A GeoJSON Polygon or MultiPolygon geometry rewound by {@link rewindPolygon}; anything else
 * is returned as it is.
 */
export function rewindGeometry(geometry: unknown): unknown {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g?.type === 'Polygon' && Array.isArray(g.coordinates))
    return { ...g, coordinates: rewindPolygon(g.coordinates as Polygon) };
  if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates))
    return { ...g, coordinates: (g.coordinates as Polygon[]).map(rewindPolygon) };
  return geometry;
}
