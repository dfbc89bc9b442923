import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { hashPassword } from '../../src/accounts/password.js';
import { openEmbeddedDatabase } from '../../src/storage/database.js';
import { createRepositories } from '../../src/storage/repositories.js';

/** What a test needs to know about the council written by `addBulgarianCouncil`. */
export interface SecondCouncil {
  readonly councilId: string;
  readonly councilName: string;
  readonly sittingId: string;
  readonly password: string;
  readonly operatorEmail: string;
  readonly councillorEmail: string;
  /** Persons of the plenary body, in the order they were created. */
  readonly memberIds: readonly string[];
}

const PASSWORD = 'veche-bg-test';
const DOMAIN = 'obshtina-test.example';
const MEMBERS: ReadonlyArray<readonly [string, string]> = [
  ['Иван', 'Петров'],
  ['Мария', 'Георгиева'],
  ['Георги', 'Димитров'],
  ['Елена', 'Стоянова'],
  ['Николай', 'Христов'],
];

/**
 * Writes a second, Bulgarian council straight into the embedded database of `dataDir` (a data
 * folder no server is using): a plenary body of five, a term, persons with memberships, an
 * operator and a councillor, and a convened sitting a week from now with two agenda items.
 */
export async function addBulgarianCouncil(dataDir: string): Promise<SecondCouncil> {
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const passwordHash = await hashPassword(PASSWORD);
    const councilName = 'Общински съвет – Тестово';
    const council = await repos.councils.create({
      name: councilName,
      country: 'BG',
      languages: ['bg', 'en'],
      defaultLanguage: 'bg',
      timeZone: 'Europe/Sofia',
      quorumRule: 'more_than_half',
      majorityPreset: 'bg.majority_present',
      resolutionNumberPattern: '{seq}/{year}',
    });
    const plenary = await repos.bodies.create({
      councilId: council.id,
      name: councilName,
      kind: 'plenary',
      statutorySize: MEMBERS.length,
      quorumRule: 'more_than_half',
    });
    const termStart = '2023-11-06';
    const term = await repos.terms.create({
      councilId: council.id,
      name: '2023–2027',
      startsOn: termStart,
    });
    const memberIds: string[] = [];
    let councillorEmail = '';
    for (const [index, [givenName, familyName]] of MEMBERS.entries()) {
      const person = await repos.persons.create({ councilId: council.id, givenName, familyName });
      memberIds.push(person.id);
      await repos.persons.addMembership({
        councilId: council.id,
        personId: person.id,
        bodyId: plenary.id,
        termId: term.id,
        role: index === 0 ? 'chair' : 'member',
        startsOn: termStart,
      });
      if (index === 1) {
        councillorEmail = `savetnik@${DOMAIN}`;
        const user = await repos.users.create({
          councilId: council.id,
          personId: person.id,
          email: councillorEmail,
          passwordHash,
          displayName: `${givenName} ${familyName}`,
          language: 'bg',
        });
        await repos.users.grantRole(council.id, user.id, 'councillor');
      }
    }
    const operatorEmail = `operator@${DOMAIN}`;
    const operator = await repos.users.create({
      councilId: council.id,
      email: operatorEmail,
      passwordHash,
      displayName: 'Оператор',
      language: 'bg',
    });
    await repos.users.grantRole(council.id, operator.id, 'operator');

    const sitting = await repos.sittings.create({
      councilId: council.id,
      bodyId: plenary.id,
      termId: term.id,
      title: 'Редовно заседание',
      kind: 'ordinary',
      mode: 'hall',
      status: 'convened',
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      place: 'Заседателна зала',
    });
    for (const [position, title] of ['Откриване', 'Приемане на бюджета'].entries()) {
      await repos.sittings.addAgendaItem({
        councilId: council.id,
        sittingId: sitting.id,
        position,
        title,
      });
    }
    return {
      councilId: council.id,
      councilName,
      sittingId: sitting.id,
      password: PASSWORD,
      operatorEmail,
      councillorEmail,
      memberIds,
    };
  } finally {
    await database.close();
  }
}
