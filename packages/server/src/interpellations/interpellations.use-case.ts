import {
  answerDeadline,
  answeredLate,
  interpellationStatus,
  isOverdue,
  mayAttach,
  type CouncilRole,
  type Language,
} from '@veche/domain';
import type {
  AnswerInterpellationRequest,
  FileInterpellationRequest,
  Interpellation,
  InterpellationFile,
  InterpellationFileUploadFields,
  InterpellationListQuery,
} from '@veche/protocol';
import { cleanFileName, withoutExtension } from '../documents/documents.use-case.js';
import type { UploadedFile } from '../http/multipart-upload.js';
import { acceptedDocumentType } from '../documents/document-type.js';
import { HttpError } from '../http/api-error.js';
import type { BlobStore } from '../storage/blob-store.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import type {
  InterpellationFileRow,
  InterpellationWithAuthor,
} from '../storage/repositories/interpellations.repository.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { localDateIn } from '../time/zoned-time.js';

/** The office records answers: the operators and the council's administrators. */
const OFFICE_ROLES: readonly CouncilRole[] = ['operator', 'council_admin'];

/** Whom an interpellation goes to unless the councillor names someone else (DESIGN.md 4). */
const MAYOR: Record<Language, string> = {
  pl: 'Burmistrz',
  bg: 'Кмет на общината',
  'sr-Cyrl': 'Председник општине',
  'sr-Latn': 'Predsednik opštine',
  en: 'The mayor',
};

export function interpellationFileView(row: InterpellationFileRow): InterpellationFile {
  return {
    id: row.id,
    role: row.role as 'question' | 'answer',
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    url: `/api/public/interpellation-files/${row.id}`,
  };
}

function interpellationView(
  row: InterpellationWithAuthor,
  files: InterpellationFileRow[],
  today: string,
): Interpellation {
  return {
    id: row.id,
    councilId: row.councilId,
    number: `${row.seq}/${row.year}`,
    kind: row.kind as Interpellation['kind'],
    status: interpellationStatus(row.answerText),
    authorPersonId: row.authorPersonId,
    authorName: `${row.authorGivenName} ${row.authorFamilyName}`,
    addressee: row.addressee,
    subject: row.subject,
    text: row.text,
    filedAt: row.filedAt.toISOString(),
    filedOn: row.filedOn,
    deadline: row.deadline,
    overdue: isOverdue(row.deadline, row.answeredOn, today),
    answerText: row.answerText,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredOn: row.answeredOn,
    answeredLate: row.answeredOn !== null && answeredLate(row.deadline, row.answeredOn),
    files: files.filter((file) => file.interpellationId === row.id).map(interpellationFileView),
    version: row.version,
  };
}

async function viewsOf(
  repos: Repositories,
  council: CouncilRow,
  rows: InterpellationWithAuthor[],
  now: Date,
): Promise<Interpellation[]> {
  const files = await repos.interpellations.filesOf(
    council.id,
    rows.map((row) => row.id),
  );
  const today = localDateIn(now, council.timeZone);
  return rows.map((row) => interpellationView(row, files, today));
}

interface CouncilAccess {
  council: CouncilRow;
  roles: CouncilRole[];
}

/** The council and the user's roles in it; a council without a role of theirs is "not found". */
async function councilAccess(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<CouncilAccess> {
  const council = await repos.councils.findById(councilId);
  const roles = (await repos.users.councilsOf(user.id)).find(
    (entry) => entry.councilId === councilId,
  )?.roles;
  if (council === undefined || roles === undefined) {
    throw new HttpError(404, 'not_found', 'No such council');
  }
  return { council, roles };
}

const NO_PERSON = '00000000-0000-0000-0000-000000000000';

const notFound = () => new HttpError(404, 'not_found', 'No such interpellation');

/** The interpellation and the user's access to its council; "not found" for a stranger. */
async function interpellationAccess(repos: Repositories, user: UserRow, id: string) {
  const located = await repos.interpellations.locate(id);
  if (located === undefined) throw notFound();
  let access: CouncilAccess;
  try {
    access = await councilAccess(repos, user, located.councilId);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404) throw notFound();
    throw error;
  }
  const row = await repos.interpellations.findInCouncil(located.councilId, id);
  if (row === undefined) throw notFound();
  return { ...access, row };
}

const isOffice = (roles: readonly CouncilRole[]) =>
  roles.some((role) => OFFICE_ROLES.includes(role));

/**
 * A councillor files an interpellation or question as themselves: they hold the `councillor`
 * role and their account is linked to a person of the council. The deadline is fixed now, on
 * the council's calendar; the number is the next of the council's year.
 */
export async function fileInterpellation(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  input: FileInterpellationRequest,
): Promise<Interpellation> {
  return inTransaction(storage, async (repos) => {
    const { council, roles } = await councilAccess(repos, user, councilId);
    if (!roles.includes('councillor')) {
      throw new HttpError(403, 'forbidden', 'Only councillors file interpellations');
    }
    const person =
      user.personId === null ? undefined : await repos.persons.findById(councilId, user.personId);
    if (person === undefined) {
      throw new HttpError(
        403,
        'not_a_councillor',
        'This account is not linked to a person of the council',
      );
    }
    // The council's row is locked so that two filings at once never take the same number.
    await repos.councils.lock(councilId);
    const now = storage.clock();
    const filedOn = localDateIn(now, council.timeZone);
    const created = await repos.interpellations.create({
      councilId,
      year: Number(filedOn.slice(0, 4)),
      kind: input.kind,
      authorPersonId: person.id,
      filedByUserId: user.id,
      addressee: input.addressee ?? MAYOR[council.defaultLanguage as Language],
      subject: input.subject,
      text: input.text,
      filedOn,
      deadline: answerDeadline(filedOn),
    });
    const row = await repos.interpellations.findInCouncil(councilId, created.id);
    const [view] = await viewsOf(repos, council, [row!], now);
    return view!;
  });
}

/** The council's interpellations for its people, with the filters of the list. */
export async function listInterpellations(
  storage: StorageContext,
  repos: Repositories,
  user: UserRow,
  councilId: string,
  query: InterpellationListQuery,
): Promise<Interpellation[]> {
  const { council } = await councilAccess(repos, user, councilId);
  // An account linked to no person has no interpellations of its own: an id no row holds.
  const author = query.mine === 'true' ? (user.personId ?? NO_PERSON) : query.author;
  const rows = await repos.interpellations.listForCouncil(councilId, {
    ...(author === undefined ? {} : { authorPersonId: author }),
    ...(query.year === undefined ? {} : { year: query.year }),
  });
  const views = await viewsOf(repos, council, rows, storage.clock());
  return views.filter(
    (view) =>
      (query.status === undefined || view.status === query.status) &&
      (query.overdue === undefined || view.overdue === (query.overdue === 'true')),
  );
}

/**
 * The office records the answer, or corrects it (it stays answered), at the version it saw; a
 * stale version is refused with the record as it is now.
 */
export async function answerInterpellation(
  storage: StorageContext,
  repos: Repositories,
  user: UserRow,
  id: string,
  input: AnswerInterpellationRequest,
): Promise<Interpellation> {
  const { council, roles, row } = await interpellationAccess(repos, user, id);
  if (!isOffice(roles)) {
    throw new HttpError(403, 'forbidden', 'Only the council office records answers');
  }
  const now = storage.clock();
  const updated = await repos.interpellations.answer(council.id, id, input.version, {
    answerText: input.answerText,
    answeredOn: localDateIn(now, council.timeZone),
    answeredByUserId: user.id,
  });
  const current = await repos.interpellations.findInCouncil(council.id, id);
  const [view] = await viewsOf(repos, council, [current ?? row], now);
  if (updated === undefined) {
    throw new HttpError(409, 'stale_version', 'version: someone else saved this meanwhile', {
      field: 'version',
      facts: { current: view },
    });
  }
  return view!;
}

/**
 * Attaches a file: to the question by its author until it is answered, to the answer by the
 * office. Judged by content like documents; the blob first, the row after.
 */
export async function attachInterpellationFile(
  repos: Repositories,
  blobs: BlobStore,
  user: UserRow,
  id: string,
  fields: InterpellationFileUploadFields,
  file: UploadedFile,
): Promise<InterpellationFile> {
  const { council, roles, row } = await interpellationAccess(repos, user, id);
  const actor = {
    isAuthor: user.personId !== null && user.personId === row.authorPersonId,
    isOffice: isOffice(roles),
  };
  const status = interpellationStatus(row.answerText);
  if (!mayAttach(fields.role, actor, status)) {
    throw fields.role === 'question' && actor.isAuthor
      ? new HttpError(
          409,
          'already_answered',
          'role: the question is answered; its files are closed',
          {
            field: 'role',
          },
        )
      : new HttpError(403, 'forbidden', 'role: you may not add this file', { field: 'role' });
  }
  const type = await acceptedDocumentType(file.content);
  const fileName = cleanFileName(file.fileName);
  const blob = await blobs.put(file.content);
  const created = await repos.interpellations.addFile({
    councilId: council.id,
    interpellationId: id,
    role: fields.role,
    title: fields.title ?? withoutExtension(fileName),
    fileName,
    mediaType: type.mediaType,
    sizeBytes: blob.sizeBytes,
    sha256: blob.sha256,
    createdByUserId: user.id,
  });
  return interpellationFileView(created);
}

/** Anyone may read a council's filed and answered interpellations (DESIGN.md section 6). */
export async function publicInterpellations(
  storage: StorageContext,
  repos: Repositories,
  councilId: string,
): Promise<Interpellation[]> {
  const council = await repos.councils.findById(councilId);
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  const rows = await repos.interpellations.listForCouncil(councilId);
  return viewsOf(repos, council, rows, storage.clock());
}

export async function publicInterpellation(
  storage: StorageContext,
  repos: Repositories,
  id: string,
): Promise<Interpellation> {
  const located = await repos.interpellations.locate(id);
  const council = located && (await repos.councils.findById(located.councilId));
  const row = council && (await repos.interpellations.findInCouncil(council.id, id));
  if (council === undefined || row === undefined) throw notFound();
  const [view] = await viewsOf(repos, council, [row], storage.clock());
  return view!;
}

/** A file of an interpellation: every one is public, as its interpellation is. */
export async function publicInterpellationFile(
  repos: Repositories,
  id: string,
): Promise<InterpellationFileRow> {
  const row = await repos.interpellations.findFile(id);
  if (row === undefined) throw new HttpError(404, 'not_found', 'No such file');
  return row;
}
