import {
  previewMemberImport,
  type ImportRowPreview,
  type MembershipRole,
  type RawImportRow,
} from '@veche/domain';
import type { MemberImportPreview } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { requireCouncilAdmin } from './admin-access.js';
import { readMemberCsv } from './member-csv.js';

/** The rows judged against the council as it is now (inside the caller's transaction). */
async function judge(
  repos: Repositories,
  councilId: string,
  rows: readonly RawImportRow[],
): Promise<ImportRowPreview[]> {
  const [bodies, persons, terms, memberships] = await Promise.all([
    repos.bodies.listForCouncil(councilId),
    repos.persons.listForCouncil(councilId),
    repos.terms.listForCouncil(councilId),
    repos.persons.membershipsOfCouncil(councilId),
  ]);
  return previewMemberImport(rows, {
    bodies,
    persons,
    terms,
    memberships: memberships.map((m) => ({ ...m, role: m.role as MembershipRole })),
  });
}

/** Rows of one new person share that person: by e-mail, else by name. */
function newPersonKey(row: ImportRowPreview): string {
  return row.email ?? `${row.givenName.toLowerCase()}\u0000${row.familyName.toLowerCase()}`;
}

function summaryOf(rows: readonly ImportRowPreview[]): MemberImportPreview['summary'] {
  const newPersons = new Set(rows.filter((row) => row.existingPersonId === null).map(newPersonKey));
  return {
    rows: rows.length,
    rowsWithErrors: rows.filter((row) => row.errors.length > 0).length,
    newPersons: newPersons.size,
    memberships: rows.length,
  };
}

/**
 * Imports a member list, or only shows what it would do (`dryRun`). Either every row is written,
 * in one transaction, or none: a file with any bad row is refused whole (422 `import_invalid`)
 * with the same preview, so that the office fixes the file and sends it again. A row whose
 * e-mail is a person's of the council adds a seat to that person; other rows create persons.
 */
export async function importMembers(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<MemberImportPreview> {
  return inTransaction(storage, async (repos) => {
    await requireCouncilAdmin(repos, user, councilId);
    // Read only for those who may import: nobody else learns anything from the answer.
    const rows = readMemberCsv(file);
    // The same lock as single seat changes: the file is judged against what is written.
    await repos.councils.lock(councilId);
    const previews = await judge(repos, councilId, rows);
    const preview: MemberImportPreview = {
      dryRun,
      imported: false,
      rows: previews.map((row) => ({ ...row, errors: [...row.errors] })),
      summary: summaryOf(previews),
    };
    if (preview.summary.rowsWithErrors > 0 && !dryRun) {
      throw new HttpError(
        422,
        'import_invalid',
        `(body): ${String(preview.summary.rowsWithErrors)} rows have errors; nothing was imported`,
        { field: '(body)', facts: { preview } },
      );
    }
    if (dryRun) return preview;
    const created = new Map<string, string>();
    for (const row of previews) {
      let personId = row.existingPersonId ?? created.get(newPersonKey(row));
      if (personId === undefined) {
        const person = await repos.persons.create({
          councilId,
          givenName: row.givenName,
          familyName: row.familyName,
          email: row.email,
        });
        personId = person.id;
        created.set(newPersonKey(row), personId);
      }
      await repos.persons.addMembership({
        councilId,
        personId,
        bodyId: row.bodyId!,
        termId: row.termId!,
        role: row.role!,
        startsOn: row.startsOn!,
      });
    }
    return { ...preview, imported: true };
  });
}
