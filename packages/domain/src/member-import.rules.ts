import {
  chairConflict,
  isIsoDate,
  spansOverlap,
  termOn,
  type SeatSpan,
  type TermSpan,
} from './administration.rules.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from './vocabulary.js';

/**
 * Checking a list of members before it is imported (a council office's spreadsheet, one row per
 * seat). Every row is judged against the council as it is and against the other rows, and every
 * problem of every row is reported at once, so the office fixes the file in one go.
 */

export const IMPORT_COLUMNS = [
  'given_name',
  'family_name',
  'email',
  'body',
  'role',
  'starts_on',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_ROW_CODES = [
  'required',
  'too_long',
  'invalid_email',
  'invalid_date',
  'unknown_body',
  'invalid_role',
  'no_term',
  'duplicate_row',
  'chair_taken',
  'already_member',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

/** Header names accepted for each column: English, Polish, Bulgarian, Serbian (both scripts). */
const HEADER_NAMES: Readonly<Record<ImportColumn, readonly string[]>> = {
  given_name: ['given_name', 'imię', 'imie', 'име', 'ime'],
  family_name: ['family_name', 'nazwisko', 'фамилия', 'презиме', 'prezime'],
  email: ['email', 'e-mail', 'е-mail', 'имейл', 'е-поща', 'е-пошта', 'e-pošta', 'imejl'],
  body: ['body', 'organ', 'орган', 'тело', 'telo'],
  role: ['role', 'funkcja', 'rola', 'роля', 'функция', 'функција', 'funkcija', 'улога', 'uloga'],
  starts_on: ['starts_on', 'od', 'от', 'од', 'początek', 'начало', 'почетак', 'početak'],
};

/** The column a header cell names (case, spaces and underscores do not matter), or null. */
export function importColumnOf(header: string): ImportColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
  for (const column of IMPORT_COLUMNS) {
    if (HEADER_NAMES[column].some((name) => name.replace(/\s+/g, '_') === key)) return column;
  }
  return null;
}

/** Role words accepted in the role column, besides the ids themselves. */
const ROLE_NAMES: Readonly<Record<MembershipRole, readonly string[]>> = {
  chair: ['chair', 'przewodniczący', 'przewodnicząca', 'председател', 'председник', 'predsednik'],
  vice_chair: [
    'vice_chair',
    'wiceprzewodniczący',
    'wiceprzewodnicząca',
    'заместник-председател',
    'заменик председника',
    'zamenik predsednika',
  ],
  member: ['member', 'członek', 'członkini', 'член', 'члан', 'član', 'radny', 'radna'],
};

function roleOf(text: string): MembershipRole | null {
  const key = text.trim().toLowerCase();
  if (key === '') return 'member';
  return MEMBERSHIP_ROLES.find((role) => ROLE_NAMES[role].includes(key)) ?? null;
}

/** YYYY-MM-DD as it is, or D.M.YYYY (as Polish, Bulgarian and Serbian offices write) turned into it. */
export function importDateOf(text: string): string | null {
  const trimmed = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(trimmed);
  const iso = dotted
    ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`
    : trimmed;
  return isIsoDate(iso) ? iso : null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Longest accepted name (a person's given or family name). */
export const IMPORT_NAME_MAX = 100;

export interface RawImportRow {
  /** The row's line in the file (the header is line 1). */
  readonly rowNumber: number;
  readonly values: Readonly<Partial<Record<ImportColumn, string>>>;
}

export interface ImportContext {
  readonly bodies: readonly { readonly id: string; readonly name: string }[];
  readonly persons: readonly { readonly id: string; readonly email: string | null }[];
  readonly terms: readonly TermSpan[];
  readonly memberships: readonly (SeatSpan & { readonly personId: string })[];
}

export interface ImportRowError {
  readonly column: ImportColumn;
  readonly code: ImportRowCode;
}

export interface ImportRowPreview {
  readonly rowNumber: number;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string | null;
  readonly bodyName: string;
  readonly bodyId: string | null;
  readonly role: MembershipRole | null;
  readonly startsOn: string | null;
  readonly termId: string | null;
  /** The council's person with this e-mail, to whom the seat is added; null: a new person. */
  readonly existingPersonId: string | null;
  readonly errors: readonly ImportRowError[];
}

function nameErrors(column: ImportColumn, value: string): ImportRowError[] {
  if (value === '') return [{ column, code: 'required' }];
  if (value.length > IMPORT_NAME_MAX) return [{ column, code: 'too_long' }];
  return [];
}

function previewRow(row: RawImportRow, context: ImportContext): ImportRowPreview {
  const text = (column: ImportColumn) => (row.values[column] ?? '').trim();
  const errors: ImportRowError[] = [
    ...nameErrors('given_name', text('given_name')),
    ...nameErrors('family_name', text('family_name')),
  ];
  const emailText = text('email').toLowerCase();
  if (emailText !== '' && (emailText.length > 254 || !EMAIL.test(emailText))) {
    errors.push({ column: 'email', code: 'invalid_email' });
  }
  const email = emailText === '' ? null : emailText;
  const bodyName = text('body');
  const body = context.bodies.find(
    (candidate) => candidate.name.trim().toLowerCase() === bodyName.toLowerCase(),
  );
  if (bodyName === '') errors.push({ column: 'body', code: 'required' });
  else if (body === undefined) errors.push({ column: 'body', code: 'unknown_body' });
  const role = roleOf(text('role'));
  if (role === null) errors.push({ column: 'role', code: 'invalid_role' });
  const startsOn = importDateOf(text('starts_on'));
  if (text('starts_on') === '') errors.push({ column: 'starts_on', code: 'required' });
  else if (startsOn === null) errors.push({ column: 'starts_on', code: 'invalid_date' });
  const term = startsOn === null ? null : termOn(startsOn, context.terms);
  if (startsOn !== null && term === null) errors.push({ column: 'starts_on', code: 'no_term' });
  const existing =
    email === null ? undefined : context.persons.find((person) => person.email === email);
  return {
    rowNumber: row.rowNumber,
    givenName: text('given_name'),
    familyName: text('family_name'),
    email: errors.some((error) => error.column === 'email') ? emailText : email,
    bodyName,
    bodyId: body?.id ?? null,
    role,
    startsOn,
    termId: term?.id ?? null,
    existingPersonId: existing?.id ?? null,
    errors,
  };
}

/** Who a row is: the e-mail when it has one, else the name. */
function personKey(row: ImportRowPreview): string {
  return row.email ?? `${row.givenName.toLowerCase()}\u0000${row.familyName.toLowerCase()}`;
}

function seatOf(row: ImportRowPreview): SeatSpan | null {
  if (row.bodyId === null || row.role === null || row.startsOn === null) return null;
  // A new seat runs to the end of its term, which is when the mandates end.
  return {
    id: `row-${String(row.rowNumber)}`,
    bodyId: row.bodyId,
    role: row.role,
    startsOn: row.startsOn,
    endsOn: null,
  };
}

/**
 * Every row with its parsed values and all its problems (DESIGN.md section 2: the council
 * administrator manages members). A row whose e-mail belongs to a person of the council adds a
 * seat to that person (their name is not changed); other rows create a person. Two rows of one
 * person (by e-mail, else by name) for the same body, a second chair of a body, and a seat the
 * person already holds are refused.
 */
export function previewMemberImport(
  rows: readonly RawImportRow[],
  context: ImportContext,
): ImportRowPreview[] {
  const previews = rows.map((row) => previewRow(row, context));
  const seen = new Set<string>();
  const chairs: SeatSpan[] = [...context.memberships];
  return previews.map((preview) => {
    const extra: ImportRowError[] = [];
    const seat = seatOf(preview);
    if (preview.bodyId !== null) {
      const key = `${personKey(preview)}\u0000${preview.bodyId}`;
      if (seen.has(key)) extra.push({ column: 'body', code: 'duplicate_row' });
      seen.add(key);
    }
    if (seat !== null) {
      if (chairConflict(seat, chairs) !== null) extra.push({ column: 'role', code: 'chair_taken' });
      else if (seat.role === 'chair') chairs.push(seat);
      const held = context.memberships.some(
        (membership) =>
          membership.personId === preview.existingPersonId &&
          membership.bodyId === seat.bodyId &&
          spansOverlap(membership, seat),
      );
      if (held) extra.push({ column: 'body', code: 'already_member' });
    }
    return extra.length === 0 ? preview : { ...preview, errors: [...preview.errors, ...extra] };
  });
}
