import {
  AGENDA_ITEM_KINDS,
  SITTING_KINDS,
  SITTING_MODES,
  SITTING_STATUSES,
  type AgendaItemKind,
} from '@veche/domain';
import { z } from 'zod';

/*
 * Preparing a sitting before it opens (issue 5): creating it, its details, its agenda as a tree,
 * agenda templates, convening. Every save carries the version it was based on; a save based on
 * an older version is refused with `stale_version` and the current version in `facts.current`.
 */

const title = z.string().trim().min(1).max(500);
const description = z.string().trim().max(20_000).nullable().optional();
const place = z.string().trim().max(300).nullable().optional();
const webAddress = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
  .max(2000)
  .nullable()
  .optional();
/**
 * When a sitting starts: an instant with its offset (`2026-12-01T09:00:00Z`), or a wall-clock time
 * without one (`2026-12-01T10:00`), which is read on the council's clock, as a form gives it.
 */
const instant = z.iso.datetime({ offset: true, local: true });

/** One item of an agenda as the editor sends it; an item without an id is new. */
export interface AgendaDraftItemInput {
  id?: string | undefined;
  title: string;
  kind: AgendaItemKind;
  description?: string | null | undefined;
  children?: AgendaDraftItemInput[] | undefined;
}

export const agendaDraftItemSchema: z.ZodType<AgendaDraftItemInput> = z.lazy(() =>
  z
    .object({
      id: z.uuid().optional(),
      title,
      kind: z.enum(AGENDA_ITEM_KINDS),
      description,
      children: z.array(agendaDraftItemSchema).max(300).optional(),
    })
    .meta({ title: 'AgendaDraftItem' }),
);

/** One stored item, numbered as shown ("2.1"). */
export interface PreparedAgendaItem {
  id: string;
  number: string;
  title: string;
  kind: AgendaItemKind;
  description: string | null;
  /** Documents attached to this item (they keep it from being removed). */
  documentCount: number;
  children: PreparedAgendaItem[];
}

export const preparedAgendaItemSchema: z.ZodType<PreparedAgendaItem> = z.lazy(() =>
  z
    .object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      kind: z.enum(AGENDA_ITEM_KINDS),
      description: z.string().nullable(),
      documentCount: z.number().int().nonnegative(),
      children: z.array(preparedAgendaItemSchema),
    })
    .meta({ title: 'PreparedAgendaItem' }),
);

/** GET /api/sittings/:sittingId/preparation: everything the sitting editor shows. */
export const sittingPreparationSchema = z.object({
  id: z.string(),
  councilId: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  termId: z.string(),
  termName: z.string(),
  number: z.number().int().positive(),
  numberRoman: z.string(),
  title: z.string(),
  kind: z.enum(SITTING_KINDS),
  mode: z.enum(SITTING_MODES),
  status: z.enum(SITTING_STATUSES),
  /** ISO 8601 instant. */
  startsAt: z.string(),
  /** The start on the council's clock (`2026-12-01T10:00`), as the editor's fields show it. */
  startsAtLocal: z.string(),
  /** IANA time zone of the council: the editor shows and reads times in it. */
  timeZone: z.string(),
  place: z.string().nullable(),
  streamUrl: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  /** The published recording and when it starts (ISO 8601), set with PUT .../recording. */
  recordingUrl: z.string().nullable(),
  recordingStartedAt: z.string().nullable(),
  /** Sent back with every save (optimistic concurrency). */
  version: z.number().int().positive(),
  /** False once the sitting has opened: from then on the agenda changes in the console. */
  editable: z.boolean(),
  /** False once convened: the number is public. */
  renumberable: z.boolean(),
  agenda: z.array(preparedAgendaItemSchema),
});
export type SittingPreparation = z.infer<typeof sittingPreparationSchema>;

/** POST /api/councils/:councilId/sittings */
export const createSittingRequestSchema = z.object({
  bodyId: z.uuid(),
  /** Omit to take the term in force on the sitting's date. */
  termId: z.uuid().optional(),
  title: z.string().trim().min(1).max(300),
  kind: z.enum(SITTING_KINDS).default('ordinary'),
  mode: z.enum(SITTING_MODES).default('hall'),
  startsAt: instant,
  place,
  streamUrl: webAddress,
  meetingUrl: webAddress,
  /** Start the agenda from this template of the council. */
  templateId: z.uuid().optional(),
});
export type CreateSittingRequest = z.input<typeof createSittingRequestSchema>;

/** PUT /api/sittings/:sittingId: the details; `number` only while a draft. */
export const updateSittingRequestSchema = z.object({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  kind: z.enum(SITTING_KINDS),
  mode: z.enum(SITTING_MODES),
  startsAt: instant,
  place,
  streamUrl: webAddress,
  meetingUrl: webAddress,
  number: z.number().int().min(1).max(3999).optional(),
});
export type UpdateSittingRequest = z.input<typeof updateSittingRequestSchema>;

/** PUT /api/sittings/:sittingId/agenda: the whole tree, as edited. */
export const saveAgendaRequestSchema = z.object({
  version: z.number().int().positive(),
  items: z.array(agendaDraftItemSchema).max(300),
});
export type SaveAgendaRequest = z.input<typeof saveAgendaRequestSchema>;

/** POST /api/sittings/:sittingId/convene */
export const conveneSittingRequestSchema = z.object({
  version: z.number().int().positive(),
});

/** A council's reusable agenda (opening, adoption of the minutes, questions, closing ...). */
export const agendaTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  items: z.array(agendaDraftItemSchema),
  version: z.number().int().positive(),
});
export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;

/** POST /api/councils/:councilId/agenda-templates; PUT .../:templateId with `version`. */
export const saveAgendaTemplateRequestSchema = z.object({
  version: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(200),
  items: z.array(agendaDraftItemSchema).min(1).max(300),
});
export type SaveAgendaTemplateRequest = z.input<typeof saveAgendaTemplateRequestSchema>;

/** GET /api/councils/:councilId/preparation: what the "new sitting" form offers. */
export const preparationOptionsSchema = z.object({
  councilId: z.string(),
  councilName: z.string(),
  timeZone: z.string(),
  bodies: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  terms: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  templates: z.array(agendaTemplateSchema),
});
export type PreparationOptions = z.infer<typeof preparationOptionsSchema>;
