import { normalizeAgenda, numberAgenda } from '@veche/domain';
import { HttpError } from '../http/api-error.js';
import { agendaTree } from '../sittings/agenda-rows.js';
import type { Repositories } from '../storage/repositories.js';
import {
  OPARL_ONE,
  type OparlAgendaItemRow,
  type OparlAgendaRow,
  type OparlBodyRow,
  type OparlDocumentRow,
  type OparlMembershipRow,
  type OparlScope,
  type OparlWindow,
} from '../storage/repositories/oparl.repository.js';
import {
  agendaItemObject,
  bodyObject,
  consultationObject,
  fileObject,
  legislativeTermObject,
  locationObject,
  meetingObject,
  membershipObject,
  organizationObject,
  paperObject,
  personObject,
  systemObject,
  type AgendaPlace,
  type BodyList,
  type OparlObject,
  type OparlUrls,
} from './oparl-objects.js';

/** One page of objects and how many there are in all (with the same filters). */
export interface OparlObjects {
  readonly objects: OparlObject[];
  readonly total: number;
}

/** Loads one kind of object: a page of a scope, or (with `OPARL_ONE` and an id) one. */
type Loader = (scope: OparlScope, window: OparlWindow) => Promise<OparlObjects>;

/** Enough for every row a page's objects embed or link (a council's seats, its terms). */
const EVERYTHING: OparlWindow = { offset: 0, limit: 100_000 };

const byKey = <T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null) continue;
    groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return groups;
};

/** Each item's number and place in reading order, from the whole agendas of its sittings. */
function agendaPlaces(rows: readonly OparlAgendaRow[]): Map<string, AgendaPlace> {
  const places = new Map<string, AgendaPlace>();
  for (const agenda of byKey(rows, (row) => row.sittingId).values()) {
    numberAgenda(normalizeAgenda(agendaTree(agenda))).forEach((item, order) =>
      places.set(item.id, { number: item.number, order }),
    );
  }
  return places;
}

/** The OParl objects of Veche's public data, for one public origin. */
export function oparlService(repos: Repositories, urls: OparlUrls) {
  const data = repos.oparl;

  /** The public documents of these sittings, split by where they hang. */
  async function documentsOf(sittingIds: readonly string[]) {
    const documents = await data.publicDocumentsOf([...new Set(sittingIds)]);
    return {
      ofSitting: byKey(documents, (row) => (row.agendaItemId === null ? row.sittingId : null)),
      ofItem: byKey(documents, (row) => row.agendaItemId),
    };
  }

  async function bodiesOf(
    items: readonly OparlAgendaItemRow[],
  ): Promise<Map<string, OparlBodyRow>> {
    const rows = await data.bodiesById([...new Set(items.map((item) => item.bodyId))]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async function agendaItemObjects(items: readonly OparlAgendaItemRow[]): Promise<OparlObject[]> {
    const sittingIds = [...new Set(items.map((item) => item.sittingId))];
    const [agendas, documents] = await Promise.all([
      data.agendasOf(sittingIds),
      documentsOf(sittingIds),
    ]);
    const places = agendaPlaces(agendas);
    return items.map((item) =>
      agendaItemObject(urls, item, places.get(item.id), documents.ofItem.get(item.id) ?? []),
    );
  }

  const loaders: Record<BodyList, Loader> = {
    organizations: async (scope, window) => {
      const page = await data.bodies(scope, window);
      const councilIds = [...new Set(page.rows.map((row) => row.councilId))];
      const seats: OparlMembershipRow[] = [];
      for (const councilId of councilIds) {
        seats.push(...(await data.memberships({ councilId }, EVERYTHING)).rows);
      }
      const seatsOf = byKey(seats, (seat) => seat.bodyId);
      return {
        objects: page.rows.map((body) =>
          organizationObject(
            urls,
            body,
            (seatsOf.get(body.id) ?? []).map((seat) => seat.id),
          ),
        ),
        total: page.total,
      };
    },
    persons: async (scope, window) => {
      const page = await data.persons(scope, window);
      const seatsOf = byKey(
        await data.membershipsOf(page.rows.map((row) => row.id)),
        (seat) => seat.personId,
      );
      return {
        objects: page.rows.map((person) =>
          personObject(urls, person, seatsOf.get(person.id) ?? []),
        ),
        total: page.total,
      };
    },
    memberships: async (scope, window) => {
      const page = await data.memberships(scope, window);
      return { objects: page.rows.map((seat) => membershipObject(urls, seat)), total: page.total };
    },
    'legislative-terms': async (scope, window) => {
      const page = await data.terms(scope, window);
      return {
        objects: page.rows.map((term) => legislativeTermObject(urls, term)),
        total: page.total,
      };
    },
    meetings: async (scope, window) => {
      const page = await data.meetings(scope, window);
      const ids = page.rows.map((row) => row.id);
      const [agendas, documents] = await Promise.all([data.agendasOf(ids), documentsOf(ids)]);
      const places = agendaPlaces(agendas);
      const itemsOf = byKey(agendas, (row) => row.sittingId);
      return {
        objects: page.rows.map((meeting) => {
          const items = (itemsOf.get(meeting.id) ?? [])
            .map((item) =>
              agendaItemObject(
                urls,
                item,
                places.get(item.id),
                documents.ofItem.get(item.id) ?? [],
              ),
            )
            .sort((a, b) => (a.order as number) - (b.order as number));
          return meetingObject(urls, meeting, items, documents.ofSitting.get(meeting.id) ?? []);
        }),
        total: page.total,
      };
    },
    locations: async (scope, window) => {
      const page = await data.meetings({ ...scope, withPlace: true }, window);
      return {
        objects: page.rows.map((meeting) => locationObject(urls, meeting)),
        total: page.total,
      };
    },
    'agenda-items': async (scope, window) => {
      const page = await data.agendaItems(scope, window);
      return { objects: await agendaItemObjects(page.rows), total: page.total };
    },
    papers: async (scope, window) => {
      const page = await data.agendaItems(scope, window, 'draft_resolution');
      const [bodies, documents] = await Promise.all([
        bodiesOf(page.rows),
        documentsOf(page.rows.map((item) => item.sittingId)),
      ]);
      return {
        objects: page.rows.map((item) =>
          paperObject(urls, item, bodies.get(item.bodyId), documents.ofItem.get(item.id) ?? []),
        ),
        total: page.total,
      };
    },
    consultations: async (scope, window) => {
      const page = await data.agendaItems(scope, window, 'draft_resolution');
      const bodies = await bodiesOf(page.rows);
      return {
        objects: page.rows.map((item) => consultationObject(urls, item, bodies.get(item.bodyId))),
        total: page.total,
      };
    },
    files: async (scope, window) => {
      const page = await data.files(scope, window);
      return {
        objects: page.rows.map((document: OparlDocumentRow) => fileObject(urls, document)),
        total: page.total,
      };
    },
  };

  async function bodies(scope: OparlScope, window: OparlWindow): Promise<OparlObjects> {
    const page = await data.councils(scope, window);
    const objects: OparlObject[] = [];
    for (const council of page.rows) {
      const terms = await data.terms({ councilId: council.id }, EVERYTHING);
      objects.push(bodyObject(urls, council, terms.rows));
    }
    return { objects, total: page.total };
  }

  async function requireCouncil(councilId: string): Promise<void> {
    const found = await data.councils({ id: councilId }, OPARL_ONE);
    if (found.rows.length === 0) throw new HttpError(404, 'not_found', 'No such body');
  }

  return {
    async system(): Promise<OparlObject> {
      const span = await data.span();
      const epoch = new Date(0);
      return systemObject(urls, span.created ?? epoch, span.modified ?? span.created ?? epoch);
    },

    bodies: (window: OparlWindow) => bodies({}, window),

    async body(councilId: string): Promise<OparlObject> {
      const [body] = (await bodies({ id: councilId }, OPARL_ONE)).objects;
      if (body === undefined) throw new HttpError(404, 'not_found', 'No such body');
      return body;
    },

    /** One of a Body's lists; 404 for an unknown council. */
    async bodyList(councilId: string, list: BodyList, window: OparlWindow): Promise<OparlObjects> {
      await requireCouncil(councilId);
      return loaders[list]({ councilId }, window);
    },

    /** An Organization's meetings; 404 for an unknown body. */
    async organizationMeetings(bodyId: string, window: OparlWindow): Promise<OparlObjects> {
      const found = await data.bodies({ id: bodyId }, OPARL_ONE);
      if (found.rows.length === 0) throw new HttpError(404, 'not_found', 'No such organization');
      return loaders.meetings({ bodyId }, window);
    },

    /** One object by its id, deleted ones included; 404 for anything the public may not see. */
    async object(list: BodyList, id: string): Promise<OparlObject> {
      const [found] = (await loaders[list]({ id }, OPARL_ONE)).objects;
      if (found === undefined) throw new HttpError(404, 'not_found', 'No such object');
      return found;
    },
  };
}
