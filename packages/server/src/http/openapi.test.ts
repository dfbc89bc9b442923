import { WIRE_COMMAND_TYPES } from '@veche/protocol';
import Fastify from 'fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DOCUMENTED_ROUTES,
  docsPage,
  docsRoutes,
  openApiDocument,
  openApiPath,
  toJsonSchema,
  type JsonSchema,
} from './openapi.js';

const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The routes the server's source registers, read from its `app.get('/path', ...)` calls (any
 * receiver: `app`, `scope`, ...), so that a route added without documentation fails here.
 * Registrations this reading cannot see are refused outright: `app.route({...})`, `app.all()`, and
 * a path that is not a literal.
 */
function registeredRoutes(): { routes: string[]; unreadable: string[] } {
  const routes: string[] = [];
  const unreadable: string[] = [];
  const call = new RegExp(`\\b(\\w+)\\.(${METHODS.join('|')}|all|route)\\(\\s*(\\S)`, 'g');
  const literal = /^\s*(['"`])(\/[^'"`$]*)\1/;
  for (const file of sourceFiles(SOURCE_ROOT)) {
    const source = readFileSync(file, 'utf8');
    const name = relative(SOURCE_ROOT, file);
    for (const match of source.matchAll(call)) {
      const [, receiver, method = '', first] = match;
      const rest = source.slice(match.index + match[0].length - 1);
      const path = literal.exec(rest)?.[2];
      if (method === 'all' || method === 'route') {
        if (receiver === 'app' || path !== undefined) unreadable.push(`${name}: ${match[0]}`);
        continue;
      }
      if (path !== undefined) routes.push(`${method.toUpperCase()} ${path}`);
      // `cache.get(key)` is no route; `app.get(somePath, ...)` might be one.
      else if (receiver === 'app' && first !== ')') unreadable.push(`${name}: ${match[0]}`);
    }
  }
  return { routes: routes.sort(), unreadable };
}

type Operation = JsonSchema;

const responsesOf = (operation: Operation): Record<string, JsonSchema> =>
  (operation.responses ?? {}) as Record<string, JsonSchema>;

function operations(): { method: string; path: string; operation: Operation }[] {
  return Object.entries(openApiDocument().paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
}

/** Every `$ref` in a value, with where it was found. */
function refsIn(value: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string'
      ? [{ ref: inner, at }]
      : refsIn(inner, `${at}/${key}`),
  );
}

/** Resolves a local JSON Pointer reference (`#/a/b~1c`) in the document, or undefined. */
function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const tokens = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = document;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('has the structure of OpenAPI 3.1', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document.info.title).not.toBe('');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    for (const path of Object.keys(document.paths)) expect(path).toMatch(/^\//);
    expect(document.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'veche_session',
      description: expect.any(String) as unknown,
    });
  });

  it('gives every operation a unique id, a summary, its path parameters and responses', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, operation } of operations()) {
      expect(operation.summary, path).toEqual(expect.any(String));
      const responses = Object.entries(responsesOf(operation));
      expect(responses.length, path).toBeGreaterThan(0);
      for (const [status, response] of responses) {
        expect(status, path).toMatch(/^[1-5]\d\d$/);
        expect(response.description, `${path} ${status}`).toEqual(expect.any(String));
      }
      const declared = ((operation.parameters ?? []) as JsonSchema[])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(declared.sort(), path).toEqual(inPath.sort());
    }
  });

  it('resolves every $ref, and has some to resolve', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(10);
    const broken = refs.filter(({ ref }) => resolve(document, ref) === undefined);
    expect(broken).toEqual([]);
    // Component schemas are embedded: their refs must not point into a $defs they lost.
    expect(JSON.stringify(document)).not.toContain('"$defs"');
  });

  it('answers errors in the one error shape, with the codes each route returns', () => {
    const command = document.paths['/api/sittings/{sittingId}/commands']?.post as Operation;
    const codesOf = (status: string): unknown => {
      const schema = responsesOf(command)[status]?.content as JsonSchema;
      const allOf = (schema['application/json'] as { schema: { allOf: JsonSchema[] } }).schema
        .allOf;
      expect(allOf[0]).toEqual({ $ref: '#/components/schemas/ApiError' });
      return (allOf[1] as { properties: { error: { properties: { code: { enum: unknown } } } } })
        .properties.error.properties.code.enum;
    };
    expect(codesOf('403')).toEqual(expect.arrayContaining(['forbidden', 'csrf_rejected']));
    expect(codesOf('404')).toEqual(['not_found']);
    expect(codesOf('409')).toEqual(
      expect.arrayContaining(['no_quorum', 'vote_closed', 'command_id_reused']),
    );
    expect(JSON.stringify(responsesOf(command)['403'])).toContain('not_conducting');
    for (const { path, operation } of operations()) {
      for (const [status, response] of Object.entries(responsesOf(operation))) {
        if (Number(status) < 400 || path === '/health') continue;
        // The portal's pages answer their errors as pages too.
        if (path.startsWith('/portal') && status !== '500' && status !== '503') {
          expect(Object.keys(response.content as JsonSchema), `${path} ${status}`).toEqual([
            'text/html',
          ]);
          continue;
        }
        expect(JSON.stringify(response), `${path} ${status}`).toContain(
          '#/components/schemas/ApiError',
        );
      }
    }
  });

  it('lists exactly the routes the server registers', () => {
    const { routes, unreadable } = registeredRoutes();
    expect(unreadable).toEqual([]);
    // The parse must see the routes it is meant to see, or this test would prove nothing.
    expect(routes).toContain('POST /api/sittings/:sittingId/commands');
    expect(routes).toContain('GET /health');
    expect([...DOCUMENTED_ROUTES].sort()).toEqual(routes);
    const inDocument = operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(inDocument.sort()).toEqual(
      DOCUMENTED_ROUTES.map((route) => {
        const [method = '', path = ''] = route.split(' ');
        return `${method} ${openApiPath(path)}`;
      }).sort(),
    );
  });

  it('has every sitting command in the command request schema', () => {
    const request = document.components.schemas.CommandRequest as {
      properties: { command: { oneOf: { properties: { type: { const: string } } }[] } };
    };
    const types = request.properties.command.oneOf.map((option) => option.properties.type.const);
    expect(types.sort()).toEqual([...WIRE_COMMAND_TYPES].sort());
    expect(JSON.stringify(request)).toContain('proxyReason is required when memberId is given');
  });

  it('is built once and cannot be changed by a caller', () => {
    expect(openApiDocument()).toBe(document);
    expect(Object.isFrozen(document.components.schemas.CommandRequest)).toBe(true);
  });
});

describe('toJsonSchema', () => {
  it('falls back to a description for what JSON Schema cannot say, instead of throwing', () => {
    const schema = z.object({ n: z.string().transform((text) => text.length), at: z.date() });
    const output = toJsonSchema(schema, 'output') as { properties: Record<string, JsonSchema> };
    expect(output.properties.n?.description).toMatch(/Not representable/);
    expect(output.properties.at?.description).toMatch(/Not representable/);
    const input = toJsonSchema(schema, 'input') as { properties: Record<string, JsonSchema> };
    expect(input.properties.n).toEqual({ type: 'string' });
  });

  it('states refinements in the description', () => {
    const schema = z.object({ a: z.number(), b: z.number() }).refine((v) => v.a < v.b, 'a < b');
    expect(toJsonSchema(schema, 'input').description).toBe('Also checked: a < b.');
  });
});

describe('the documentation page', () => {
  const page = docsPage();

  it('lists every operation with its method and path', () => {
    for (const { method, path, operation } of operations()) {
      expect(page).toContain(path);
      expect(page).toContain(`<span class="method">${method.toUpperCase()}</span>`);
      expect(page).toContain(`id="op-${String(operation.operationId)}"`);
    }
  });

  it('is self-contained and accessible in structure', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('<main id="main">');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(page).not.toMatch(/(src|href)="https?:/i);
    expect(page).toContain('<details><summary>JSON Schema: CommandRequest</summary>');
  });
});

describe('the documentation routes', () => {
  it('serve the document and the page', async () => {
    const app = Fastify();
    docsRoutes(app);
    try {
      const json = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.json()).toEqual(openApiDocument());

      const html = await app.inject({ method: 'GET', url: '/api/docs' });
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['content-security-policy']).toContain("default-src 'none'");
      expect(html.body).toBe(docsPage());
    } finally {
      await app.close();
    }
  });
});
