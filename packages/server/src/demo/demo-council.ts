import { readFile } from 'node:fs/promises';
import type { BlobStore } from '../storage/blob-store.js';
import type { Repositories } from '../storage/repositories.js';
import { hashPassword } from '../accounts/password.js';
import { instantOf, wallClockIn } from '../time/zoned-time.js';

/*
 * The demo council: a fictional Polish town council with 15 councillors, a chair, two
 * vice-chairs, a budget committee, an operator, an administrator and a convened sitting with a
 * six-item agenda. Created on first start on an empty embedded database (DEMO=auto), or on any
 * empty database with DEMO=on.
 */

export const DEMO_PASSWORD = 'veche-demo';
export const DEMO_COUNCIL_NAME = 'Rada Miejska w Wierzbowie';
const DOMAIN = 'wierzbow.example';
const TIME_ZONE = 'Europe/Warsaw';

const COUNCILLORS: ReadonlyArray<readonly [string, string]> = [
  ['Jan', 'Kowalski'],
  ['Anna', 'Nowak'],
  ['Katarzyna', 'Wiśniewska'],
  ['Piotr', 'Wójcik'],
  ['Małgorzata', 'Kowalczyk'],
  ['Tomasz', 'Kamiński'],
  ['Agnieszka', 'Lewandowska'],
  ['Krzysztof', 'Zieliński'],
  ['Barbara', 'Szymańska'],
  ['Andrzej', 'Woźniak'],
  ['Ewa', 'Dąbrowska'],
  ['Marek', 'Kozłowski'],
  ['Joanna', 'Jankowska'],
  ['Paweł', 'Mazur'],
  ['Zofia', 'Kwiatkowska'],
];

const AGENDA = [
  'Otwarcie sesji i stwierdzenie prawomocności obrad',
  'Przyjęcie porządku obrad',
  'Przyjęcie protokołu z XXIII sesji Rady Miejskiej',
  'Podjęcie uchwały w sprawie zmian w budżecie gminy na 2026 rok',
  'Podjęcie uchwały w sprawie miejscowego planu zagospodarowania przestrzennego „Osiedle nad Stawem”',
  'Interpelacje i zapytania radnych, wolne wnioski i zamknięcie sesji',
];

/** "Małgorzata Wiśniewska" -> "malgorzata.wisniewska@wierzbow.example" */
function demoEmail(given: string, family: string): string {
  const ascii = `${given}.${family}`
    .toLowerCase()
    .replaceAll('ł', 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return `${ascii}@${DOMAIN}`;
}

/** The demo councillors' names and e-mails, in seating order (the first is the chair). */
export const DEMO_COUNCILLORS: ReadonlyArray<{ readonly name: string; readonly email: string }> =
  COUNCILLORS.map(([given, family]) => ({
    name: `${given} ${family}`,
    email: demoEmail(given, family),
  }));

/** The installation's administrator: hosts councils, belongs to none. */
export const DEMO_PLATFORM_ADMIN_EMAIL = 'platforma@veche.example';

export interface DemoLogin {
  readonly role: string;
  readonly email: string;
}

/** The logins the start command prints. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { role: 'councillor', email: demoEmail('Anna', 'Nowak') },
  { role: 'chair', email: demoEmail('Jan', 'Kowalski') },
  { role: 'operator', email: `biuro.rady@${DOMAIN}` },
  { role: 'council administrator', email: `admin@${DOMAIN}` },
  { role: 'platform administrator', email: DEMO_PLATFORM_ADMIN_EMAIL },
];

/** Creates the demo council with all its people, bodies and the next sitting. */
/** The demo sitting's documents (rendered by scripts/demo-documents.mjs), by agenda position. */
const DOCUMENTS: ReadonlyArray<{
  readonly position: number;
  readonly file: string;
  readonly title: string;
  readonly isPublic: boolean;
}> = [
  {
    position: 3,
    file: 'projekt-uchwaly-budzet-2026.pdf',
    title: 'Projekt uchwały w sprawie zmian w budżecie gminy na 2026 rok',
    isPublic: true,
  },
  {
    position: 3,
    file: 'uzasadnienie-budzet-2026.pdf',
    title: 'Uzasadnienie do projektu uchwały',
    isPublic: true,
  },
  {
    position: 4,
    file: 'projekt-mpzp-osiedle-nad-stawem.pdf',
    title: 'Projekt uchwały w sprawie planu „Osiedle nad Stawem”',
    isPublic: false,
  },
];

const DEMO_ASSETS = new URL('../../demo-assets/', import.meta.url);

/**
 * The demo council. With a blob store, the sitting's draft resolutions get their documents too
 * (the storage tests seed without one).
 */
export async function createDemoCouncil(
  repos: Repositories,
  now: Date,
  blobs?: BlobStore,
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const council = await repos.councils.create({
    name: DEMO_COUNCIL_NAME,
    country: 'PL',
    languages: ['pl', 'en'],
    defaultLanguage: 'pl',
    timeZone: TIME_ZONE,
    quorumRule: 'at_least_half',
    majorityPreset: 'pl.simple',
    resolutionNumberPattern: '{sittingRoman}/{seq}/{year}',
    ballotChangeAllowed: true,
    speechRequestDeadlineDays: 3,
  });
  const plenary = await repos.bodies.create({
    councilId: council.id,
    name: DEMO_COUNCIL_NAME,
    kind: 'plenary',
    statutorySize: 15,
    quorumRule: 'at_least_half',
  });
  const committee = await repos.bodies.create({
    councilId: council.id,
    name: 'Komisja Budżetu i Finansów',
    kind: 'committee',
    statutorySize: 5,
    quorumRule: 'at_least_half',
  });
  const termStart = '2024-05-07';
  const term = await repos.terms.create({
    councilId: council.id,
    name: '2024–2029',
    startsOn: termStart,
  });

  for (const [index, [givenName, familyName]] of COUNCILLORS.entries()) {
    const email = demoEmail(givenName, familyName);
    const person = await repos.persons.create({
      councilId: council.id,
      givenName,
      familyName,
      email,
    });
    const role = index === 0 ? 'chair' : index <= 2 ? 'vice_chair' : 'member';
    await repos.persons.addMembership({
      councilId: council.id,
      personId: person.id,
      bodyId: plenary.id,
      termId: term.id,
      role,
      startsOn: termStart,
    });
    if (index >= 3 && index < 8) {
      await repos.persons.addMembership({
        councilId: council.id,
        personId: person.id,
        bodyId: committee.id,
        termId: term.id,
        role: index === 3 ? 'chair' : 'member',
        startsOn: termStart,
      });
    }
    const user = await repos.users.create({
      councilId: council.id,
      personId: person.id,
      email,
      passwordHash,
      displayName: `${givenName} ${familyName}`,
      language: 'pl',
    });
    await repos.users.grantRole(council.id, user.id, 'councillor');
    if (index === 0) await repos.users.grantRole(council.id, user.id, 'chair');
  }

  const staff = [
    { email: `biuro.rady@${DOMAIN}`, name: 'Magdalena Krawczyk', role: 'operator' as const },
    { email: `admin@${DOMAIN}`, name: 'Administrator Rady', role: 'council_admin' as const },
  ];
  for (const member of staff) {
    const user = await repos.users.create({
      councilId: council.id,
      email: member.email,
      passwordHash,
      displayName: member.name,
      language: 'pl',
    });
    await repos.users.grantRole(council.id, user.id, member.role);
  }

  await repos.users.create({
    councilId: null,
    email: DEMO_PLATFORM_ADMIN_EMAIL,
    passwordHash,
    displayName: 'Administrator Platformy',
    language: 'pl',
    isPlatformAdmin: true,
  });

  // The next sitting: a week from today at 10:00 in the council's time zone.
  const today = wallClockIn(now, TIME_ZONE);
  const inAWeek = new Date(Date.UTC(today.year, today.month - 1, today.day + 7));
  const startsAt = instantOf(
    {
      year: inAWeek.getUTCFullYear(),
      month: inAWeek.getUTCMonth() + 1,
      day: inAWeek.getUTCDate(),
      hour: 10,
      minute: 0,
    },
    TIME_ZONE,
  );
  const sitting = await repos.sittings.create({
    councilId: council.id,
    bodyId: plenary.id,
    termId: term.id,
    number: 24,
    title: 'Sesja zwyczajna',
    kind: 'ordinary',
    mode: 'hybrid',
    status: 'convened',
    startsAt,
    place: 'Sala obrad Urzędu Miejskiego, Rynek 1, Wierzbów',
  });
  for (const [position, title] of AGENDA.entries()) {
    await repos.sittings.addAgendaItem({
      councilId: council.id,
      sittingId: sitting.id,
      position,
      title,
      kind: position === 3 || position === 4 ? 'draft_resolution' : 'procedural',
    });
  }
  if (blobs === undefined) return;
  const items = await repos.sittings.agendaOf(council.id, [sitting.id]);
  const operator = await repos.users.findByEmail(`biuro.rady@${DOMAIN}`);
  for (const document of DOCUMENTS) {
    const content = await readFile(new URL(document.file, DEMO_ASSETS));
    const blob = await blobs.put(content);
    await repos.documents.create({
      councilId: council.id,
      sittingId: sitting.id,
      agendaItemId: items.find((item) => item.position === document.position)?.id ?? null,
      title: document.title,
      fileName: document.file,
      mediaType: 'application/pdf',
      sizeBytes: blob.sizeBytes,
      sha256: blob.sha256,
      isPublic: document.isPublic,
      createdByUserId: operator?.id ?? null,
    });
  }
}
