import { and, asc, count, eq, exists, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  agendaItemTombstones,
  agendaItems,
  bodies,
  councils,
  documents,
  memberships,
  persons,
  resolutions,
  sittingEvents,
  sittings,
  terms,
} from '../schema.js';
import type { StorageContext } from '../storage-context.js';

/**
 * Read-only queries behind the OParl API (`src/oparl/`): only what the public may know. No
 * draft sitting and nothing of one, no private document, no e-mail address, and only persons
 * who hold a seat in a body (the council's staff without one are not public figures).
 */

/** OParl's list filters (on `created` and `modified`) and one page of the list. */
export interface OparlWindow {
  readonly createdSince?: Date;
  readonly createdUntil?: Date;
  readonly modifiedSince?: Date;
  readonly modifiedUntil?: Date;
  readonly offset: number;
  readonly limit: number;
}

/** Which rows: a council's (an OParl body's), one body's, or the one with this id. */
export interface OparlScope {
  readonly councilId?: string;
  readonly bodyId?: string;
  readonly id?: string;
}

export interface OparlPage<T> {
  readonly rows: T[];
  readonly total: number;
}

/** The window of a single object's lookup (by id). */
export const OPARL_ONE: OparlWindow = { offset: 0, limit: 1 };

type Timestamp = AnyPgColumn | SQL;

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The filters as SQL over the row's creation and modification times. */
function within(created: Timestamp, modified: Timestamp, window: OparlWindow): SQL | undefined {
  return and(
    window.createdSince && sql`${created} >= ${at(window.createdSince)}`,
    window.createdUntil && sql`${created} <= ${at(window.createdUntil)}`,
    window.modifiedSince && sql`${modified} >= ${at(window.modifiedSince)}`,
    window.modifiedUntil && sql`${modified} <= ${at(window.modifiedUntil)}`,
  );
}

const publicSitting = ne(sittings.status, 'draft');

/** A sitting changes for the public when it does, or when a public document is added to it. */
const meetingModified =
  sql<Date>`greatest(${sittings.updatedAt}, (select max(${documents.updatedAt})
  from ${documents} where ${documents.sittingId} = ${sittings.id} and ${documents.isPublic}))`.mapWith(
    sittings.updatedAt,
  );

/** When a closed sitting closed: the time of its log's closing event. */
const meetingEnd = sql<Date | null>`(select max(${sittingEvents.at}) from ${sittingEvents}
  where ${sittingEvents.sittingId} = ${sittings.id} and ${sittingEvents.type} = 'sitting.closed')`.mapWith(
  sittingEvents.at,
);

/** An item changes for the public when it does, or a public document or its resolution is added. */
const itemModified =
  sql<Date>`greatest(${agendaItems.updatedAt}, (select max(${documents.updatedAt})
  from ${documents} where ${documents.agendaItemId} = ${agendaItems.id} and ${documents.isPublic}),
  (select max(${resolutions.updatedAt}) from ${resolutions}
  where ${resolutions.agendaItemId} = ${agendaItems.id}))`.mapWith(agendaItems.updatedAt);

/** What the council resolved on the item, once its sitting has closed. */
const itemResult = sql<boolean | null>`(select ${resolutions.adopted} from ${resolutions}
  where ${resolutions.agendaItemId} = ${agendaItems.id} limit 1)`;

export type OparlCouncilRow = typeof councils.$inferSelect;
export type OparlBodyRow = typeof bodies.$inferSelect;
export type OparlTermRow = typeof terms.$inferSelect;
export type OparlMembershipRow = typeof memberships.$inferSelect;

export interface OparlPersonRow {
  id: string;
  councilId: string;
  givenName: string;
  familyName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface OparlMeetingRow {
  id: string;
  councilId: string;
  bodyId: string;
  bodyName: string;
  language: string;
  number: number;
  title: string;
  status: string;
  startsAt: Date;
  /** When it closed (from its log); null until then. */
  endedAt: Date | null;
  place: string | null;
  createdAt: Date;
  modifiedAt: Date;
}

/** An agenda item of a public sitting, or what is left of a removed one (`deleted`). */
export interface OparlAgendaItemRow {
  id: string;
  councilId: string;
  sittingId: string;
  bodyId: string;
  kind: string;
  position: number;
  title: string | null;
  createdAt: Date;
  modifiedAt: Date;
  deleted: boolean;
  /** Adopted (true) or rejected (false) by the sitting's vote; null when not resolved. */
  adopted: boolean | null;
}

export interface OparlDocumentRow {
  id: string;
  councilId: string;
  sittingId: string;
  agendaItemId: string | null;
  /** The kind of the document's agenda item (a `draft_resolution`'s files are a Paper's). */
  itemKind: string | null;
  title: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An item of a public sitting's agenda, with its parent (to number it). */
export interface OparlAgendaRow extends OparlAgendaItemRow {
  parentId: string | null;
  title: string;
}

export function oparlRepository({ db }: StorageContext) {
  /** Runs a list query's page and its count with the same conditions. */
  async function paged<T>(
    rows: (offset: number, limit: number) => Promise<T[]>,
    total: () => Promise<{ value: number }[]>,
    window: OparlWindow,
  ): Promise<OparlPage<T>> {
    const [page, [counted]] = await Promise.all([rows(window.offset, window.limit), total()]);
    return { rows: page, total: counted?.value ?? 0 };
  }

  const agendaItemsOf = (scope: OparlScope, window: OparlWindow, kind?: string) => {
    const live = db
      .select({
        id: agendaItems.id,
        councilId: agendaItems.councilId,
        sittingId: agendaItems.sittingId,
        bodyId: sittings.bodyId,
        kind: agendaItems.kind,
        position: agendaItems.position,
        title: sql<string | null>`${agendaItems.title}`.as('title'),
        createdAt: agendaItems.createdAt,
        modifiedAt: itemModified.as('modified_at'),
        deleted: sql<boolean>`false`.as('deleted'),
        adopted: itemResult.as('adopted'),
      })
      .from(agendaItems)
      .innerJoin(sittings, eq(sittings.id, agendaItems.sittingId))
      .where(
        and(
          publicSitting,
          scope.councilId === undefined ? undefined : eq(agendaItems.councilId, scope.councilId),
          scope.id === undefined ? undefined : eq(agendaItems.id, scope.id),
          kind === undefined ? undefined : eq(agendaItems.kind, kind),
          within(agendaItems.createdAt, itemModified, window),
        ),
      );
    const gone = db
      .select({
        id: agendaItemTombstones.id,
        councilId: agendaItemTombstones.councilId,
        sittingId: agendaItemTombstones.sittingId,
        bodyId: sittings.bodyId,
        kind: agendaItemTombstones.kind,
        position: agendaItemTombstones.position,
        title: sql<string | null>`null`.as('title'),
        createdAt: agendaItemTombstones.createdAt,
        modifiedAt: sql<Date>`${agendaItemTombstones.deletedAt}`
          .mapWith(agendaItemTombstones.deletedAt)
          .as('modified_at'),
        deleted: sql<boolean>`true`.as('deleted'),
        adopted: sql<boolean | null>`null::boolean`.as('adopted'),
      })
      .from(agendaItemTombstones)
      .innerJoin(sittings, eq(sittings.id, agendaItemTombstones.sittingId))
      .where(
        and(
          publicSitting,
          scope.councilId === undefined
            ? undefined
            : eq(agendaItemTombstones.councilId, scope.councilId),
          scope.id === undefined ? undefined : eq(agendaItemTombstones.id, scope.id),
          kind === undefined ? undefined : eq(agendaItemTombstones.kind, kind),
          within(agendaItemTombstones.createdAt, agendaItemTombstones.deletedAt, window),
        ),
      );
    return unionAll(live, gone);
  };

  return {
    /** Councils: each is an OParl Body. */
    async councils(scope: OparlScope, window: OparlWindow): Promise<OparlPage<OparlCouncilRow>> {
      const where = and(
        scope.id === undefined ? undefined : eq(councils.id, scope.id),
        within(councils.createdAt, councils.updatedAt, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select()
            .from(councils)
            .where(where)
            .orderBy(asc(councils.createdAt), asc(councils.id))
            .offset(offset)
            .limit(limit),
        () => db.select({ value: count() }).from(councils).where(where),
        window,
      );
    },

    /** Bodies (plenary, committees): each is an OParl Organization. */
    async bodies(scope: OparlScope, window: OparlWindow): Promise<OparlPage<OparlBodyRow>> {
      const where = and(
        scope.councilId === undefined ? undefined : eq(bodies.councilId, scope.councilId),
        scope.id === undefined ? undefined : eq(bodies.id, scope.id),
        within(bodies.createdAt, bodies.updatedAt, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select()
            .from(bodies)
            .where(where)
            .orderBy(asc(bodies.createdAt), asc(bodies.id))
            .offset(offset)
            .limit(limit),
        () => db.select({ value: count() }).from(bodies).where(where),
        window,
      );
    },

    /** Terms of office: OParl LegislativeTerms. */
    async terms(scope: OparlScope, window: OparlWindow): Promise<OparlPage<OparlTermRow>> {
      const where = and(
        scope.councilId === undefined ? undefined : eq(terms.councilId, scope.councilId),
        scope.id === undefined ? undefined : eq(terms.id, scope.id),
        within(terms.createdAt, terms.updatedAt, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select()
            .from(terms)
            .where(where)
            .orderBy(asc(terms.startsOn), asc(terms.id))
            .offset(offset)
            .limit(limit),
        () => db.select({ value: count() }).from(terms).where(where),
        window,
      );
    },

    /** Persons who hold (or held) a seat in a body, without their e-mail addresses. */
    async persons(scope: OparlScope, window: OparlWindow): Promise<OparlPage<OparlPersonRow>> {
      const where = and(
        scope.councilId === undefined ? undefined : eq(persons.councilId, scope.councilId),
        scope.id === undefined ? undefined : eq(persons.id, scope.id),
        exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(eq(memberships.personId, persons.id)),
        ),
        within(persons.createdAt, persons.updatedAt, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select({
              id: persons.id,
              councilId: persons.councilId,
              givenName: persons.givenName,
              familyName: persons.familyName,
              createdAt: persons.createdAt,
              updatedAt: persons.updatedAt,
            })
            .from(persons)
            .where(where)
            .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id))
            .offset(offset)
            .limit(limit),
        () => db.select({ value: count() }).from(persons).where(where),
        window,
      );
    },

    /** Seats: OParl Memberships (a council's, a body's, or one). */
    async memberships(
      scope: OparlScope,
      window: OparlWindow,
    ): Promise<OparlPage<OparlMembershipRow>> {
      const where = and(
        scope.councilId === undefined ? undefined : eq(memberships.councilId, scope.councilId),
        scope.bodyId === undefined ? undefined : eq(memberships.bodyId, scope.bodyId),
        scope.id === undefined ? undefined : eq(memberships.id, scope.id),
        within(memberships.createdAt, memberships.updatedAt, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select()
            .from(memberships)
            .where(where)
            .orderBy(asc(memberships.createdAt), asc(memberships.id))
            .offset(offset)
            .limit(limit),
        () => db.select({ value: count() }).from(memberships).where(where),
        window,
      );
    },

    /** Sittings that are not drafts: OParl Meetings, by start. */
    async meetings(
      scope: OparlScope & { withPlace?: boolean },
      window: OparlWindow,
    ): Promise<OparlPage<OparlMeetingRow>> {
      const where = and(
        publicSitting,
        scope.councilId === undefined ? undefined : eq(sittings.councilId, scope.councilId),
        scope.bodyId === undefined ? undefined : eq(sittings.bodyId, scope.bodyId),
        scope.id === undefined ? undefined : eq(sittings.id, scope.id),
        scope.withPlace === true ? isNotNull(sittings.place) : undefined,
        within(sittings.createdAt, meetingModified, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select({
              id: sittings.id,
              councilId: sittings.councilId,
              bodyId: sittings.bodyId,
              bodyName: bodies.name,
              language: councils.defaultLanguage,
              number: sittings.number,
              title: sittings.title,
              status: sittings.status,
              startsAt: sittings.startsAt,
              endedAt: meetingEnd,
              place: sittings.place,
              createdAt: sittings.createdAt,
              modifiedAt: meetingModified,
            })
            .from(sittings)
            .innerJoin(bodies, eq(bodies.id, sittings.bodyId))
            .innerJoin(councils, eq(councils.id, sittings.councilId))
            .where(where)
            .orderBy(asc(sittings.startsAt), asc(sittings.id))
            .offset(offset)
            .limit(limit),
        () => db.select({ value: count() }).from(sittings).where(where),
        window,
      );
    },

    /**
     * Agenda items of public sittings with the removed ones as deleted; `kind` narrows them
     * (`draft_resolution`: the OParl Papers and their Consultations).
     */
    async agendaItems(
      scope: OparlScope,
      window: OparlWindow,
      kind?: string,
    ): Promise<OparlPage<OparlAgendaItemRow>> {
      const union = () => agendaItemsOf(scope, window, kind).as('items');
      return paged(
        async (offset, limit) => {
          const items = union();
          return db
            .select()
            .from(items)
            .orderBy(asc(items.createdAt), asc(items.id))
            .offset(offset)
            .limit(limit);
        },
        () => db.select({ value: count() }).from(union()),
        window,
      );
    },

    /** Public documents of public sittings: OParl Files. */
    async files(scope: OparlScope, window: OparlWindow): Promise<OparlPage<OparlDocumentRow>> {
      const where = and(
        publicSitting,
        eq(documents.isPublic, true),
        scope.councilId === undefined ? undefined : eq(documents.councilId, scope.councilId),
        scope.id === undefined ? undefined : eq(documents.id, scope.id),
        within(documents.createdAt, documents.updatedAt, window),
      );
      return paged(
        (offset, limit) =>
          db
            .select(documentColumns)
            .from(documents)
            .innerJoin(sittings, eq(sittings.id, documents.sittingId))
            .leftJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
            .where(where)
            .orderBy(asc(documents.createdAt), asc(documents.id))
            .offset(offset)
            .limit(limit),
        () =>
          db
            .select({ value: count() })
            .from(documents)
            .innerJoin(sittings, eq(sittings.id, documents.sittingId))
            .where(where),
        window,
      );
    },

    /** The public documents of these sittings (for the meetings, items and papers shown). */
    async publicDocumentsOf(sittingIds: readonly string[]): Promise<OparlDocumentRow[]> {
      if (sittingIds.length === 0) return [];
      return db
        .select(documentColumns)
        .from(documents)
        .innerJoin(sittings, eq(sittings.id, documents.sittingId))
        .leftJoin(agendaItems, eq(agendaItems.id, documents.agendaItemId))
        .where(
          and(
            publicSitting,
            eq(documents.isPublic, true),
            inArray(documents.sittingId, [...sittingIds]),
          ),
        )
        .orderBy(asc(documents.createdAt), asc(documents.id));
    },

    /** The whole agendas of these sittings, to number their items and embed them. */
    async agendasOf(sittingIds: readonly string[]): Promise<OparlAgendaRow[]> {
      if (sittingIds.length === 0) return [];
      return db
        .select({
          id: agendaItems.id,
          councilId: agendaItems.councilId,
          sittingId: agendaItems.sittingId,
          bodyId: sittings.bodyId,
          parentId: agendaItems.parentId,
          kind: agendaItems.kind,
          position: agendaItems.position,
          title: agendaItems.title,
          createdAt: agendaItems.createdAt,
          modifiedAt: itemModified,
          deleted: sql<boolean>`false`,
          adopted: itemResult,
        })
        .from(agendaItems)
        .innerJoin(sittings, eq(sittings.id, agendaItems.sittingId))
        .where(and(publicSitting, inArray(agendaItems.sittingId, [...sittingIds])))
        .orderBy(asc(agendaItems.sittingId), asc(agendaItems.position));
    },

    /** When the first council was created and when anything of any council last changed. */
    async span(): Promise<{ created: Date | null; modified: Date | null }> {
      const [row] = await db
        .select({
          created: sql<Date | null>`min(${councils.createdAt})`.mapWith(councils.createdAt),
          modified: sql<Date | null>`max(${councils.updatedAt})`.mapWith(councils.updatedAt),
        })
        .from(councils);
      return { created: row?.created ?? null, modified: row?.modified ?? null };
    },

    /** The seats of these persons, embedded in each Person. */
    async membershipsOf(personIds: readonly string[]): Promise<OparlMembershipRow[]> {
      if (personIds.length === 0) return [];
      return db
        .select()
        .from(memberships)
        .where(inArray(memberships.personId, [...personIds]))
        .orderBy(asc(memberships.startsOn), asc(memberships.id));
    },

    /** The kind of each body, by id (committees' consultations are not authoritative). */
    async bodiesById(ids: readonly string[]): Promise<OparlBodyRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(bodies)
        .where(inArray(bodies.id, [...ids]));
    },
  };
}

const documentColumns = {
  id: documents.id,
  councilId: documents.councilId,
  sittingId: documents.sittingId,
  agendaItemId: documents.agendaItemId,
  itemKind: agendaItems.kind,
  title: documents.title,
  fileName: documents.fileName,
  mediaType: documents.mediaType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};
