/**
 * Entity tags for routes that set their own (a content hash, a publication date) rather than
 * leaving it to Hono's etag middleware, which hashes every body it sends.
 */
import { createHash } from 'node:crypto';

/** A weak validator of a response body. */
export function weakEtag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header names one of `etags`, or is `*`: the weak comparison RFC 9110
 * §13.1.2 asks for (a W/ prefix on either side is ignored).
 */
export function ifNoneMatchHas(ifNoneMatch: string | undefined, etags: readonly string[]): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  const wanted = etags.map(opaque);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((t) => wanted.includes(opaque(t)));
}
