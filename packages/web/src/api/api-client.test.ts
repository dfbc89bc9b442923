import { currentUserSchema } from '@veche/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestJson, requestNoContent } from './api-client';
import { ApiRequestError } from './api-error';

const user = {
  id: 'u1',
  email: 'anna.nowak@wierzbow.example',
  displayName: 'Anna Nowak',
  language: 'pl',
  councils: [],
};

function answer(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn((_input: string, _init?: RequestInit) =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiRequestError)) throw new Error('expected an ApiRequestError');
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestJson', () => {
  it('reads with the session cookie and parses the answer with the schema', async () => {
    const fetchMock = stubFetch(answer(200, user));
    await expect(requestJson('/api/me', currentUserSchema)).resolves.toEqual(user);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
    expect(init?.headers).not.toHaveProperty('content-type');
  });

  it('sends writes as JSON, which the server requires of cookie-authenticated writes', async () => {
    const fetchMock = stubFetch(answer(200, user));
    await requestJson('/api/me/preferences', currentUserSchema, {
      method: 'PUT',
      body: { language: 'bg' },
    });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(init?.body).toBe('{"language":"bg"}');
  });

  it('refuses an answer that does not match the protocol', async () => {
    stubFetch(answer(200, { ...user, language: 'de' }));
    const error = await failure(requestJson('/api/me', currentUserSchema));
    expect(error.code).toBe('bad_response');
  });

  it('surfaces the error code, field and issues of a failed call', async () => {
    stubFetch(
      answer(400, {
        error: {
          code: 'validation_failed',
          message: 'Invalid body',
          issues: [{ field: 'email', code: 'invalid_format', message: 'Invalid email' }],
        },
      }),
    );
    const error = await failure(
      requestJson('/api/auth/login', currentUserSchema, { method: 'POST' }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([
      { field: 'email', code: 'invalid_format', message: 'Invalid email' },
    ]);
  });

  it('treats an error without the protocol shape as a bad response, 429 as rate limiting', async () => {
    stubFetch(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect((await failure(requestJson('/api/me', currentUserSchema))).code).toBe('bad_response');
    stubFetch(new Response('slow down', { status: 429 }));
    expect((await failure(requestJson('/api/me', currentUserSchema))).code).toBe('rate_limited');
  });

  it('reports a server it cannot reach as a network error', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = await failure(requestJson('/api/me', currentUserSchema));
    expect(error.code).toBe('network');
    expect(error.status).toBe(0);
  });
});

describe('requestNoContent', () => {
  it('posts an empty JSON object when a write has no body', async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await requestNoContent('/api/auth/logout', { method: 'POST' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{}');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });
});
