import type { FastifyRequest } from 'fastify';
import { HttpError } from './api-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated writes. Browsers send `Origin` on every cross-origin
 * and same-origin POST/PUT/PATCH/DELETE; a write whose Origin is another site is refused. The
 * server also accepts only JSON bodies (no text/plain, form or multipart parser is registered for
 * the API), which a foreign page cannot send without a CORS preflight that the API never grants.
 * Returns the error to answer with, or undefined when the request may go on.
 */
export function foreignOriginError(
  request: FastifyRequest,
  publicUrl: string | undefined,
): HttpError | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  const origin = request.headers.origin;
  if (origin === undefined) return undefined; // Not a browser, or an old one on the same origin.
  // Compared as text, never parsed: a malformed Host or Origin is simply not the same origin.
  const expected = (publicUrl ?? `${request.protocol}://${request.host}`).toLowerCase();
  if (origin.toLowerCase() === expected) return undefined;
  return new HttpError(
    403,
    'csrf_rejected',
    `Requests from ${origin} may not change anything here`,
  );
}
