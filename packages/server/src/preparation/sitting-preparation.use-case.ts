import {
  agendaDifferences,
  agendaDraftProblems,
  normalizeAgenda,
  numberAgenda,
  holdsAnyRole,
  isPreparationOpen,
  isRenumberingAllowed,
  PREPARING_ROLES,
  toRoman,
  type AgendaDraftItem,
  type AgendaItemKind,
  type SittingStatus,
} from '@veche/domain';
import type {
  AgendaDraftItemInput,
  PreparationOptions,
  PreparedAgendaItem,
  SittingPreparation,
  SittingRecording,
  createSittingRequestSchema,
  sittingRecordingRequestSchema,
  saveAgendaRequestSchema,
  updateSittingRequestSchema,
} from '@veche/protocol';
import type { z } from 'zod';
import { HttpError } from '../http/api-error.js';
import { agendaChanges, type NoticeChange } from '../notices/notice-changes.js';
import { queueChanges, queueConvened, type NoticeContext } from '../notices/sitting-notices.js';
import { agendaTree } from '../sittings/agenda-rows.js';
import { buildSittingSetup } from '../sittings/sitting-setup.js';
import { inTransaction, type Repositories } from '../storage/repositories.js';
import type { AgendaItemRow, SittingRow } from '../storage/repositories/sittings.repository.js';
import { hasPgCode, UNIQUE_VIOLATION, type StorageContext } from '../storage/storage-context.js';
import { instantOf, localDateIn, wallClockIn } from '../time/zoned-time.js';
import { templateView } from './agenda-templates.use-case.js';

type CreateSitting = z.output<typeof createSittingRequestSchema>;
type UpdateSitting = z.output<typeof updateSittingRequestSchema>;
type SaveAgenda = z.output<typeof saveAgendaRequestSchema>;
type SittingRecordingRequest = z.output<typeof sittingRecordingRequestSchema>;

/**
 * The council, if the user prepares its sittings: a council where the user holds no role is "not
 * found" (nothing crosses councils); a role that does not prepare is "forbidden".
 */
export async function requirePreparer(
  repos: Repositories,
  userId: string,
  councilId: string,
): Promise<void> {
  const council = (await repos.users.councilsOf(userId)).find((c) => c.councilId === councilId);
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  if (!holdsAnyRole(council.roles, PREPARING_ROLES)) {
    throw new HttpError(403, 'forbidden', 'Only the council office prepares sittings');
  }
}

/** The sitting, if the user prepares sittings of its council; else "not found" or "forbidden". */
async function preparedSitting(
  repos: Repositories,
  userId: string,
  sittingId: string,
): Promise<SittingRow> {
  const sitting = await repos.sittings.locate(sittingId);
  if (sitting === undefined) throw new HttpError(404, 'not_found', 'No such sitting');
  await requirePreparer(repos, userId, sitting.councilId).catch((error: unknown) => {
    // A member who may not prepare must not learn of a draft: the same 404 as for a stranger.
    if (error instanceof HttpError && error.code === 'forbidden' && sitting.status === 'draft') {
      throw new HttpError(404, 'not_found', 'No such sitting');
    }
    throw error;
  });
  return sitting;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-12-01T10:00`: the wall clock in the council's time zone at `instant`. */
function localDateTime(instant: Date, timeZone: string): string {
  const time = wallClockIn(instant, timeZone);
  return `${localDateIn(instant, timeZone)}T${pad(time.hour)}:${pad(time.minute)}`;
}

/** The instant a form's start names: with an offset as given, without one on the council's clock. */
function startOf(input: string, timeZone: string): Date {
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(input);
  if (local === null) return new Date(input);
  const [year, month, day, hour, minute] = local.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return instantOf({ year, month, day, hour, minute }, timeZone);
}

/** Builds the editor's numbered tree from stored rows, with each item's document count. */
function agendaView(
  rows: readonly AgendaItemRow[],
  documentCounts: ReadonlyMap<string, number>,
): PreparedAgendaItem[] {
  const children = new Map<string | null, AgendaItemRow[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const build = (parentId: string | null, prefix: string): PreparedAgendaItem[] =>
    (children.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((row, index) => {
        const number = `${prefix}${String(index + 1)}`;
        return {
          id: row.id,
          number,
          title: row.title,
          kind: row.kind as AgendaItemKind,
          description: row.description,
          documentCount: documentCounts.get(row.id) ?? 0,
          children: build(row.id, `${number}.`),
        };
      });
  return build(null, '');
}

async function preparationView(
  repos: Repositories,
  sitting: SittingRow,
): Promise<SittingPreparation> {
  const [council, body, term, rows, documents] = await Promise.all([
    repos.councils.findById(sitting.councilId),
    repos.bodies.findById(sitting.councilId, sitting.bodyId),
    repos.terms.findById(sitting.councilId, sitting.termId),
    repos.sittings.agendaOf(sitting.councilId, [sitting.id]),
    repos.documents.listForSitting(sitting.councilId, sitting.id),
  ]);
  const counts = new Map<string, number>();
  for (const document of documents) {
    if (document.agendaItemId !== null)
      counts.set(document.agendaItemId, (counts.get(document.agendaItemId) ?? 0) + 1);
  }
  const status = sitting.status as SittingStatus;
  return {
    id: sitting.id,
    councilId: sitting.councilId,
    bodyId: sitting.bodyId,
    bodyName: body?.name ?? '',
    termId: sitting.termId,
    termName: term?.name ?? '',
    number: sitting.number,
    numberRoman: toRoman(sitting.number),
    title: sitting.title,
    kind: sitting.kind as SittingPreparation['kind'],
    mode: sitting.mode as SittingPreparation['mode'],
    status,
    startsAt: sitting.startsAt.toISOString(),
    startsAtLocal: localDateTime(sitting.startsAt, council?.timeZone ?? 'UTC'),
    timeZone: council?.timeZone ?? 'UTC',
    place: sitting.place,
    streamUrl: sitting.streamUrl,
    meetingUrl: sitting.meetingUrl,
    recordingUrl: sitting.recordingUrl,
    recordingStartedAt: sitting.recordingStartedAt?.toISOString() ?? null,
    version: sitting.version,
    editable: isPreparationOpen(status),
    renumberable: isRenumberingAllowed(status),
    agenda: agendaView(rows, counts),
  };
}

/** The refusal of a save based on an old version, carrying the version that is current. */
async function staleVersion(repos: Repositories, sittingId: string): Promise<HttpError> {
  const current = await repos.sittings.locate(sittingId);
  return new HttpError(
    409,
    'stale_version',
    'Someone else saved this sitting first; load the current version and make the change again',
    { field: 'version', facts: { current: current && (await preparationView(repos, current)) } },
  );
}

function requireOpenPreparation(sitting: SittingRow): void {
  if (!isPreparationOpen(sitting.status as SittingStatus)) {
    throw new HttpError(
      409,
      'preparation_closed',
      'The sitting has opened: its agenda now changes in the console, by the sitting log',
    );
  }
}

function requireFuture(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new HttpError(422, 'date_in_past', 'startsAt: the sitting must start in the future', {
      field: 'startsAt',
    });
  }
}

/** The stored agenda as numbered items, to compare two versions. */
function numbered(rows: readonly AgendaItemRow[]) {
  return numberAgenda(normalizeAgenda(agendaTree(rows))).map(({ id, number, title }) => ({
    id,
    number,
    title,
  }));
}

/** What members of a convened sitting are told when its details change. */
function detailChanges(before: SittingRow, after: SittingRow): NoticeChange[] {
  const changes: NoticeChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime()) {
    changes.push({ kind: 'start_changed', startsAt: after.startsAt.toISOString() });
  }
  if (before.place !== after.place) changes.push({ kind: 'place_changed', place: after.place });
  if (before.mode !== after.mode) {
    changes.push({ kind: 'mode_changed', mode: after.mode as SittingPreparation['mode'] });
  }
  return changes;
}

/** Rows for an agenda tree: the items' own ids, new ids for new items, parents and positions. */
function agendaRows(
  items: readonly AgendaDraftItemInput[],
  newId: () => string,
): {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  kind: string;
  description: string | null;
}[] {
  const rows: ReturnType<typeof agendaRows> = [];
  const walk = (level: readonly AgendaDraftItemInput[], parentId: string | null) => {
    level.forEach((item, position) => {
      const id = item.id ?? newId();
      rows.push({
        id,
        parentId,
        position,
        title: item.title,
        kind: item.kind,
        description: item.description ?? null,
      });
      walk(item.children ?? [], id);
    });
  };
  walk(items, null);
  return rows;
}

function requireValidAgenda(items: readonly AgendaDraftItem[]): void {
  const problems = agendaDraftProblems(items);
  if (problems.length === 0) return;
  const issues = problems.map((problem) => ({
    field: problem.field,
    code: problem.code,
    message: {
      too_deep: 'items may be nested at most three levels (1.1.1)',
      too_many: 'an agenda holds at most 300 items',
      duplicate_id: 'the same item appears twice',
      required: 'a title is required',
    }[problem.code],
  }));
  throw new HttpError(
    400,
    'validation_failed',
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    { field: issues[0]!.field, issues },
  );
}

/**
 * Once the log of a convened sitting has started (a chat message before the opening starts it),
 * its frozen setup must follow the prepared agenda and details until the sitting opens: nothing
 * in the log refers to the agenda before then, so the log replays the same way.
 */
async function refreshStartedLog(repos: Repositories, sitting: SittingRow): Promise<void> {
  if (sitting.logSetup === null) return;
  await repos.sittings.replaceLogSetup(
    sitting.councilId,
    sitting.id,
    await buildSittingSetup(repos, sitting),
  );
}

export async function preparationOptions(
  repos: Repositories,
  userId: string,
  councilId: string,
): Promise<PreparationOptions> {
  await requirePreparer(repos, userId, councilId);
  const [council, bodies, terms, templates] = await Promise.all([
    repos.councils.findById(councilId),
    repos.bodies.listForCouncil(councilId),
    repos.terms.listForCouncil(councilId),
    repos.agendaTemplates.listForCouncil(councilId),
  ]);
  return {
    councilId,
    councilName: council?.name ?? '',
    timeZone: council?.timeZone ?? 'UTC',
    bodies: bodies.map((body) => ({ id: body.id, name: body.name, kind: body.kind })),
    terms: terms.map((term) => ({
      id: term.id,
      name: term.name,
      startsOn: term.startsOn,
      endsOn: term.endsOn,
    })),
    templates: templates.map(templateView),
  };
}

/**
 * Creates a draft sitting of a body, numbered next in its term (the term in force on the
 * sitting's date unless one is named), its agenda copied from a template if one is given.
 */
export async function createSitting(
  storage: StorageContext,
  repos: Repositories,
  userId: string,
  councilId: string,
  input: CreateSitting,
): Promise<SittingPreparation> {
  await requirePreparer(repos, userId, councilId);
  const council = await repos.councils.findById(councilId);
  if (council === undefined) throw new HttpError(404, 'not_found', 'No such council');
  const startsAt = startOf(input.startsAt, council.timeZone);
  requireFuture(startsAt, storage.clock());
  const body = await repos.bodies.findById(councilId, input.bodyId);
  if (body === undefined) {
    throw new HttpError(422, 'unknown_reference', 'bodyId: no such body in this council', {
      field: 'bodyId',
    });
  }
  const day = localDateIn(startsAt, council.timeZone);
  const term =
    input.termId === undefined
      ? await repos.terms.current(councilId, day)
      : await repos.terms.findById(councilId, input.termId);
  if (term === undefined) {
    throw input.termId === undefined
      ? new HttpError(422, 'no_term', 'startsAt: no term of office covers this date', {
          field: 'startsAt',
        })
      : new HttpError(422, 'unknown_reference', 'termId: no such term in this council', {
          field: 'termId',
        });
  }
  if (day < term.startsOn || (term.endsOn !== null && day > term.endsOn)) {
    throw new HttpError(422, 'outside_term', 'startsAt: the date is outside the term of office', {
      field: 'startsAt',
    });
  }
  const template =
    input.templateId === undefined
      ? undefined
      : await repos.agendaTemplates.findById(councilId, input.templateId);
  if (input.templateId !== undefined && template === undefined) {
    throw new HttpError(422, 'unknown_reference', 'templateId: no such agenda template', {
      field: 'templateId',
    });
  }
  const sitting = await inTransaction(storage, async (tx) => {
    const created = await tx.sittings.create({
      councilId,
      bodyId: body.id,
      termId: term.id,
      title: input.title,
      kind: input.kind,
      mode: input.mode,
      status: 'draft',
      startsAt,
      place: input.place ?? null,
      streamUrl: input.streamUrl ?? null,
      meetingUrl: input.meetingUrl ?? null,
    });
    if (template !== undefined) {
      const items = template.items as AgendaDraftItemInput[];
      await tx.sittings.replaceAgenda(councilId, created.id, agendaRows(items, storage.newId));
    }
    return created;
  });
  return preparationView(repos, sitting);
}

export async function sittingPreparation(
  repos: Repositories,
  userId: string,
  sittingId: string,
): Promise<SittingPreparation> {
  return preparationView(repos, await preparedSitting(repos, userId, sittingId));
}

/**
 * Sets where the sitting's recording is published and the instant it starts (the chapters'
 * time zero), or removes both; at any stage of the sitting, since a recording is published
 * after it. Not versioned: the recording is no part of what members are told about.
 */
export async function setSittingRecording(
  repos: Repositories,
  userId: string,
  sittingId: string,
  input: SittingRecordingRequest,
): Promise<SittingRecording> {
  const sitting = await preparedSitting(repos, userId, sittingId);
  const saved = await repos.sittings.setRecording(sitting.councilId, sitting.id, {
    recordingUrl: input.recordingUrl,
    recordingStartedAt:
      input.recordingStartedAt === null ? null : new Date(input.recordingStartedAt),
  });
  if (saved === undefined) throw new HttpError(404, 'not_found', 'No such sitting');
  return {
    sittingId: saved.id,
    recordingUrl: saved.recordingUrl,
    recordingStartedAt: saved.recordingStartedAt?.toISOString() ?? null,
  };
}

/** Saves the details of a sitting not yet open; the number only while it is a draft. */
export async function updateSittingDetails(
  storage: StorageContext,
  repos: Repositories,
  userId: string,
  sittingId: string,
  input: UpdateSitting,
  notice: NoticeContext,
): Promise<SittingPreparation> {
  const sitting = await preparedSitting(repos, userId, sittingId);
  requireOpenPreparation(sitting);
  if (input.version !== sitting.version) throw await staleVersion(repos, sittingId);
  const council = await repos.councils.findById(sitting.councilId);
  const startsAt = startOf(input.startsAt, council?.timeZone ?? 'UTC');
  if (startsAt.getTime() !== sitting.startsAt.getTime()) requireFuture(startsAt, storage.clock());
  const renumbered = input.number !== undefined && input.number !== sitting.number;
  if (renumbered && !isRenumberingAllowed(sitting.status as SittingStatus)) {
    throw new HttpError(409, 'renumbering_closed', 'number: a convened sitting keeps its number', {
      field: 'number',
    });
  }
  try {
    const saved = await inTransaction(storage, async (tx) => {
      const row = await tx.sittings.takeVersion(sitting.councilId, sitting.id, input.version, {
        title: input.title,
        kind: input.kind,
        mode: input.mode,
        startsAt,
        place: input.place ?? null,
        streamUrl: input.streamUrl ?? null,
        meetingUrl: input.meetingUrl ?? null,
        ...(renumbered ? { number: input.number } : {}),
      });
      if (row !== null) {
        await refreshStartedLog(tx, row);
        await queueChanges(tx, row, detailChanges(sitting, row), notice, storage.clock());
      }
      return row;
    });
    if (saved === null) throw await staleVersion(repos, sittingId);
    return await sittingPreparation(repos, userId, sittingId);
  } catch (error) {
    if (hasPgCode(error, UNIQUE_VIOLATION)) {
      throw new HttpError(409, 'number_taken', 'number: another sitting of the term has it', {
        field: 'number',
      });
    }
    throw error;
  }
}

/**
 * Stores the agenda as edited, whole: items keep their ids (and so their documents), new items
 * get ids, missing items are removed. An item that holds documents is not removed silently: the
 * documents go first. Refused when someone saved first.
 */
export async function saveAgenda(
  storage: StorageContext,
  repos: Repositories,
  userId: string,
  sittingId: string,
  input: SaveAgenda,
  notice: NoticeContext,
): Promise<SittingPreparation> {
  const sitting = await preparedSitting(repos, userId, sittingId);
  requireOpenPreparation(sitting);
  if (input.version !== sitting.version) throw await staleVersion(repos, sittingId);
  requireValidAgenda(input.items);
  const current = await repos.sittings.agendaOf(sitting.councilId, [sitting.id]);
  const known = new Set(current.map((row) => row.id));
  const unknown = flatten(input.items).findIndex(
    (item) => item.id !== undefined && !known.has(item.id),
  );
  if (unknown >= 0) {
    throw new HttpError(422, 'unknown_item', 'items: an item is not on this agenda', {
      field: pathOf(input.items, unknown),
    });
  }
  const rows = agendaRows(input.items, storage.newId);
  const kept = new Set(rows.map((row) => row.id));
  const documents = await repos.documents.listForSitting(sitting.councilId, sitting.id);
  const orphaned = current.filter(
    (row) => !kept.has(row.id) && documents.some((document) => document.agendaItemId === row.id),
  );
  if (orphaned.length > 0) {
    throw new HttpError(
      409,
      'item_has_documents',
      `items: remove the documents of "${orphaned[0]!.title}" before removing the item`,
      { field: 'items', facts: { titles: orphaned.map((row) => row.title) } },
    );
  }
  const saved = await inTransaction(storage, async (tx) => {
    const row = await tx.sittings.takeVersion(sitting.councilId, sitting.id, input.version);
    if (row === null) return null;
    await tx.sittings.replaceAgenda(sitting.councilId, sitting.id, rows);
    await refreshStartedLog(tx, row);
    const after = await tx.sittings.agendaOf(sitting.councilId, [sitting.id]);
    const changes = agendaChanges(agendaDifferences(numbered(current), numbered(after)));
    await queueChanges(tx, row, changes, notice, storage.clock());
    return row;
  });
  if (saved === null) throw await staleVersion(repos, sittingId);
  return sittingPreparation(repos, userId, sittingId);
}

function flatten(items: readonly AgendaDraftItemInput[]): AgendaDraftItemInput[] {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

/** The field path (`items.1.children.0.id`) of the `index`-th item in reading order. */
function pathOf(items: readonly AgendaDraftItemInput[], index: number): string {
  let seen = 0;
  const find = (level: readonly AgendaDraftItemInput[], path: string): string | null => {
    for (const [position, item] of level.entries()) {
      const at = `${path}.${String(position)}`;
      if (seen++ === index) return `${at}.id`;
      const below = find(item.children ?? [], `${at}.children`);
      if (below !== null) return below;
    }
    return null;
  };
  return find(items, 'items') ?? 'items';
}

/**
 * Convenes a draft: it becomes public and members see it. It needs an agenda and a start in the
 * future.
 */
export async function conveneSitting(
  storage: StorageContext,
  repos: Repositories,
  userId: string,
  sittingId: string,
  version: number,
  notice: NoticeContext,
): Promise<SittingPreparation> {
  const sitting = await preparedSitting(repos, userId, sittingId);
  if (sitting.status !== 'draft') {
    throw new HttpError(409, 'already_convened', 'The sitting has been convened already');
  }
  if (version !== sitting.version) throw await staleVersion(repos, sittingId);
  requireFuture(sitting.startsAt, storage.clock());
  const agenda = await repos.sittings.agendaOf(sitting.councilId, [sitting.id]);
  if (agenda.length === 0) {
    throw new HttpError(422, 'agenda_empty', 'items: a sitting is convened with an agenda', {
      field: 'items',
    });
  }
  const row = await inTransaction(storage, async (tx) => {
    const convened = await tx.sittings.takeVersion(sitting.councilId, sitting.id, version, {
      status: 'convened',
    });
    if (convened !== null) await queueConvened(tx, convened, notice, storage.clock());
    return convened;
  });
  if (row === null) throw await staleVersion(repos, sittingId);
  return sittingPreparation(repos, userId, sittingId);
}
