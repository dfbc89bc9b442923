import type { z } from 'zod';
import { ApiRequestError, readApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestOptions {
  method?: Method;
  /** Sent as JSON. Writes always carry a JSON body: the server refuses cookie-authenticated writes without one. */
  body?: unknown;
}

async function send(path: string, { method = 'GET', body }: RequestOptions): Promise<Response> {
  const write = method !== 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (write) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: write ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch (cause) {
    throw new ApiRequestError(
      0,
      'network',
      cause instanceof Error ? cause.message : 'fetch failed',
    );
  }
  if (!response.ok) throw await readApiError(response);
  return response;
}

/** Calls the API and parses the answer with the protocol's schema: nothing unchecked reaches the UI. */
export async function requestJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: RequestOptions = {},
): Promise<z.infer<Schema>> {
  const response = await send(path, options);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiRequestError(response.status, 'bad_response', 'The answer is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'bad_response', parsed.error.message);
  }
  return parsed.data;
}

/** Calls an endpoint that answers 204 No Content. */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}
