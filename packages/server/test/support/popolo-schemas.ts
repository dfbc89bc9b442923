import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Popolo JSON schemas (popolo-project/popolo-spec, `schemas/`, CC BY 4.0), kept unchanged in
 * `test/reference/popolo/` (copied from the project's shared reference), made usable by Ajv. They are JSON Schema draft-03, which Ajv does
 * not read, so each is translated to draft-07 word for word: `id` becomes `$id`, and a property's
 * `"required": true` becomes its name in the parent's `required` list. Nothing else of draft-03
 * appears in them; any keyword that would need more than this (`extends`, `disallow`,
 * `divisibleBy`, a schema inside `type`, ...) stops the translation rather than being dropped. The
 * `$ref`s to http://www.popoloproject.com/schemas/... resolve to the local files by their ids.
 */
export const POPOLO_SCHEMA_DIR =
  process.env['POPOLO_SCHEMA_DIR'] ??
  fileURLToPath(new URL('../reference/popolo/', import.meta.url));

const DRAFT_03_ONLY = ['extends', 'disallow', 'divisibleBy'];

type Schema = Record<string, unknown>;

function translate(schema: unknown, where: string): unknown {
  if (Array.isArray(schema)) return schema.map((item, i) => translate(item, `${where}/${i}`));
  if (schema === null || typeof schema !== 'object') return schema;
  const input = schema as Schema;
  for (const keyword of DRAFT_03_ONLY) {
    if (keyword in input)
      throw new Error(`${where}: draft-03 keyword ${keyword} is not translated`);
  }
  if (Array.isArray(input.type) && input.type.some((entry) => typeof entry !== 'string')) {
    throw new Error(`${where}: a schema inside "type" is not translated`);
  }
  const output: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === '$schema') continue;
    if (key === 'id' && typeof value === 'string') output.$id = value;
    else if (key === 'properties') {
      const properties: Schema = {};
      const required: string[] = [];
      for (const [name, property] of Object.entries(value as Schema)) {
        const { required: flag, ...rest } = property as Schema;
        if (flag === true) required.push(name);
        else if (flag !== undefined && flag !== false) {
          throw new Error(`${where}/properties/${name}: "required" is not a boolean`);
        }
        properties[name] = translate(rest, `${where}/properties/${name}`);
      }
      output.properties = properties;
      if (required.length > 0) output.required = required;
    } else output[key] = translate(value, `${where}/${key}`);
  }
  return output;
}

/** Ajv with every Popolo schema added; `validator('vote_event')` checks a VoteEvent. */
export function popoloValidator(): (name: string) => ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  (addFormats as unknown as (instance: Ajv) => void)(ajv);
  const ids = new Map<string, string>();
  for (const file of readdirSync(POPOLO_SCHEMA_DIR).filter((name) => name.endsWith('.json'))) {
    const schema = translate(
      JSON.parse(readFileSync(join(POPOLO_SCHEMA_DIR, file), 'utf8')),
      file,
    ) as Schema;
    ajv.addSchema(schema);
    ids.set(file.replace(/\.json$/, ''), schema.$id as string);
  }
  return (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`no Popolo schema ${name}`);
    return ajv.getSchema(id)!;
  };
}
