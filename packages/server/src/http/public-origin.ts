import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/** The origin people reach the server at, for links in e-mails: PUBLIC_URL, or this request's. */
export function publicOrigin(request: FastifyRequest, config: Config): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
