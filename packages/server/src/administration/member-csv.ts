import {
  IMPORT_COLUMNS,
  importColumnOf,
  type ImportColumn,
  type RawImportRow,
} from '@veche/domain';
import { MEMBER_IMPORT_MAX_ROWS } from '@veche/protocol';
import { CsvError, parse } from 'csv-parse/sync';
import { HttpError } from '../http/api-error.js';

/*
 * A member list as council offices save it from a spreadsheet: UTF-8 with or without a byte
 * order mark, comma- or semicolon-separated (Polish and Bulgarian spreadsheets use the semicolon,
 * since the comma is their decimal mark), a header row naming the columns in any of the five
 * languages, then one row per seat. Columns the header does not name are ignored.
 */

/** Columns a file must have; e-mail and role may be left out (no e-mail; an ordinary member). */
const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'given_name',
  'family_name',
  'body',
  'starts_on',
];

function textOf(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'validation_failed', '(body): the file is not UTF-8 text', {
      field: '(body)',
    });
  }
}

/** The separator of the header line: a semicolon if it has more of those than commas. */
function delimiterOf(text: string): ';' | ',' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (separator: string) => header.split(separator).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** The rows of a member list, each with its line number in the file, or a refusal of the file. */
export function readMemberCsv(bytes: Buffer): RawImportRow[] {
  const text = textOf(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new HttpError(
      400,
      'validation_failed',
      `(body): not a readable CSV file: ${error.message}`,
      {
        field: '(body)',
      },
    );
  }
  const [header, ...rows] = records;
  const columns = (header?.record ?? []).map(importColumnOf);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new HttpError(
      422,
      'import_header_invalid',
      `(body): the header row lacks the columns ${missing.join(', ')}; it must name ${IMPORT_COLUMNS.join(', ')}`,
      { field: '(body)', facts: { missingColumns: missing } },
    );
  }
  if (rows.length > MEMBER_IMPORT_MAX_ROWS) {
    throw new HttpError(
      413,
      'import_too_large',
      `(body): the file has ${String(rows.length)} rows; at most ${String(MEMBER_IMPORT_MAX_ROWS)} are read at once`,
      { field: '(body)', facts: { maxRows: MEMBER_IMPORT_MAX_ROWS, rows: rows.length } },
    );
  }
  return rows.map(({ record, info }) => {
    const values: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((column, index) => {
      // The first column of a name wins; a repeated one is ignored like an unknown one.
      if (column !== null && values[column] === undefined) values[column] = record[index] ?? '';
    });
    return { rowNumber: info.lines, values };
  });
}
