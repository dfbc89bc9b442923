import { stringify } from 'csv-stringify/sync';

/**
 * CSV as RFC 4180 has it, for spreadsheet programs: a header row, CRLF after every record, a
 * field quoted when it holds a comma, a quote (doubled) or any line break (a lone LF too, which
 * csv-stringify would otherwise leave bare), and UTF-8 with a byte order mark, without which
 * some spreadsheet programs read Polish and Cyrillic letters as another code page. Null is an
 * empty field, true and false are `yes` and `no`.
 */
export function toCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  return stringify(rows as unknown as Record<string, unknown>[], {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    bom: true,
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => (value ? 'yes' : 'no') },
  });
}
