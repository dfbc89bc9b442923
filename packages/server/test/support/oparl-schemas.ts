import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * The OParl 1.1 schemas (test/reference/oparl-1.1, unchanged) as validators. Three things about
 * them need saying to a JSON Schema validator, none of which loosens them:
 * - `"schema": "File.json"` says "an embedded object of that type". Read as `$ref` to that
 *   schema (JSON Schema 2020-12 applies `$ref` together with the keywords beside it), so an
 *   embedded object is held to its own type's schema. Under `"type": "string"` (a list's URL
 *   that could also hold the objects) it sits inside `items`, which a string ignores.
 * - `references`, `backreference` and `cardinality` describe links for documentation only: they
 *   are declared as keywords that check nothing, and every other unknown keyword still fails.
 * - Patterns escape `:` as `\:`, which a Unicode-mode RegExp refuses: they are compiled without
 *   the `u` flag (their meaning for these ASCII patterns is the same).
 * Formats `url`, `date` and `date-time` are checked by ajv-formats.
 */

export const OPARL_TYPES = [
  'System',
  'Body',
  'Organization',
  'Person',
  'Membership',
  'Meeting',
  'AgendaItem',
  'Paper',
  'Consultation',
  'File',
  'Location',
  'LegislativeTerm',
] as const;
export type OparlType = (typeof OPARL_TYPES)[number];

const SCHEMA_DIR = new URL('../reference/oparl-1.1/', import.meta.url);
const BASE = 'https://schema.oparl.org/1.1/schema/';

function embeddedAsRef(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(embeddedAsRef);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'schema' && typeof inner === 'string' && inner.endsWith('.json')) {
      out.$ref = inner;
    } else {
      out[key] = embeddedAsRef(inner);
    }
  }
  return out;
}

const regExpWithoutUnicode = Object.assign(
  (pattern: string, flags: string) => new RegExp(pattern, flags.replace('u', '')),
  { code: 'new RegExp' },
);

export function oparlValidators(): Record<OparlType, ValidateFunction> {
  const ajv = new Ajv2020({
    allErrors: true,
    // The schemas predate strict type annotations (`items` beside `"type": "string"`); strict
    // mode's other checks (unknown keywords, formats) stay on.
    strictTypes: false,
    code: { regExp: regExpWithoutUnicode },
  });
  (addFormatsPlugin as unknown as (ajv: Ajv2020, formats: string[]) => void)(ajv, [
    'url',
    'date',
    'date-time',
  ]);
  for (const keyword of ['references', 'backreference', 'cardinality']) {
    ajv.addKeyword({ keyword, schemaType: 'string' });
  }
  for (const type of OPARL_TYPES) {
    const text = readFileSync(fileURLToPath(new URL(`${type}.json`, SCHEMA_DIR)), 'utf8');
    const schema = embeddedAsRef(JSON.parse(text)) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: `${BASE}${type}.json` });
  }
  return Object.fromEntries(
    OPARL_TYPES.map((type) => [type, ajv.getSchema(`${BASE}${type}.json`)!]),
  ) as Record<OparlType, ValidateFunction>;
}

/** The type name of an OParl `type` URL, or null for anything else. */
export function oparlTypeOf(typeUrl: unknown): OparlType | null {
  if (typeof typeUrl !== 'string') return null;
  const name = typeUrl.replace('https://schema.oparl.org/1.1/', '');
  return (OPARL_TYPES as readonly string[]).includes(name) ? (name as OparlType) : null;
}
