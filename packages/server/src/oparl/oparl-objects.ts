import type { Language } from '@veche/domain';
import type {
  OparlAgendaItemRow,
  OparlBodyRow,
  OparlCouncilRow,
  OparlDocumentRow,
  OparlMeetingRow,
  OparlMembershipRow,
  OparlPersonRow,
  OparlTermRow,
} from '../storage/repositories/oparl.repository.js';
import { sittingName } from '../sittings/sitting-name.js';

/*
 * Veche's public data as OParl 1.1 objects (https://oparl.org/spezifikation/, the schemas in
 * DESIGN.md's reference folder). Pure: rows in, JSON out; the rows are already only what the
 * public may see (oparl.repository.ts).
 *
 * How Veche maps onto OParl:
 * - a council is a Body; its bodies (plenary, committees) are Organizations; its terms of office
 *   LegislativeTerms; its persons with a seat Persons; the seats Memberships;
 * - a sitting that is not a draft is a Meeting, its place a Location (one per sitting, with the
 *   sitting's id), its agenda items AgendaItems;
 * - a Paper is a draft resolution as it stands on a sitting's agenda: each agenda item of kind
 *   `draft_resolution` is one Paper (with the item's id), its public documents the Paper's files
 *   (the first the main file), and its one Consultation (the item's id again) links the Paper to
 *   that Meeting's AgendaItem. Veche keeps no register of drafts apart from agendas yet, so a
 *   draft put on two sittings' agendas is two Papers;
 * - a public document is a File; `accessUrl` and `downloadUrl` are its public download route.
 */

export const OPARL_PATH = '/oparl/v1.1';
const SCHEMA = 'https://schema.oparl.org/1.1/';

export type OparlObject = Record<string, unknown> & { id: string; type: string };

/** The lists of a Body, by the path segment of their URLs. */
export const BODY_LISTS = [
  'organizations',
  'persons',
  'memberships',
  'meetings',
  'agenda-items',
  'papers',
  'consultations',
  'files',
  'locations',
  'legislative-terms',
] as const;
export type BodyList = (typeof BODY_LISTS)[number];

/** Every object's absolute URL, from the public origin. */
export function oparlUrls(origin: string) {
  const base = `${origin}${OPARL_PATH}`;
  return {
    system: `${base}/system`,
    bodies: `${base}/bodies`,
    body: (id: string) => `${base}/bodies/${id}`,
    bodyList: (id: string, list: BodyList) => `${base}/bodies/${id}/${list}`,
    organization: (id: string) => `${base}/organizations/${id}`,
    organizationMeetings: (id: string) => `${base}/organizations/${id}/meetings`,
    person: (id: string) => `${base}/persons/${id}`,
    membership: (id: string) => `${base}/memberships/${id}`,
    meeting: (id: string) => `${base}/meetings/${id}`,
    agendaItem: (id: string) => `${base}/agenda-items/${id}`,
    paper: (id: string) => `${base}/papers/${id}`,
    consultation: (id: string) => `${base}/consultations/${id}`,
    file: (id: string) => `${base}/files/${id}`,
    location: (id: string) => `${base}/locations/${id}`,
    legislativeTerm: (id: string) => `${base}/legislative-terms/${id}`,
    /** The existing public download route of a document. */
    download: (id: string) => `${origin}/api/documents/${id}`,
  };
}
export type OparlUrls = ReturnType<typeof oparlUrls>;

const typed = (type: string) => `${SCHEMA}${type}`;

const stamps = (created: Date, modified: Date) => ({
  created: created.toISOString(),
  modified: modified.toISOString(),
});

export function systemObject(urls: OparlUrls, created: Date, modified: Date): OparlObject {
  return {
    id: urls.system,
    type: typed('System'),
    oparlVersion: SCHEMA,
    name: 'Veche',
    body: urls.bodies,
    ...stamps(created, modified),
  };
}

export function bodyObject(
  urls: OparlUrls,
  council: OparlCouncilRow,
  terms: readonly OparlTermRow[],
): OparlObject {
  const list = (name: BodyList) => urls.bodyList(council.id, name);
  return {
    id: urls.body(council.id),
    type: typed('Body'),
    system: urls.system,
    name: council.name,
    organization: list('organizations'),
    person: list('persons'),
    meeting: list('meetings'),
    paper: list('papers'),
    agendaItem: list('agenda-items'),
    consultation: list('consultations'),
    file: list('files'),
    locationList: list('locations'),
    legislativeTermList: list('legislative-terms'),
    membership: list('memberships'),
    legislativeTerm: terms.map((term) => legislativeTermObject(urls, term)),
    ...stamps(council.createdAt, council.updatedAt),
  };
}

export function legislativeTermObject(urls: OparlUrls, term: OparlTermRow): OparlObject {
  return {
    id: urls.legislativeTerm(term.id),
    type: typed('LegislativeTerm'),
    body: urls.body(term.councilId),
    name: term.name,
    startDate: term.startsOn,
    ...(term.endsOn === null ? {} : { endDate: term.endsOn }),
    ...stamps(term.createdAt, term.updatedAt),
  };
}

export function organizationObject(
  urls: OparlUrls,
  body: OparlBodyRow,
  membershipIds: readonly string[],
): OparlObject {
  return {
    id: urls.organization(body.id),
    type: typed('Organization'),
    body: urls.body(body.councilId),
    name: body.name,
    // OParl's own word for a council's body (the spec lists German values).
    organizationType: 'Gremium',
    classification: body.kind,
    membership: membershipIds.map(urls.membership),
    meeting: urls.organizationMeetings(body.id),
    ...stamps(body.createdAt, body.updatedAt),
  };
}

export function membershipObject(urls: OparlUrls, seat: OparlMembershipRow): OparlObject {
  return {
    id: urls.membership(seat.id),
    type: typed('Membership'),
    person: urls.person(seat.personId),
    organization: urls.organization(seat.bodyId),
    role: seat.role,
    // Every member of a Veche body votes in it.
    votingRight: true,
    startDate: seat.startsOn,
    ...(seat.endsOn === null ? {} : { endDate: seat.endsOn }),
    ...stamps(seat.createdAt, seat.updatedAt),
  };
}

export function personObject(
  urls: OparlUrls,
  person: OparlPersonRow,
  seats: readonly OparlMembershipRow[],
): OparlObject {
  return {
    id: urls.person(person.id),
    type: typed('Person'),
    body: urls.body(person.councilId),
    name: `${person.givenName} ${person.familyName}`,
    givenName: person.givenName,
    familyName: person.familyName,
    membership: seats.map((seat) => membershipObject(urls, seat)),
    ...stamps(person.createdAt, person.updatedAt),
  };
}

export function locationObject(urls: OparlUrls, meeting: OparlMeetingRow): OparlObject {
  return {
    id: urls.location(meeting.id),
    type: typed('Location'),
    description: meeting.place ?? '',
    bodies: [urls.body(meeting.councilId)],
    organizations: [urls.organization(meeting.bodyId)],
    meetings: [urls.meeting(meeting.id)],
    ...stamps(meeting.createdAt, meeting.modifiedAt),
  };
}

export function fileObject(urls: OparlUrls, document: OparlDocumentRow): OparlObject {
  const isPaper = document.itemKind === 'draft_resolution' && document.agendaItemId !== null;
  return {
    id: urls.file(document.id),
    type: typed('File'),
    name: document.title,
    fileName: document.fileName,
    mimeType: document.mediaType,
    size: document.sizeBytes,
    // Not an OParl 1.1 field (it knows SHA-1 and SHA-512): Veche keeps files by their SHA-256.
    sha256Checksum: document.sha256,
    accessUrl: urls.download(document.id),
    downloadUrl: urls.download(document.id),
    meeting: [urls.meeting(document.sittingId)],
    ...(document.agendaItemId === null
      ? {}
      : { agendaItem: [urls.agendaItem(document.agendaItemId)] }),
    ...(isPaper ? { paper: [urls.paper(document.agendaItemId!)] } : {}),
    ...stamps(document.createdAt, document.updatedAt),
  };
}

/** An agenda item's number ("2.1") and its place in reading order, from its whole agenda. */
export interface AgendaPlace {
  readonly number: string;
  readonly order: number;
}

export function agendaItemObject(
  urls: OparlUrls,
  item: OparlAgendaItemRow,
  place: AgendaPlace | undefined,
  files: readonly OparlDocumentRow[],
): OparlObject {
  if (item.deleted) {
    return {
      id: urls.agendaItem(item.id),
      type: typed('AgendaItem'),
      meeting: urls.meeting(item.sittingId),
      // Required by the schema; a removed item keeps the place it had among its siblings.
      order: item.position,
      deleted: true,
      ...stamps(item.createdAt, item.modifiedAt),
    };
  }
  return {
    id: urls.agendaItem(item.id),
    type: typed('AgendaItem'),
    meeting: urls.meeting(item.sittingId),
    ...(place === undefined ? {} : { number: place.number }),
    order: place?.order ?? item.position,
    name: item.title ?? '',
    public: true,
    ...(item.kind === 'draft_resolution' ? { consultation: urls.consultation(item.id) } : {}),
    // Veche's words, as the resolutions register records the sitting's vote.
    ...(item.adopted === null ? {} : { result: item.adopted ? 'adopted' : 'rejected' }),
    ...(files.length === 0 ? {} : { auxiliaryFile: files.map((file) => fileObject(urls, file)) }),
    ...stamps(item.createdAt, item.modifiedAt),
  };
}

export function consultationObject(
  urls: OparlUrls,
  item: OparlAgendaItemRow,
  body: OparlBodyRow | undefined,
): OparlObject {
  if (item.deleted) {
    return {
      id: urls.consultation(item.id),
      type: typed('Consultation'),
      deleted: true,
      ...stamps(item.createdAt, item.modifiedAt),
    };
  }
  return {
    id: urls.consultation(item.id),
    type: typed('Consultation'),
    paper: urls.paper(item.id),
    agendaItem: urls.agendaItem(item.id),
    meeting: urls.meeting(item.sittingId),
    organization: [urls.organization(item.bodyId)],
    // The plenary decides a draft resolution; a committee only gives its opinion.
    authoritative: body?.kind === 'plenary',
    ...stamps(item.createdAt, item.modifiedAt),
  };
}

export function paperObject(
  urls: OparlUrls,
  item: OparlAgendaItemRow,
  body: OparlBodyRow | undefined,
  files: readonly OparlDocumentRow[],
): OparlObject {
  if (item.deleted) {
    return {
      id: urls.paper(item.id),
      type: typed('Paper'),
      body: urls.body(item.councilId),
      deleted: true,
      ...stamps(item.createdAt, item.modifiedAt),
    };
  }
  const [main, ...auxiliary] = files.map((file) => fileObject(urls, file));
  return {
    id: urls.paper(item.id),
    type: typed('Paper'),
    body: urls.body(item.councilId),
    name: item.title ?? '',
    paperType: item.kind,
    ...(main === undefined ? {} : { mainFile: main }),
    ...(auxiliary.length === 0 ? {} : { auxiliaryFile: auxiliary }),
    consultation: [consultationObject(urls, item, body)],
    ...stamps(item.createdAt, item.modifiedAt),
  };
}

export function meetingObject(
  urls: OparlUrls,
  meeting: OparlMeetingRow,
  items: readonly OparlObject[],
  files: readonly OparlDocumentRow[],
): OparlObject {
  return {
    id: urls.meeting(meeting.id),
    type: typed('Meeting'),
    name: sittingName(meeting.language as Language, meeting),
    // Veche's status words: convened, open, suspended, closed.
    meetingState: meeting.status,
    cancelled: false,
    // The planned start; the end once the sitting has closed.
    start: meeting.startsAt.toISOString(),
    ...(meeting.endedAt === null ? {} : { end: meeting.endedAt.toISOString() }),
    ...(meeting.place === null ? {} : { location: locationObject(urls, meeting) }),
    organization: [urls.organization(meeting.bodyId)],
    ...(files.length === 0 ? {} : { auxiliaryFile: files.map((file) => fileObject(urls, file)) }),
    agendaItem: items,
    ...stamps(meeting.createdAt, meeting.modifiedAt),
  };
}
