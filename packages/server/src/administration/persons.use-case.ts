import type { Person, PersonInput } from '@veche/protocol';
import { HttpError } from '../http/api-error.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { UserRow } from '../storage/repositories/users.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { requireCouncilAdmin } from './admin-access.js';
import { personView } from './administration-views.js';

/** The council's people, each with every seat they hold or held. */
export async function listPersons(
  repos: Repositories,
  user: UserRow,
  councilId: string,
): Promise<Person[]> {
  await requireCouncilAdmin(repos, user, councilId);
  const [rows, memberships] = await Promise.all([
    repos.persons.listForCouncil(councilId),
    repos.persons.membershipsOfCouncil(councilId),
  ]);
  return rows.map((row) => personView(row, memberships));
}

/**
 * Writes a person. An e-mail names one person of the council (a member import finds people by
 * it), so a second person with the same e-mail is refused.
 */
export async function savePerson(
  storage: StorageContext,
  user: UserRow,
  councilId: string,
  personId: string | null,
  input: PersonInput,
): Promise<Person> {
  return inTransaction(storage, async (repos) => {
    await requireCouncilAdmin(repos, user, councilId);
    await repos.councils.lock(councilId);
    const persons = await repos.persons.listForCouncil(councilId);
    if (personId !== null && !persons.some((person) => person.id === personId)) {
      throw new HttpError(404, 'not_found', 'No such person');
    }
    if (
      input.email !== null &&
      persons.some((person) => person.email === input.email && person.id !== personId)
    ) {
      throw new HttpError(409, 'email_taken', 'email: another person of the council has it', {
        field: 'email',
      });
    }
    const row =
      personId === null
        ? await repos.persons.create({ councilId, ...input })
        : await repos.persons.update(councilId, personId, input);
    const memberships = await repos.persons.membershipsOfCouncil(councilId);
    return personView(row!, memberships);
  });
}
