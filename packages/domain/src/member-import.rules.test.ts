import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_COLUMNS,
  importColumnOf,
  importDateOf,
  previewMemberImport,
  type ImportContext,
  type RawImportRow,
} from './member-import.rules.js';

const CONTEXT: ImportContext = {
  bodies: [
    { id: 'plenary', name: 'Rada Miejska' },
    { id: 'budget', name: 'Komisja Budżetu' },
  ],
  persons: [{ id: 'p-anna', email: 'anna@example.org' }],
  terms: [{ id: 'term', startsOn: '2024-05-07', endsOn: null }],
  memberships: [
    {
      id: 'm1',
      personId: 'p-anna',
      bodyId: 'plenary',
      role: 'chair',
      startsOn: '2024-05-07',
      endsOn: null,
    },
  ],
};

const row = (rowNumber: number, values: RawImportRow['values']): RawImportRow => ({
  rowNumber,
  values,
});
const good = {
  given_name: 'Ewa',
  family_name: 'Lis',
  email: 'Ewa.Lis@Example.org',
  body: 'komisja budżetu',
  role: 'członek',
  starts_on: '7.05.2024',
};

describe('importing members', () => {
  it('reads the header in any of the five languages', () => {
    expect(['Imię', 'Nazwisko', 'E-mail', 'Organ', 'Funkcja', 'Od'].map(importColumnOf)).toEqual(
      IMPORT_COLUMNS,
    );
    expect(['Име', 'Фамилия', 'Имейл', 'Орган', 'Роля', 'От'].map(importColumnOf)).toEqual(
      IMPORT_COLUMNS,
    );
    expect(
      ['given name', 'FAMILY_NAME', 'email', 'body', 'role', 'starts on'].map(importColumnOf),
    ).toEqual(IMPORT_COLUMNS);
    expect(importColumnOf('phone')).toBeNull();
  });

  it('reads ISO and dotted dates, and nothing that is no day', () => {
    expect(importDateOf('2024-05-07')).toBe('2024-05-07');
    expect(importDateOf('7.5.2024')).toBe('2024-05-07');
    expect(importDateOf('07.05.2024.')).toBe('2024-05-07');
    expect(importDateOf('31.02.2024')).toBeNull();
    expect(importDateOf('tomorrow')).toBeNull();
  });

  it('parses a good row into a new person with a seat in the term of its first day', () => {
    const [preview] = previewMemberImport([row(2, good)], CONTEXT);
    expect(preview).toEqual({
      rowNumber: 2,
      givenName: 'Ewa',
      familyName: 'Lis',
      email: 'ewa.lis@example.org',
      bodyName: 'komisja budżetu',
      bodyId: 'budget',
      role: 'member',
      startsOn: '2024-05-07',
      termId: 'term',
      existingPersonId: null,
      errors: [],
    });
  });

  it('reports every problem of a row, each with its column', () => {
    const [preview] = previewMemberImport(
      [
        row(3, {
          given_name: '',
          family_name: 'x'.repeat(101),
          email: 'not-an-address',
          body: 'Komisja Rewizyjna',
          role: 'boss',
          starts_on: '2020-01-01',
        }),
      ],
      CONTEXT,
    );
    expect(preview!.errors).toEqual([
      { column: 'given_name', code: 'required' },
      { column: 'family_name', code: 'too_long' },
      { column: 'email', code: 'invalid_email' },
      { column: 'body', code: 'unknown_body' },
      { column: 'role', code: 'invalid_role' },
      { column: 'starts_on', code: 'no_term' },
    ]);
  });

  it('adds a seat to the person with that e-mail, and refuses what would break the rules', () => {
    const previews = previewMemberImport(
      [
        row(2, { ...good, email: 'ANNA@example.org', body: 'Komisja Budżetu' }),
        row(3, { ...good, email: 'anna@example.org', body: 'Rada Miejska', role: 'member' }),
        row(4, { ...good, body: 'Rada Miejska', role: 'chair' }),
        row(5, { ...good }),
        row(6, { ...good }),
      ],
      CONTEXT,
    );
    expect(previews[0]).toMatchObject({ existingPersonId: 'p-anna', errors: [] });
    expect(previews[1]!.errors).toEqual([{ column: 'body', code: 'already_member' }]);
    expect(previews[2]!.errors).toEqual([{ column: 'role', code: 'chair_taken' }]);
    expect(previews[3]!.errors).toEqual([]);
    expect(previews[4]!.errors).toEqual([{ column: 'body', code: 'duplicate_row' }]);
  });

  it('gives one preview per row, in order, and never errors on any text', () => {
    const cell = fc.string({ maxLength: 30 });
    const values = fc.record(
      Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, cell])) as Record<
        (typeof IMPORT_COLUMNS)[number],
        typeof cell
      >,
    );
    fc.assert(
      fc.property(fc.array(values, { maxLength: 20 }), (rows) => {
        const previews = previewMemberImport(
          rows.map((values, i) => row(i + 2, values)),
          CONTEXT,
        );
        return (
          previews.length === rows.length &&
          previews.every((preview, i) => preview.rowNumber === i + 2) &&
          // A row without errors always has everything an import needs.
          previews.every(
            (preview) =>
              preview.errors.length > 0 ||
              (preview.bodyId !== null &&
                preview.role !== null &&
                preview.termId !== null &&
                preview.givenName !== ''),
          )
        );
      }),
    );
  });

  it('never lets two rows make two chairs of one body', () => {
    const chairRow = fc.record({
      body: fc.constantFrom('Rada Miejska', 'Komisja Budżetu'),
      day: fc.integer({ min: 7, max: 28 }),
    });
    fc.assert(
      fc.property(fc.array(chairRow, { maxLength: 10 }), (rows) => {
        const previews = previewMemberImport(
          rows.map((r, i) =>
            row(i + 2, {
              ...good,
              email: `p${String(i)}@example.org`,
              body: r.body,
              role: 'chair',
              starts_on: `2024-05-${String(r.day).padStart(2, '0')}`,
            }),
          ),
          { ...CONTEXT, memberships: [] },
        );
        const accepted = previews.filter((p) => p.errors.length === 0);
        return new Set(accepted.map((p) => p.bodyId)).size === accepted.length;
      }),
    );
  });
});
