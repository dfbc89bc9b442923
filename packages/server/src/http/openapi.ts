import {
  CHAT_TEXT_MAX_LENGTH,
  FORBIDDEN_REASONS,
  LANGUAGES,
  SITTING_STATUSES,
  type ChatMessage,
  type RejectionCode,
  type SittingEventType,
} from '@veche/domain';
import {
  apiErrorSchema,
  commandRequestSchema,
  councilAccountSchema,
  councilAccountsResponseSchema,
  invitationRequestSchema,
  setPasswordRequestSchema,
  currentUserSchema,
  loginRequestSchema,
  loginResponseSchema,
  preferencesRequestSchema,
  recoveryCodesSchema,
  secondFactorCodeRequestSchema,
  secondFactorConfirmRequestSchema,
  secondFactorLoginRequestSchema,
  secondFactorSetupSchema,
  secondFactorStatusSchema,
  publicSittingSchema,
  publicVotesSchema,
  namedListSchema,
  sittingRecordingRequestSchema,
  sittingRecordingSchema,
  sittingDocumentSchema,
  sittingDocumentsResponseSchema,
  documentUploadFieldsSchema,
  tabletLinkRequestSchema,
  tabletLinkSchema,
  tabletLoginRequestSchema,
  tabletLoginSchema,
  upcomingSittingsResponseSchema,
  type ApiErrorCode,
  preparationOptionsSchema,
  notificationsResponseSchema,
  markNotificationsReadRequestSchema,
  createSittingRequestSchema,
  updateSittingRequestSchema,
  saveAgendaRequestSchema,
  conveneSittingRequestSchema,
  sittingPreparationSchema,
  agendaTemplateSchema,
  saveAgendaTemplateRequestSchema,
  bodiesResponseSchema,
  bodyInputSchema,
  bodySchema,
  councilCreateRequestSchema,
  councilSchema,
  councilsResponseSchema,
  councilUpdateRequestSchema,
  memberImportPreviewSchema,
  membershipCreateSchema,
  membershipEndSchema,
  membershipSchema,
  membershipUpdateSchema,
  personInputSchema,
  personSchema,
  personsResponseSchema,
  termInputSchema,
  termSchema,
  termsResponseSchema,
  answerInterpellationRequestSchema,
  fileInterpellationRequestSchema,
  interpellationFileSchema,
  interpellationFileUploadFieldsSchema,
  interpellationListResponseSchema,
  interpellationSchema,
  reviewSpeechRequestSchema,
  draftResolutionChoicesSchema,
  speechRequestListSchema,
  speechRequestSchema,
  sittingRecordSchema,
  resolutionsResponseSchema,
  agendaItemConsultationsSchema,
  consultationDocumentSchema,
  consultationDocumentUploadFieldsSchema,
  consultationResultsSchema,
  consultationSchema,
  consultationsResponseSchema,
  createConsultationRequestSchema,
  editResponseRequestSchema,
  hideOpinionRequestSchema,
  officeOpinionSchema,
  officeOpinionsSchema,
  officeResponsesSchema,
  publicConsultationSchema,
  publicConsultationsResponseSchema,
  publishConsultationRequestSchema,
  residentDataDeletionSchema,
  residentDataRequestSchema,
  residentDataSchema,
  residentOpinionSchema,
  residentResponseSchema,
  submissionAcceptedSchema,
  submitOpinionRequestSchema,
  submitResponseRequestSchema,
  updateConsultationRequestSchema,
} from '@veche/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../accounts/session-token.js';
import type { VoteSeal } from '../sittings/ballot-seal.js';
import { OPEN_DATA_FILES } from '../open-data/open-data.routes.js';
import type { SittingView } from '../sittings/state-view.js';

/*
 * The HTTP API as an OpenAPI 3.1 document, built from the protocol's zod schemas (request bodies
 * as the server accepts them, responses as it sends them). Routes whose answers have no protocol
 * schema yet (health, the live sitting's state and log) are described by hand below, with their
 * field lists tied to the server's types so that a new field is a compile error here.
 * `openapi.test.ts` compares DOCUMENTED_ROUTES with the routes the server's source registers.
 */

/** A JSON Schema (draft 2020-12), as OpenAPI 3.1 uses it. */
export type JsonSchema = { [key: string]: unknown };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html';

// ---------------------------------------------------------------------------------------------
// zod -> JSON Schema

/** The messages of `.refine()` checks on a schema: rules that JSON Schema cannot express. */
function refinementMessages(schema: z.core.$ZodType): string[] {
  return (schema._zod.def.checks ?? []).flatMap((check) => {
    if (check._zod.def.check !== 'custom') return [];
    // A refinement's message is kept as an error map that ignores its argument.
    const error = check._zod.def.error as ((issue?: unknown) => unknown) | undefined;
    const message: unknown = error?.();
    return typeof message === 'string' ? [message] : [];
  });
}

/**
 * A protocol schema as JSON Schema draft 2020-12: `input` for what a client may send, `output` for
 * what the server answers. Refinements become part of the description ("Also checked: ..."), and
 * a part that JSON Schema cannot represent (a transform, a date) becomes `{}` with a description
 * instead of an error, so the documentation never stops the server.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  try {
    const generated = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: ({ message }) => ({
        description: `Not representable as JSON Schema (${message}); see packages/protocol.`,
      }),
      override: ({ zodSchema, jsonSchema }) => {
        const rules = refinementMessages(zodSchema);
        if (rules.length === 0) return;
        const known = jsonSchema.description ?? '';
        const fresh = rules.filter((rule) => !known.includes(rule));
        if (fresh.length === 0) return;
        const text = `Also checked: ${fresh.join('; ')}.`;
        jsonSchema.description = known === '' ? text : `${known} ${text}`;
      },
    }) as JsonSchema;
    // The document declares the dialect once (jsonSchemaDialect).
    const { $schema: _dialect, ...rest } = generated;
    return rest;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { description: `Not representable as JSON Schema (${reason}); see packages/protocol.` };
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary that exists only as TypeScript types: listed here, checked for completeness by tsc.

/** Every domain rejection code; `Record<RejectionCode, true>` makes a missing or extra one fail. */
const REJECTIONS: Record<RejectionCode, true> = {
  invalid_transition: true,
  sitting_not_open: true,
  unknown_member: true,
  not_present: true,
  no_quorum: true,
  quorum_check_running: true,
  no_quorum_check: true,
  already_confirmed: true,
  unchanged: true,
  deadline_passed: true,
  deadline_not_reached: true,
  unknown_vote: true,
  vote_closed: true,
  vote_in_progress: true,
  not_entitled: true,
  already_voted: true,
  invalid_choice: true,
  proxy_not_allowed: true,
  not_annulled: true,
  already_annulled: true,
  already_repeated: true,
  duplicate_id: true,
  unknown_item: true,
  invalid_position: true,
  invalid_move: true,
  item_in_use: true,
  invalid_argument: true,
  invalid_majority_rule: true,
  already_requested: true,
  unknown_request: true,
  floor_taken: true,
  floor_free: true,
  queue_empty: true,
};
export const REJECTION_CODES = Object.keys(REJECTIONS) as RejectionCode[];

/** Events that reach the log: ballots stay in the ballot box until a vote is sealed. */
type LogEventType =
  | Exclude<
      SittingEventType,
      'vote.cast_recorded' | 'vote.participation_recorded' | 'vote.secret_choice_recorded'
    >
  | VoteSeal['type'];
const LOG_EVENTS: Record<LogEventType, true> = {
  'sitting.convened': true,
  'sitting.opened': true,
  'sitting.suspended': true,
  'sitting.resumed': true,
  'sitting.closed': true,
  'quorum.check_started': true,
  'presence.confirmed': true,
  'quorum.check_closed': true,
  'presence.marked': true,
  'agenda.current_set': true,
  'agenda.amended': true,
  'speaker.requested': true,
  'speaker.withdrawn': true,
  'speaker.granted': true,
  'speaker.extended': true,
  'speaker.ended': true,
  'vote.opened': true,
  'vote.extended': true,
  'vote.closed': true,
  'vote.annulled': true,
  'vote.sealed': true,
  'chat.sent': true,
};
export const LOG_EVENT_TYPES = Object.keys(LOG_EVENTS) as LogEventType[];
/** What a command's answer may carry: the log's events, and an open or named vote's ballot. */
export const COMMAND_EVENT_TYPES = [...LOG_EVENT_TYPES, 'vote.cast_recorded'] as const;

// ---------------------------------------------------------------------------------------------
// Hand-written schemas for answers that have no protocol schema yet

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const epochMs: JsonSchema = { type: 'integer', description: 'Epoch milliseconds.' };
const idList: JsonSchema = { type: 'array', items: { type: 'string' } };
const looseObject = (description: string): JsonSchema => ({ type: 'object', description });

const healthSchema: JsonSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    database: { type: 'string', enum: ['embedded', 'postgres'] },
  },
  required: ['status', 'database'],
};

const eventSchema = (types: readonly string[]): JsonSchema => ({
  type: 'object',
  description:
    'A sitting event: its `type` and the fields of that type; times (`at`, `endsAt`, ' +
    '`deadlineAt`) are epoch milliseconds.',
  properties: { type: { type: 'string', enum: [...types] } },
  required: ['type'],
});

const commandAcceptedSchema: JsonSchema = {
  type: 'object',
  properties: {
    commandId: { type: 'string', description: 'The command id the client sent.' },
    replayed: {
      type: 'boolean',
      description: 'True when this id was seen before and this is its first outcome, repeated.',
    },
    seq: {
      type: 'integer',
      minimum: 0,
      description: "The log's last sequence number after the command.",
    },
    events: {
      type: 'array',
      description:
        'The events the command caused. A closing vote is followed by its `vote.sealed` event. ' +
        'A ballot is not logged: an open or named ballot returns its `vote.cast_recorded`, a ' +
        'secret ballot returns no events (nothing that links a member to a choice is kept).',
      items: { $ref: '#/components/schemas/CommandEvent' },
    },
  },
  required: ['commandId', 'replayed', 'seq', 'events'],
  additionalProperties: false,
};

/** The state's fields; `satisfies` makes a field added to the view a compile error here. */
const sittingViewProperties = {
  setup: looseObject(
    'What the log starts from: sittingId, number, mode, statutorySize, quorumRule, members, ' +
      "agenda, ballotChangeAllowed, majorityPresetId (the council's default preset, or null), " +
      'defaultSpeakingLimitMs.',
  ),
  status: { type: 'string', enum: [...SITTING_STATUSES] },
  openedAt: nullable(epochMs),
  closedAt: nullable(epochMs),
  suspendedAt: nullable(epochMs),
  presence: {
    type: 'object',
    description: 'Per member id: present or not, and since when.',
    additionalProperties: {
      type: 'object',
      properties: { present: { type: 'boolean' }, since: nullable(epochMs) },
      required: ['present', 'since'],
    },
  },
  quorumCheck: nullable(looseObject('The running quorum check: checkId, startedAt, endsAt.')),
  lastQuorumCheck: nullable(looseObject('The last closed quorum check and its result.')),
  agenda: { type: 'array', items: looseObject('An agenda item with its children.') },
  currentItemId: nullable({ type: 'string' }),
  speakerQueue: { type: 'array', items: looseObject('A request for the floor.') },
  currentSpeaker: nullable(looseObject('Who has the floor, and until when.')),
  votes: {
    type: 'object',
    description: 'Per vote id, the vote as this viewer may see it.',
    additionalProperties: {
      type: 'object',
      properties: {
        tally: {
          type: 'object',
          properties: {
            secret: { type: 'boolean' },
            counts: nullable({
              type: 'object',
              additionalProperties: { type: 'integer' },
              description: 'Per option; null while a secret vote runs.',
            }),
            voted: { type: 'integer', minimum: 0 },
            voters: nullable({ ...idList, description: 'Who has voted.' }),
            choices: nullable({
              type: 'object',
              additionalProperties: { type: 'string' },
              description: "Each member's choice: named votes, once closed.",
            }),
            proxied: nullable({
              ...idList,
              description:
                'Members whose ballot the operator entered for them: conductors while the vote ' +
                'runs, everyone with a closed named vote\u2019s choices.',
            }),
          },
          required: ['secret', 'counts', 'voted', 'voters', 'choices', 'proxied'],
        },
      },
      required: ['tally'],
    },
  },
  voteOrder: { ...idList, description: 'Vote ids in the order they opened.' },
  openVoteId: nullable({ type: 'string' }),
  chat: {
    type: 'array',
    description:
      'The chat messages the caller may read, in the order sent: conductors (operator, chair) ' +
      'read all; a member reads messages to all members, their own, and those written to them; ' +
      'others read none.',
    items: { $ref: '#/components/schemas/ChatMessage' },
  },
} satisfies Record<keyof SittingView, JsonSchema>;

/** A chat message's fields; `satisfies` makes a new field a compile error here. */
const chatMessageProperties = {
  messageId: { type: 'string', description: 'The sender\u2019s client-made id.' },
  from: {
    type: 'object',
    properties: { userId: { type: 'string' }, memberId: nullable({ type: 'string' }) },
    required: ['userId', 'memberId'],
    description: 'The user who wrote, and their member id when they sit in the body.',
  },
  to: {
    oneOf: [
      {
        type: 'object',
        properties: { kind: { const: 'conductors' } },
        required: ['kind'],
        description: 'The operator and the chair.',
      },
      {
        type: 'object',
        properties: { kind: { const: 'members' } },
        required: ['kind'],
        description: 'Every member of the sitting.',
      },
      {
        type: 'object',
        properties: { kind: { const: 'member' }, memberId: { type: 'string' } },
        required: ['kind', 'memberId'],
        description: 'One member, privately (written by a conductor).',
      },
    ],
  },
  text: { type: 'string', minLength: 1, maxLength: CHAT_TEXT_MAX_LENGTH },
  at: epochMs,
} satisfies Record<keyof ChatMessage, JsonSchema>;
const chatMessageSchema: JsonSchema = {
  type: 'object',
  properties: chatMessageProperties,
  required: Object.keys(chatMessageProperties),
};

const sittingStateSchema: JsonSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer', minimum: 0, description: 'The last event the state includes.' },
    state: {
      type: 'object',
      description:
        'The live sitting as the caller may see it: conductors and members see who voted; ' +
        'no one sees an open vote\u2019s individual choices, a named vote\u2019s choices before ' +
        'it closes, or the counts of a running secret vote; `chat` holds only the messages ' +
        'the caller may read.',
      properties: sittingViewProperties,
      required: Object.keys(sittingViewProperties),
    },
  },
  required: ['seq', 'state'],
};

const hex64: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const loggedEventProperties = {
  seq: { type: 'integer', minimum: 1 },
  type: { type: 'string', enum: [...LOG_EVENT_TYPES] },
  payload: { $ref: '#/components/schemas/LogEvent' },
  actorUserId: nullable({
    type: 'string',
    description: 'Who sent the command; null for the server (a deadline).',
  }),
  at: { type: 'string', format: 'date-time', description: 'As hashed: ISO 8601 in UTC.' },
  prevHash: { ...hex64, description: 'The previous event\u2019s hash, or the genesis hash.' },
  hash: {
    ...hex64,
    description:
      'sha256(prevHash + "\\n" + RFC 8785 JSON of {seq, type, payload, actorUserId, at}).',
  },
};
/**
 * An event the reader may not read (another member's private chat message): in its place, with
 * its links, so that the chain can still be checked around it.
 */
const redactedEventProperties = {
  seq: loggedEventProperties.seq,
  type: loggedEventProperties.type,
  payload: { type: 'null', description: 'Withheld.' },
  actorUserId: { type: 'null', description: 'Withheld.' },
  at: loggedEventProperties.at,
  prevHash: loggedEventProperties.prevHash,
  hash: {
    ...hex64,
    description:
      'As stored; it cannot be recomputed without the content, but the next event\u2019s ' +
      '`prevHash` must equal it, and that event\u2019s hash covers it.',
  },
  redacted: { const: true },
};
const sittingEventsSchema: JsonSchema = {
  type: 'object',
  properties: {
    events: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            description: 'An event the caller may read.',
            properties: loggedEventProperties,
            required: Object.keys(loggedEventProperties),
          },
          {
            type: 'object',
            description:
              'A chat message the caller may not read (to the conductors, or privately to ' +
              'another member): `payload` and `actorUserId` are withheld, `redacted` is true. ' +
              'Check its place by `seq` and its links by `prevHash` and the next `prevHash`.',
            properties: redactedEventProperties,
            required: Object.keys(redactedEventProperties),
          },
        ],
      },
    },
  },
  required: ['events'],
};

// ---------------------------------------------------------------------------------------------
// Operations

interface ErrorAnswer {
  readonly status: number;
  readonly codes: readonly string[];
  readonly description: string;
  /** Extra constraints on `error.facts` for this answer. */
  readonly facts?: JsonSchema;
}

interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

interface OperationSpec {
  readonly method: HttpMethod;
  /** As Fastify registers it (`:param`). */
  readonly route: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** `session`: the cookie is required; `optional`: used when present; `none`: ignored. */
  readonly auth: 'none' | 'optional' | 'session';
  readonly parameters?: readonly ParameterSpec[];
  readonly body?: {
    readonly schema: string;
    readonly description: string;
    /** JSON unless said otherwise (uploads are multipart/form-data). */
    readonly contentType?: string;
  };
  readonly success: {
    readonly status: number;
    readonly description: string;
    readonly schema?: string;
    readonly contentType?: string;
    readonly headers?: JsonSchema;
  };
  readonly errors: readonly ErrorAnswer[];
  /** Error answers that are pages (the public portal's 400 and 404), not the JSON error shape. */
  readonly htmlErrors?: readonly { readonly status: number; readonly description: string }[];
  /** Answers not in the error shape, besides the success. */
  readonly otherAnswers?: readonly {
    readonly status: number;
    readonly description: string;
    readonly schema: string;
  }[];
}

const err = (
  status: number,
  codes: readonly (ApiErrorCode | RejectionCode | (string & {}))[],
  description: string,
  facts?: JsonSchema,
): ErrorAnswer => ({ status, codes, description, ...(facts === undefined ? {} : { facts }) });

const SERVER_ERRORS = [
  err(500, ['internal'], 'Something failed on the server; the answer never holds a stack trace.'),
  err(503, ['unavailable'], 'The database is not reachable, or the server is overloaded.'),
];
const WRITE_ERRORS = [
  err(
    400,
    ['validation_failed'],
    'The body is not valid JSON or does not match the schema; `field` and `issues` name every ' +
      'bad field, and nothing changed.',
  ),
  err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
  err(413, ['validation_failed'], 'The body is larger than 1 MiB.'),
  err(415, ['validation_failed'], 'The body is not `application/json`.'),
];
const SIGNED_IN_ERRORS = [err(401, ['unauthenticated'], 'No valid session cookie: sign in first.')];

const sittingIdParameter: ParameterSpec = {
  name: 'sittingId',
  in: 'path',
  required: true,
  description: 'The sitting.',
  schema: { type: 'string', format: 'uuid' },
};
const NO_SITTING = err(
  404,
  ['not_found'],
  'No such sitting, or one the caller may not see (another council\u2019s, or a draft they do ' +
    'not prepare).',
);
const BAD_SITTING_ID = err(400, ['validation_failed'], 'The sitting id is not a UUID.');

// Administration: the platform administrator's councils, a council administrator's council.

const councilIdParameter: ParameterSpec = {
  name: 'councilId',
  in: 'path',
  required: true,
  description: 'The council.',
  schema: { type: 'string', format: 'uuid' },
};
const templateIdParameter: ParameterSpec = {
  name: 'templateId',
  in: 'path',
  required: true,
  description: 'The agenda template.',
  schema: { type: 'string', format: 'uuid' },
};
const BAD_COUNCIL_ID = err(400, ['validation_failed'], 'The council id is not a UUID.');
const NOT_PREPARER = err(
  403,
  ['forbidden'],
  'The caller holds a role in the council but does not prepare sittings (operator, chair, council administrator).',
);
const STALE_OR_CLOSED = err(
  409,
  ['stale_version', 'preparation_closed'],
  'Someone saved first (`facts.current` holds the current version: nothing was overwritten), ' +
    'or the sitting has opened and its agenda now changes in the console.',
);
const userIdParameter: ParameterSpec = {
  name: 'userId',
  in: 'path',
  required: true,
  description: 'The account.',
  schema: { type: 'string', format: 'uuid' },
};
const NO_COUNCIL = err(
  404,
  ['not_found'],
  'No such council, or one in which the caller holds no role (the same answer).',
);
const NO_ACCOUNT = err(
  404,
  ['not_found'],
  'No such council or account of it, or a council in which the caller holds no role.',
);
const CALENDAR_DESCRIPTION =
  'No sign-in. Every sitting that is not a draft, as an event (RFC 5545) whose UID never ' +
  'changes (`<sitting id>@<host>`): the start in UTC, three hours long (sittings have no ' +
  'planned end), the place, the public page as URL and, for remote and hybrid sittings, the ' +
  'stream. Named in the council\u2019s language. Cached for five minutes.';
const idParameter = (name: string, what: string): ParameterSpec => ({
  name,
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string', format: 'uuid' },
});
const BAD_IDS = err(400, ['validation_failed'], 'An id in the path is not a UUID.');
const NOT_PLATFORM_ADMIN = err(403, ['forbidden'], 'The caller is not a platform administrator.');
const NOT_COUNCIL_ADMIN = err(
  403,
  ['forbidden'],
  'The caller holds a role in this council, but not that of its administrator.',
);
const NO_COUNCIL_ROW = err(
  404,
  ['not_found'],
  'No such council, or one in which the caller holds no role (the same answer), or no such ' +
    'row in this council.',
);
const PLATFORM_ERRORS = [...SIGNED_IN_ERRORS, NOT_PLATFORM_ADMIN, ...SERVER_ERRORS];
const COUNCIL_ERRORS = [...SIGNED_IN_ERRORS, NOT_COUNCIL_ADMIN, NO_COUNCIL_ROW, ...SERVER_ERRORS];

/** A council administrator's list, create and change of one kind of row. */
function councilRows(
  path: string,
  idName: string,
  noun: string,
  schemas: { input: string; one: string; list: string },
  writeErrors: readonly ErrorAnswer[] = [],
): OperationSpec[] {
  const tag = 'Administration';
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
  return [
    {
      method: 'GET',
      route: `/api/councils/:councilId/${path}`,
      operationId: `list${capital}s`,
      tag,
      summary: `The council\u2019s ${noun}s.`,
      auth: 'session',
      parameters: [councilIdParameter],
      success: { status: 200, description: `The ${noun}s.`, schema: schemas.list },
      errors: [BAD_IDS, ...COUNCIL_ERRORS],
    },
    {
      method: 'POST',
      route: `/api/councils/:councilId/${path}`,
      operationId: `create${capital}`,
      tag,
      summary: `Add a ${noun} to the council.`,
      auth: 'session',
      parameters: [councilIdParameter],
      body: { schema: schemas.input, description: `The ${noun}.` },
      success: { status: 201, description: `The ${noun} as listed.`, schema: schemas.one },
      errors: [...WRITE_ERRORS, ...writeErrors, ...COUNCIL_ERRORS],
    },
    {
      method: 'PUT',
      route: `/api/councils/:councilId/${path}/:${idName}`,
      operationId: `update${capital}`,
      tag,
      summary: `Change a ${noun} of the council.`,
      auth: 'session',
      parameters: [councilIdParameter, idParameter(idName, `The ${noun}.`)],
      body: { schema: schemas.input, description: `The ${noun} as it should be.` },
      success: { status: 200, description: `The ${noun} as listed.`, schema: schemas.one },
      errors: [BAD_IDS, ...WRITE_ERRORS, ...writeErrors, ...COUNCIL_ERRORS],
    },
  ];
}

const SEAT_ERRORS = [
  err(409, ['chair_taken'], '`role`: the body already has a chair then; `facts.membership`.'),
  err(409, ['already_member'], '`personId`: the person already sits in that body then.'),
  err(422, ['outside_term'], '`startsOn` or `endsOn`: the seat must lie within its term.'),
];

const ADMINISTRATION_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/api/platform/councils',
    operationId: 'listCouncils',
    tag: 'Administration',
    summary: 'Every council of this installation, for the platform administrator.',
    auth: 'session',
    success: { status: 200, description: 'The councils.', schema: 'Councils' },
    errors: PLATFORM_ERRORS,
  },
  {
    method: 'POST',
    route: '/api/platform/councils',
    operationId: 'createCouncil',
    tag: 'Administration',
    summary: 'Create a council, optionally with its plenary body and first term.',
    description:
      'All or nothing. The time zone must be an IANA zone, the languages a non-empty set with ' +
      'the default among them, the majority preset one of the country\u2019s, the resolution ' +
      'number pattern one that renders: each failure names its field. Accounts are invited ' +
      'separately.',
    auth: 'session',
    body: { schema: 'CouncilCreateRequest', description: 'The council\u2019s settings.' },
    success: { status: 201, description: 'The council.', schema: 'Council' },
    errors: [...WRITE_ERRORS, ...PLATFORM_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/platform/councils/:councilId',
    operationId: 'readCouncil',
    tag: 'Administration',
    summary: 'A council\u2019s settings, with the version to send back with a change.',
    auth: 'session',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The council.', schema: 'Council' },
    errors: [BAD_IDS, ...PLATFORM_ERRORS, err(404, ['not_found'], 'No such council.')],
  },
  {
    method: 'PUT',
    route: '/api/platform/councils/:councilId',
    operationId: 'updateCouncil',
    tag: 'Administration',
    summary: 'Change a council\u2019s settings (optimistic concurrency on `version`).',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'CouncilUpdateRequest', description: 'The settings and the version read.' },
    success: { status: 200, description: 'The council at its new version.', schema: 'Council' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      ...PLATFORM_ERRORS,
      err(404, ['not_found'], 'No such council.'),
      err(
        409,
        ['stale_version'],
        'Someone saved the council meanwhile; nothing changed. `facts.current` is the council now.',
        { type: 'object', properties: { current: { $ref: '#/components/schemas/Council' } } },
      ),
    ],
  },
  ...councilRows('bodies', 'bodyId', 'body', {
    input: 'BodyInput',
    one: 'Body',
    list: 'Bodies',
  }),
  ...councilRows('terms', 'termId', 'term', { input: 'TermInput', one: 'Term', list: 'Terms' }, [
    err(
      409,
      ['term_overlap'],
      '`startsOn` or `endsOn`: the term would share a day with another; `facts.term`.',
    ),
  ]),
  ...councilRows(
    'persons',
    'personId',
    'person',
    { input: 'PersonInput', one: 'Person', list: 'Persons' },
    [err(409, ['email_taken'], '`email`: another person of the council has it.')],
  ),
  {
    method: 'POST',
    route: '/api/councils/:councilId/memberships',
    operationId: 'createMembership',
    tag: 'Administration',
    summary: 'Seat a person in a body for a term.',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'MembershipCreate', description: 'The seat.' },
    success: { status: 201, description: 'The seat.', schema: 'Membership' },
    errors: [
      ...WRITE_ERRORS,
      ...SEAT_ERRORS,
      err(
        422,
        ['unknown_reference'],
        'The person, body or term (`field`) is not the council\u2019s.',
      ),
      ...COUNCIL_ERRORS,
    ],
  },
  {
    method: 'PUT',
    route: '/api/councils/:councilId/memberships/:membershipId',
    operationId: 'updateMembership',
    tag: 'Administration',
    summary: 'Correct a seat\u2019s role or dates.',
    auth: 'session',
    parameters: [councilIdParameter, idParameter('membershipId', 'The seat.')],
    body: { schema: 'MembershipUpdate', description: 'The seat as it should be.' },
    success: { status: 200, description: 'The seat.', schema: 'Membership' },
    errors: [BAD_IDS, ...WRITE_ERRORS, ...SEAT_ERRORS, ...COUNCIL_ERRORS],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/memberships/:membershipId/end',
    operationId: 'endMembership',
    tag: 'Administration',
    summary: 'End a seat on its last day; the seat stays in the record.',
    auth: 'session',
    parameters: [councilIdParameter, idParameter('membershipId', 'The seat.')],
    body: { schema: 'MembershipEnd', description: 'The last day.' },
    success: { status: 200, description: 'The ended seat.', schema: 'Membership' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      err(409, ['already_ended'], '`endsOn`: the seat has ended already.'),
      err(422, ['outside_term'], '`endsOn`: after the end of the seat\u2019s term.'),
      ...COUNCIL_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/imports/members',
    operationId: 'importMembers',
    tag: 'Administration',
    summary: 'Import a member list (CSV): a preview, or everything in one transaction.',
    description:
      'UTF-8, with or without a byte order mark; comma or semicolon; a header row naming ' +
      '`given_name`, `family_name`, `email`, `body`, `role`, `starts_on` (or their Polish, ' +
      'Bulgarian or Serbian names; see docs/member-import.md). A row whose e-mail is a ' +
      'person\u2019s of the council adds a seat to that person. At most 1 MiB and 2000 rows.',
    auth: 'session',
    parameters: [
      councilIdParameter,
      {
        name: 'dryRun',
        in: 'query',
        required: false,
        description: '`true` (the default): only the preview; `false`: import.',
        schema: { type: 'string', enum: ['true', 'false'], default: 'true' },
      },
    ],
    body: { schema: 'MemberImportCsv', description: 'The file.', contentType: 'text/csv' },
    success: {
      status: 200,
      description: 'Every row with its values and errors; `imported` says if it was written.',
      schema: 'MemberImportPreview',
    },
    errors: [
      BAD_IDS,
      err(400, ['validation_failed'], 'The body is not UTF-8 text, or not readable as CSV.'),
      err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
      err(413, ['import_too_large'], 'Over 1 MiB or 2000 rows; `facts` says the limit.'),
      err(415, ['validation_failed'], 'The body is not `text/csv`.'),
      err(
        422,
        ['import_invalid'],
        'Some row has errors; nothing was written. `facts.preview` is the preview.',
        {
          type: 'object',
          properties: { preview: { $ref: '#/components/schemas/MemberImportPreview' } },
        },
      ),
      err(
        422,
        ['import_header_invalid'],
        'The header row lacks required columns; `facts.missingColumns` names them.',
      ),
      ...COUNCIL_ERRORS,
    ],
  },
];

const interpellationIdParameter = idParameter('interpellationId', 'The interpellation.');
const queryParameter = (name: string, description: string, schema: JsonSchema): ParameterSpec => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const NO_INTERPELLATION = err(
  404,
  ['not_found'],
  'No such interpellation, or one of a council in which the caller holds no role (the same answer).',
);
const UPLOAD_ERRORS = [
  err(400, ['validation_failed'], 'A field is malformed, or no file was sent; `field` says.'),
  err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
  err(413, ['file_too_large'], 'The file is over the limit; `facts.maxBytes` says it.', {
    type: 'object',
    properties: { maxBytes: { type: 'integer' } },
  }),
  err(415, ['validation_failed'], 'The body is not multipart/form-data.'),
  err(
    422,
    ['file_empty', 'file_type_unsupported'],
    'The file is empty or of a type not accepted (`facts.detected` names what it is).',
  ),
];

/** Interpellations and questions (DESIGN.md section 4). */
const INTERPELLATION_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'POST',
    route: '/api/councils/:councilId/interpellations',
    operationId: 'fileInterpellation',
    tag: 'Interpellations',
    summary: 'A councillor files an interpellation or question, as themselves.',
    description:
      'For a holder of the `councillor` role whose account is linked to a person of the ' +
      'council. Numbered per council and year; the answer is due 14 days after the filing day ' +
      'on the council\u2019s calendar. The addressee defaults to the mayor.',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'FileInterpellationRequest', description: 'The interpellation.' },
    success: {
      status: 201,
      description: 'The interpellation as listed.',
      schema: 'Interpellation',
    },
    errors: [
      BAD_COUNCIL_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(
        403,
        ['forbidden', 'not_a_councillor'],
        'The caller is not a councillor of the council, or the account is not linked to a person of it.',
      ),
      NO_COUNCIL,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/councils/:councilId/interpellations',
    operationId: 'listInterpellations',
    tag: 'Interpellations',
    summary: 'The council\u2019s interpellations and questions, for its people, newest first.',
    description:
      'Each with its deadline and an `overdue` flag computed on the council\u2019s calendar: ' +
      'unanswered and the deadline passed.',
    auth: 'session',
    parameters: [
      councilIdParameter,
      queryParameter('status', 'Only `filed` (unanswered) or `answered` ones.', {
        type: 'string',
        enum: ['filed', 'answered'],
      }),
      queryParameter('overdue', '`true`: only overdue ones; `false`: only those that are not.', {
        type: 'string',
        enum: ['true', 'false'],
      }),
      queryParameter('author', 'Only those of this person.', { type: 'string', format: 'uuid' }),
      queryParameter('mine', '`true`: only the caller\u2019s own.', {
        type: 'string',
        enum: ['true', 'false'],
      }),
      queryParameter('year', 'Only those filed in this year.', { type: 'integer' }),
    ],
    success: { status: 200, description: 'The list.', schema: 'Interpellations' },
    errors: [
      err(400, ['validation_failed'], 'The council id or a filter is malformed; `field` says.'),
      ...SIGNED_IN_ERRORS,
      NO_COUNCIL,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'PUT',
    route: '/api/interpellations/:interpellationId/answer',
    operationId: 'answerInterpellation',
    tag: 'Interpellations',
    summary: 'The office records the answer, or corrects it.',
    description:
      'For operators and council administrators, at the `version` they saw. A corrected answer ' +
      'keeps the interpellation answered, with the date of the correction.',
    auth: 'session',
    parameters: [interpellationIdParameter],
    body: { schema: 'AnswerInterpellationRequest', description: 'The answer.' },
    success: {
      status: 200,
      description: 'The interpellation as listed.',
      schema: 'Interpellation',
    },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller is not of the council office.'),
      NO_INTERPELLATION,
      err(
        409,
        ['stale_version'],
        'Someone saved first; `facts.current` holds the interpellation as it is: nothing was overwritten.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/interpellations/:interpellationId/files',
    operationId: 'attachInterpellationFile',
    tag: 'Interpellations',
    summary: 'Attach a file to the question (its author) or to the answer (the office).',
    description:
      'The author adds `question` files until the answer is recorded; the office adds `answer` ' +
      'files. Judged by content like documents, within `DOCUMENT_MAX_MB`. Every file is public.',
    auth: 'session',
    parameters: [interpellationIdParameter],
    body: {
      schema: 'InterpellationFileUpload',
      description: 'The fields first, then the file in a part named `file`.',
      contentType: 'multipart/form-data',
    },
    success: { status: 201, description: 'The file as listed.', schema: 'InterpellationFile' },
    errors: [
      BAD_IDS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], '`role`: the caller may not add this kind of file.'),
      NO_INTERPELLATION,
      err(409, ['already_answered'], '`role`: the question is answered; its files are closed.'),
      ...UPLOAD_ERRORS,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/councils/:councilId/interpellations',
    operationId: 'publicInterpellations',
    tag: 'Interpellations',
    summary:
      'A council\u2019s interpellations and questions with their answers, without a sign-in.',
    auth: 'none',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The list.', schema: 'Interpellations' },
    errors: [BAD_COUNCIL_ID, err(404, ['not_found'], 'No such council.'), ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/interpellations/:interpellationId',
    operationId: 'publicInterpellation',
    tag: 'Interpellations',
    summary: 'One interpellation or question with its answer and files, without a sign-in.',
    auth: 'none',
    parameters: [interpellationIdParameter],
    success: { status: 200, description: 'The interpellation.', schema: 'Interpellation' },
    errors: [BAD_IDS, err(404, ['not_found'], 'No such interpellation.'), ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/interpellation-files/:fileId',
    operationId: 'readInterpellationFile',
    tag: 'Interpellations',
    summary: 'A file of an interpellation or of its answer, to be shown in the browser.',
    description:
      'No sign-in. Sent inline with its own type, an ETag (its SHA-256), `nosniff` and a ' +
      'sandboxing Content-Security-Policy.',
    auth: 'none',
    parameters: [idParameter('fileId', 'The file.')],
    success: { status: 200, description: 'The file.', contentType: 'application/octet-stream' },
    errors: [BAD_IDS, err(404, ['not_found'], 'No such file.'), ...SERVER_ERRORS],
  },
];

const speechRequestIdParameter = idParameter('requestId', 'The resident\u2019s request to speak.');

const SPEECH_REQUEST_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/api/sittings/:sittingId/speech-requests',
    operationId: 'listSpeechRequests',
    tag: 'Residents',
    summary: 'Residents\u2019 requests to speak at a sitting, for the council office.',
    description:
      'In the order they were filed, with the council\u2019s last day for requests (its local ' +
      'date). Only confirmed requests (`pending`) can be decided; `queued` says an approved one ' +
      'has joined the speaker queue of its item.',
    auth: 'session',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The requests.', schema: 'SpeechRequestList' },
    errors: [
      BAD_IDS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller does not prepare the council\u2019s sittings.'),
      NO_SITTING,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/speech-requests/:requestId/review',
    operationId: 'reviewSpeechRequest',
    tag: 'Residents',
    summary: 'The office approves a request to speak, or rejects it with a reason.',
    description:
      'The resident is told by e-mail in the language they filed in. An approved request joins ' +
      'the speaker queue when the live sitting reaches its item (at once if it is current).',
    auth: 'session',
    parameters: [speechRequestIdParameter],
    body: { schema: 'ReviewSpeechRequest', description: 'The decision.' },
    success: { status: 200, description: 'The request as listed.', schema: 'SpeechRequest' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller does not prepare the council\u2019s sittings.'),
      err(404, ['not_found'], 'No such request, or one of another council.'),
      err(
        409,
        ['not_verified', 'already_reviewed'],
        'The resident has not confirmed the address yet, or the request was decided already.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/speech-requests/:requestId/attachment',
    operationId: 'readSpeechRequestAttachment',
    tag: 'Residents',
    summary: 'The file a resident attached to a request to speak, for the council office.',
    description: 'Always a download (`Content-Disposition: attachment`), never shown inline.',
    auth: 'session',
    parameters: [speechRequestIdParameter],
    success: { status: 200, description: 'The file.', contentType: 'application/octet-stream' },
    errors: [
      BAD_IDS,
      ...SIGNED_IN_ERRORS,
      err(404, ['not_found'], 'No such request or attachment, or the caller may not read it.'),
      ...SERVER_ERRORS,
    ],
  },
];

const consultationIdParameter = idParameter('consultationId', 'The consultation.');
const tokenParameter: ParameterSpec = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The link\u2019s token from the resident\u2019s e-mail (43 base64url characters).',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
};
const NO_CONSULTATION = err(
  404,
  ['not_found'],
  'No such consultation, or one of a council in which the caller holds no role (the same answer).',
);
const NOT_OFFICE = err(
  403,
  ['forbidden'],
  'The caller holds a role in the council but is not of its office (operator, council administrator).',
);
const OFFICE_ERRORS = [...SIGNED_IN_ERRORS, NOT_OFFICE, NO_CONSULTATION, ...SERVER_ERRORS];
const RESIDENT_LIMIT = err(
  429,
  ['rate_limited'],
  'Too many requests from this address; `facts.retryAfterSeconds` says when to try again.',
);
const LINK_INVALID = err(404, ['link_invalid'], 'The link is unknown, replaced or expired.');
const NOT_OPEN = err(
  409,
  ['consultation_not_open'],
  'The consultation is not ongoing (`facts.status`): nothing was stored.',
);
const SAVE_REFUSALS = [
  err(422, ['period_invalid'], '`endsAt`: not after the start, or already past (`facts.reason`).'),
  err(
    422,
    ['survey_invalid'],
    'The survey breaks a rule (ids unique, at least two options, selection limits, scale range, ' +
      'at most 50 questions); `field` and `issues` name each problem by its path.',
  ),
  err(
    422,
    ['not_a_draft_resolution'],
    '`agendaItemId`: not a draft resolution on an agenda of this council.',
  ),
];
const HONEYPOT =
  ' A non-empty `website` field (the honeypot, hidden from people) is answered 202 and stored nowhere.';

/** Public consultations (issue 7, section 2): the office's side, then the residents'. */
const CONSULTATION_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'POST',
    route: '/api/councils/:councilId/consultations',
    operationId: 'createConsultation',
    tag: 'Consultations',
    summary: 'The office creates a consultation, as a draft only the office sees.',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'CreateConsultationRequest', description: 'The consultation.' },
    success: { status: 201, description: 'The consultation.', schema: 'Consultation' },
    errors: [
      BAD_COUNCIL_ID,
      ...WRITE_ERRORS,
      ...SAVE_REFUSALS,
      ...SIGNED_IN_ERRORS,
      NOT_OFFICE,
      NO_COUNCIL,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/councils/:councilId/consultations',
    operationId: 'listConsultations',
    tag: 'Consultations',
    summary:
      'The council\u2019s consultations for its office, drafts included, the latest start first.',
    auth: 'session',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The list.', schema: 'Consultations' },
    errors: [BAD_COUNCIL_ID, ...SIGNED_IN_ERRORS, NOT_OFFICE, NO_COUNCIL, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/councils/:councilId/draft-resolutions',
    operationId: 'listDraftResolutionChoices',
    tag: 'Consultations',
    summary:
      'The draft resolutions on the agendas of the council\u2019s sittings not yet closed, for linking a consultation.',
    auth: 'session',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The items.', schema: 'DraftResolutionChoices' },
    errors: [BAD_COUNCIL_ID, ...SIGNED_IN_ERRORS, NOT_OFFICE, NO_COUNCIL, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/consultations/:consultationId',
    operationId: 'getConsultation',
    tag: 'Consultations',
    summary: 'One consultation for the office, with its counts and the erasure date.',
    auth: 'session',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The consultation.', schema: 'Consultation' },
    errors: [BAD_IDS, ...OFFICE_ERRORS],
  },
  {
    method: 'PUT',
    route: '/api/consultations/:consultationId',
    operationId: 'updateConsultation',
    tag: 'Consultations',
    summary: 'The office saves a consultation at the version it saw.',
    description:
      'The survey and the start change only while the consultation is a draft or planned.',
    auth: 'session',
    parameters: [consultationIdParameter],
    body: { schema: 'UpdateConsultationRequest', description: 'The consultation.' },
    success: { status: 200, description: 'The consultation.', schema: 'Consultation' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      ...SAVE_REFUSALS,
      err(409, ['consultation_started'], '`survey` or `startsAt`: the consultation has started.'),
      err(
        409,
        ['stale_version'],
        'Someone saved first; `facts.current` is the consultation as it is.',
      ),
      ...OFFICE_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/consultations/:consultationId/publish',
    operationId: 'publishConsultation',
    tag: 'Consultations',
    summary: 'The office publishes a consultation: it becomes public, planned or ongoing.',
    auth: 'session',
    parameters: [consultationIdParameter],
    body: { schema: 'PublishConsultationRequest', description: 'The version seen.' },
    success: { status: 200, description: 'The consultation.', schema: 'Consultation' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      err(422, ['period_invalid'], 'The end has already passed.'),
      err(
        409,
        ['stale_version'],
        'Someone saved first; `facts.current` is the consultation as it is.',
      ),
      ...OFFICE_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/consultations/:consultationId/documents',
    operationId: 'addConsultationDocument',
    tag: 'Consultations',
    summary: 'The office adds a document (public once the consultation is published).',
    auth: 'session',
    parameters: [consultationIdParameter],
    body: {
      schema: 'ConsultationDocumentUpload',
      description: 'The title (optional), then the file in a part named `file`.',
      contentType: 'multipart/form-data',
    },
    success: { status: 201, description: 'The document.', schema: 'ConsultationDocument' },
    errors: [BAD_IDS, ...UPLOAD_ERRORS, ...OFFICE_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/consultations/:consultationId/documents/:documentId',
    operationId: 'readOfficeConsultationDocument',
    tag: 'Consultations',
    summary: 'A document for the office, also of a draft, sent inline like documents.',
    auth: 'session',
    parameters: [consultationIdParameter, idParameter('documentId', 'The document.')],
    success: { status: 200, description: 'The file.', contentType: 'application/octet-stream' },
    errors: [
      BAD_IDS,
      err(404, ['not_found'], 'No such document of this consultation.'),
      ...OFFICE_ERRORS,
    ],
  },
  {
    method: 'DELETE',
    route: '/api/consultations/:consultationId/documents/:documentId',
    operationId: 'removeConsultationDocument',
    tag: 'Consultations',
    summary: 'The office removes a document.',
    auth: 'session',
    parameters: [consultationIdParameter, idParameter('documentId', 'The document.')],
    success: { status: 204, description: 'Removed.' },
    errors: [
      BAD_IDS,
      err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
      err(404, ['not_found'], 'No such document of this consultation.'),
      ...OFFICE_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/consultations/:consultationId/responses',
    operationId: 'listConsultationResponses',
    tag: 'Consultations',
    summary: 'Every response, verified or not, with names and e-mails until they are erased.',
    auth: 'session',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The responses.', schema: 'OfficeResponses' },
    errors: [BAD_IDS, ...OFFICE_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/consultations/:consultationId/opinions',
    operationId: 'listConsultationOpinions',
    tag: 'Consultations',
    summary: 'Every opinion; hidden ones with who hid them, when and why.',
    auth: 'session',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The opinions.', schema: 'OfficeOpinions' },
    errors: [BAD_IDS, ...OFFICE_ERRORS],
  },
  {
    method: 'POST',
    route: '/api/consultation-opinions/:opinionId/hide',
    operationId: 'hideConsultationOpinion',
    tag: 'Consultations',
    summary: 'Moderation: the office hides an opinion with a reason, kept on record.',
    description: 'Hiding again keeps the first reason. The public sees only the number hidden.',
    auth: 'session',
    parameters: [idParameter('opinionId', 'The opinion.')],
    body: { schema: 'HideOpinionRequest', description: 'The reason.' },
    success: { status: 200, description: 'The opinion.', schema: 'OfficeOpinion' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_OFFICE,
      err(404, ['not_found'], 'No such opinion.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/consultation-opinions/:opinionId/attachment',
    operationId: 'readConsultationOpinionAttachment',
    tag: 'Consultations',
    summary: 'An opinion\u2019s attachment, for the office, sent inline like documents.',
    auth: 'session',
    parameters: [idParameter('opinionId', 'The opinion.')],
    success: { status: 200, description: 'The file.', contentType: 'application/octet-stream' },
    errors: [
      BAD_IDS,
      ...SIGNED_IN_ERRORS,
      NOT_OFFICE,
      err(404, ['not_found'], 'No such opinion, or none attached.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/consultations/:consultationId/results',
    operationId: 'officeConsultationResults',
    tag: 'Consultations',
    summary: 'The results at any time, for the office.',
    auth: 'session',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The results.', schema: 'ConsultationResults' },
    errors: [BAD_IDS, ...OFFICE_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/consultations/:consultationId/results.csv',
    operationId: 'officeConsultationResultsCsv',
    tag: 'Consultations',
    summary: 'The results as CSV (RFC 4180, UTF-8 with BOM), for the office.',
    auth: 'session',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The table.', contentType: 'text/csv' },
    errors: [BAD_IDS, ...OFFICE_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/councils/:councilId/consultations',
    operationId: 'publicConsultations',
    tag: 'Consultations',
    summary: 'A council\u2019s published consultations with their status, without a sign-in.',
    auth: 'none',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The list.', schema: 'PublicConsultations' },
    errors: [BAD_COUNCIL_ID, err(404, ['not_found'], 'No such council.'), ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/agenda-items/:itemId/consultations',
    operationId: 'agendaItemConsultations',
    tag: 'Consultations',
    summary:
      'The published consultations about an agenda item\u2019s draft resolution, each with its results once finished.',
    description:
      'What councillors see on the item during the sitting; an item with none answers an empty list.',
    auth: 'none',
    parameters: [idParameter('itemId', 'The agenda item.')],
    success: { status: 200, description: 'The consultations.', schema: 'AgendaItemConsultations' },
    errors: [BAD_IDS, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/councils/:councilId/consultations.ics',
    operationId: 'consultationsCalendar',
    tag: 'Consultations',
    summary: 'An iCalendar feed of a council\u2019s published consultations, one event per period.',
    auth: 'none',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The feed.', contentType: 'text/calendar' },
    errors: [BAD_COUNCIL_ID, err(404, ['not_found'], 'No such council.'), ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/consultations/:consultationId',
    operationId: 'publicConsultation',
    tag: 'Consultations',
    summary: 'One published consultation with its documents and survey.',
    auth: 'none',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The consultation.', schema: 'PublicConsultation' },
    errors: [
      BAD_IDS,
      err(404, ['not_found'], 'No such consultation, or a draft.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/consultation-documents/:documentId',
    operationId: 'readConsultationDocument',
    tag: 'Consultations',
    summary: 'A document of a published consultation, sent inline like documents.',
    auth: 'none',
    parameters: [idParameter('documentId', 'The document.')],
    success: { status: 200, description: 'The file.', contentType: 'application/octet-stream' },
    errors: [
      BAD_IDS,
      err(404, ['not_found'], 'No such document, or one of a draft.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/public/consultations/:consultationId/responses',
    operationId: 'submitConsultationResponse',
    tag: 'Consultations',
    summary:
      'A resident answers the survey; the response counts once the e-mailed link confirms the address.',
    description:
      'One response per address and consultation, enforced by the database. A second one is ' +
      'refused with 409 `already_responded` (field `email`) and the address gets a fresh link ' +
      'to its response.' +
      HONEYPOT,
    auth: 'none',
    parameters: [consultationIdParameter],
    body: { schema: 'SubmitResponseRequest', description: 'The response.' },
    success: { status: 202, description: 'The link was sent.', schema: 'SubmissionAccepted' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      err(
        422,
        ['response_invalid'],
        'An answer does not fit the survey; `field` (`answers.<question id>`) and `issues` name each.',
      ),
      err(
        409,
        ['already_responded'],
        '`email`: this address has answered already; a link to that response was sent to it.',
      ),
      NOT_OPEN,
      err(404, ['not_found'], 'No such consultation, or a draft.'),
      RESIDENT_LIMIT,
      err(502, ['mail_failed'], 'The e-mail could not be sent.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/consultation-responses/:token',
    operationId: 'viewConsultationResponse',
    tag: 'Consultations',
    summary: 'The resident\u2019s response, through the link from their e-mail.',
    auth: 'none',
    parameters: [tokenParameter],
    success: { status: 200, description: 'The response.', schema: 'ResidentResponse' },
    errors: [
      err(400, ['validation_failed'], 'The token is malformed.'),
      LINK_INVALID,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/public/consultation-responses/:token/verify',
    operationId: 'verifyConsultationResponse',
    tag: 'Consultations',
    summary: 'The link confirms the address; from then on the response counts.',
    description: 'Only while the consultation is ongoing; confirming again changes nothing.',
    auth: 'none',
    parameters: [tokenParameter],
    success: { status: 200, description: 'The response.', schema: 'ResidentResponse' },
    errors: [
      err(400, ['validation_failed'], 'The token is malformed.'),
      LINK_INVALID,
      NOT_OPEN,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'PUT',
    route: '/api/public/consultation-responses/:token',
    operationId: 'editConsultationResponse',
    tag: 'Consultations',
    summary:
      'The resident changes their response through the link, until the end (this also confirms the address).',
    auth: 'none',
    parameters: [tokenParameter],
    body: { schema: 'EditResponseRequest', description: 'The new answers.' },
    success: { status: 200, description: 'The response.', schema: 'ResidentResponse' },
    errors: [
      ...WRITE_ERRORS,
      err(
        422,
        ['response_invalid'],
        'An answer does not fit the survey; `field` and `issues` name each.',
      ),
      LINK_INVALID,
      NOT_OPEN,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/public/consultations/:consultationId/opinions',
    operationId: 'submitConsultationOpinion',
    tag: 'Consultations',
    summary:
      'A resident sends an opinion to the office; it counts once the e-mailed link confirms the address.',
    description:
      'JSON, or multipart/form-data with the same fields and an optional file in a part named ' +
      '`file` (judged by content like documents).' +
      HONEYPOT,
    auth: 'none',
    parameters: [consultationIdParameter],
    body: { schema: 'SubmitOpinionRequest', description: 'The opinion.' },
    success: { status: 202, description: 'The link was sent.', schema: 'SubmissionAccepted' },
    errors: [
      BAD_IDS,
      ...WRITE_ERRORS,
      ...UPLOAD_ERRORS,
      NOT_OPEN,
      err(404, ['not_found'], 'No such consultation, or a draft.'),
      RESIDENT_LIMIT,
      err(502, ['mail_failed'], 'The e-mail could not be sent.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/consultation-opinions/:token',
    operationId: 'viewConsultationOpinion',
    tag: 'Consultations',
    summary: 'The resident\u2019s opinion, through the link from their e-mail.',
    auth: 'none',
    parameters: [tokenParameter],
    success: { status: 200, description: 'The opinion.', schema: 'ResidentOpinion' },
    errors: [
      err(400, ['validation_failed'], 'The token is malformed.'),
      LINK_INVALID,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/public/consultation-opinions/:token/verify',
    operationId: 'verifyConsultationOpinion',
    tag: 'Consultations',
    summary: 'The link confirms the opinion\u2019s address (while the consultation is ongoing).',
    auth: 'none',
    parameters: [tokenParameter],
    success: { status: 200, description: 'The opinion.', schema: 'ResidentOpinion' },
    errors: [
      err(400, ['validation_failed'], 'The token is malformed.'),
      LINK_INVALID,
      NOT_OPEN,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/consultations/:consultationId/results',
    operationId: 'publicConsultationResults',
    tag: 'Consultations',
    summary:
      'The results of a finished consultation: verified responses, visible opinions (names only with consent), hidden ones counted.',
    auth: 'none',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The results.', schema: 'ConsultationResults' },
    errors: [
      BAD_IDS,
      err(409, ['consultation_not_finished'], 'The consultation has not ended (`facts.endsAt`).'),
      err(404, ['not_found'], 'No such consultation, or a draft.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/consultations/:consultationId/results.csv',
    operationId: 'publicConsultationResultsCsv',
    tag: 'Consultations',
    summary: 'The results of a finished consultation as CSV (RFC 4180, UTF-8 with BOM).',
    auth: 'none',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The table.', contentType: 'text/csv' },
    errors: [
      BAD_IDS,
      err(409, ['consultation_not_finished'], 'The consultation has not ended (`facts.endsAt`).'),
      err(404, ['not_found'], 'No such consultation, or a draft.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/consultations/:consultationId/report.pdf',
    operationId: 'publicConsultationReportPdf',
    tag: 'Consultations',
    summary: 'The report of a finished consultation as a PDF, in the council\u2019s language.',
    description:
      'Counts and a bar per answer for every question, the written answers and the visible ' +
      'opinions (names only with consent; hidden ones counted). The same report is attached, ' +
      'once, to the agenda item of the draft resolution the consultation concerns.',
    auth: 'none',
    parameters: [consultationIdParameter],
    success: { status: 200, description: 'The report.', contentType: 'application/pdf' },
    errors: [
      BAD_IDS,
      err(409, ['consultation_not_finished'], 'The consultation has not ended (`facts.endsAt`).'),
      err(404, ['not_found'], 'No such consultation, or a draft.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/public/councils/:councilId/resident-data-requests',
    operationId: 'requestResidentData',
    tag: 'Consultations',
    summary:
      'A resident asks what the council keeps about an address; a link goes to it if anything is kept.',
    description: 'The answer is the same either way, so nobody learns who took part.' + HONEYPOT,
    auth: 'none',
    parameters: [councilIdParameter],
    body: { schema: 'ResidentDataRequest', description: 'The address.' },
    success: { status: 202, description: 'Accepted.', schema: 'SubmissionAccepted' },
    errors: [
      BAD_COUNCIL_ID,
      ...WRITE_ERRORS,
      err(404, ['not_found'], 'No such council.'),
      RESIDENT_LIMIT,
      err(502, ['mail_failed'], 'The e-mail could not be sent.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/resident-data/:token',
    operationId: 'residentData',
    tag: 'Consultations',
    summary: 'What the council keeps about the address: its responses and opinions.',
    auth: 'none',
    parameters: [tokenParameter],
    success: { status: 200, description: 'The data.', schema: 'ResidentData' },
    errors: [
      err(400, ['validation_failed'], 'The token is malformed.'),
      LINK_INVALID,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'DELETE',
    route: '/api/public/resident-data/:token',
    operationId: 'deleteResidentData',
    tag: 'Consultations',
    summary:
      'Deletes the address\u2019s entries: while a consultation runs entirely, after its end only the name and e-mail (the answers are in its results).',
    auth: 'none',
    parameters: [tokenParameter],
    success: {
      status: 200,
      description: 'What was deleted and anonymised.',
      schema: 'ResidentDataDeletion',
    },
    errors: [
      err(400, ['validation_failed'], 'The token is malformed.'),
      err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
      LINK_INVALID,
      RESIDENT_LIMIT,
      ...SERVER_ERRORS,
    ],
  },
];

const oparlObjectSchema: JsonSchema = {
  type: 'object',
  description:
    'An OParl 1.1 object (https://oparl.org/spezifikation/): `type` names its schema ' +
    '(`https://schema.oparl.org/1.1/Meeting`, ...), `id` is its URL; every object has ' +
    '`created` and `modified`, and a deleted one `deleted: true`.',
  properties: {
    id: { type: 'string', format: 'uri' },
    type: { type: 'string', pattern: '^https://schema\\.oparl\\.org/1\\.1/' },
    created: { type: 'string', format: 'date-time' },
    modified: { type: 'string', format: 'date-time' },
    deleted: { type: 'boolean' },
  },
  required: ['id', 'type'],
};

const oparlListSchema: JsonSchema = {
  type: 'object',
  description: 'A page of an OParl list, with where it stands and links to the other pages.',
  properties: {
    data: { type: 'array', items: { $ref: '#/components/schemas/OparlObject' } },
    pagination: {
      type: 'object',
      properties: {
        totalElements: { type: 'integer' },
        elementsPerPage: { type: 'integer' },
        currentPage: { type: 'integer' },
        totalPages: { type: 'integer' },
      },
      required: ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages'],
    },
    links: {
      type: 'object',
      properties: {
        first: { type: 'string', format: 'uri' },
        prev: { type: 'string', format: 'uri' },
        next: { type: 'string', format: 'uri' },
        last: { type: 'string', format: 'uri' },
        self: { type: 'string', format: 'uri' },
      },
      required: ['first', 'last', 'self'],
    },
  },
  required: ['data', 'pagination', 'links'],
};

const OPARL_DESCRIPTION =
  'OParl 1.1, no sign-in, public data only (no draft sitting, no private document, no e-mail ' +
  'address). Every answer, errors and preflights included, carries ' +
  '`Access-Control-Allow-Origin: *`. Ids are URLs built from the public origin (`PUBLIC_URL`).';

const oparlListParameters: readonly ParameterSpec[] = [
  ...(['created_since', 'created_until', 'modified_since', 'modified_until'] as const).map(
    (name): ParameterSpec => ({
      name,
      in: 'query',
      required: false,
      description: `Only objects whose \`${name.split('_')[0]!}\` is ${
        name.endsWith('since') ? 'at or after' : 'at or before'
      } this ISO 8601 date and time with a zone (e.g. \`2026-01-31T00:00:00+01:00\`).`,
      schema: { type: 'string', format: 'date-time' },
    }),
  ),
  {
    name: 'limit',
    in: 'query',
    required: false,
    description: 'Objects per page: 1 to 500, 100 unless given.',
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
  {
    name: 'page',
    in: 'query',
    required: false,
    description: 'The page, from 1; follow `links.next` rather than counting.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
];

const oparlIdParameter = (name: string, description: string): ParameterSpec => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', format: 'uuid' },
});

const OPARL_BODY_LISTS: readonly (readonly [string, string, string])[] = [
  [
    'organizations',
    'listOparlOrganizations',
    'The council\u2019s bodies (plenary, committees) as Organizations.',
  ],
  [
    'persons',
    'listOparlPersons',
    'Persons with a seat in one of the council\u2019s bodies, with their Memberships.',
  ],
  ['memberships', 'listOparlMemberships', 'The seats in the council\u2019s bodies.'],
  [
    'meetings',
    'listOparlMeetings',
    'Sittings that are not drafts, with their agenda items and public files.',
  ],
  [
    'agenda-items',
    'listOparlAgendaItems',
    'Agenda items of those sittings; removed ones as deleted.',
  ],
  [
    'papers',
    'listOparlPapers',
    'Draft resolutions on those agendas, with their public files; removed ones as deleted.',
  ],
  ['consultations', 'listOparlConsultations', 'Each Paper on its Meeting\u2019s agenda item.'],
  ['files', 'listOparlFiles', 'Public documents of those sittings.'],
  [
    'locations',
    'listOparlLocations',
    'Places of those sittings (one Location per sitting with a place).',
  ],
  ['legislative-terms', 'listOparlLegislativeTerms', 'The council\u2019s terms of office.'],
];

const OPARL_OBJECTS: readonly (readonly [string, string, string])[] = [
  ['organizations', 'readOparlOrganization', 'An Organization: a body of a council.'],
  ['persons', 'readOparlPerson', 'A Person with a seat, and the seats.'],
  ['memberships', 'readOparlMembership', 'A Membership: a seat in a body.'],
  ['meetings', 'readOparlMeeting', 'A Meeting: a sitting that is not a draft.'],
  [
    'agenda-items',
    'readOparlAgendaItem',
    'An AgendaItem (deleted: true once removed from a public agenda).',
  ],
  ['papers', 'readOparlPaper', 'A Paper: a draft resolution on a sitting\u2019s agenda.'],
  [
    'consultations',
    'readOparlConsultation',
    'A Consultation: a Paper on a Meeting\u2019s agenda item.',
  ],
  ['files', 'readOparlFile', 'A File: a public document, downloaded from `accessUrl`.'],
  ['locations', 'readOparlLocation', 'A Location: the place of a sitting.'],
  ['legislative-terms', 'readOparlLegislativeTerm', 'A LegislativeTerm: a term of office.'],
];

const OPARL_LIST_ERRORS = [
  err(
    400,
    ['validation_failed'],
    'An id is not a UUID, or a filter, `limit` or `page` is not valid; `field` names it.',
  ),
  ...SERVER_ERRORS,
];

const OPARL_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/oparl/v1.1/system',
    operationId: 'readOparlSystem',
    tag: 'Open data',
    summary: 'The OParl System: the entry point, with the list of bodies (one per council).',
    description: OPARL_DESCRIPTION,
    auth: 'none',
    success: { status: 200, description: 'The System object.', schema: 'OparlObject' },
    errors: [...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/oparl/v1.1/bodies',
    operationId: 'listOparlBodies',
    tag: 'Open data',
    summary: 'Every council of this installation as an OParl Body.',
    description: OPARL_DESCRIPTION,
    auth: 'none',
    parameters: oparlListParameters,
    success: { status: 200, description: 'A page of Bodies.', schema: 'OparlList' },
    errors: OPARL_LIST_ERRORS,
  },
  {
    method: 'GET',
    route: '/oparl/v1.1/bodies/:bodyId',
    operationId: 'readOparlBody',
    tag: 'Open data',
    summary: 'A council as an OParl Body, with the URLs of its lists and its terms.',
    description: OPARL_DESCRIPTION,
    auth: 'none',
    parameters: [oparlIdParameter('bodyId', 'The council.')],
    success: { status: 200, description: 'The Body.', schema: 'OparlObject' },
    errors: [
      err(400, ['validation_failed'], 'The id is not a UUID.'),
      err(404, ['not_found'], 'No such council.'),
      ...SERVER_ERRORS,
    ],
  },
  ...OPARL_BODY_LISTS.map(([list, operationId, summary]): OperationSpec => ({
    method: 'GET',
    route: `/oparl/v1.1/bodies/:bodyId/${list}`,
    operationId,
    tag: 'Open data',
    summary,
    description: OPARL_DESCRIPTION,
    auth: 'none',
    parameters: [oparlIdParameter('bodyId', 'The council.'), ...oparlListParameters],
    success: { status: 200, description: 'A page of the list.', schema: 'OparlList' },
    errors: [...OPARL_LIST_ERRORS, err(404, ['not_found'], 'No such council.')],
  })),
  {
    method: 'GET',
    route: '/oparl/v1.1/organizations/:id/meetings',
    operationId: 'listOparlOrganizationMeetings',
    tag: 'Open data',
    summary: 'One body\u2019s sittings that are not drafts, as Meetings.',
    description: OPARL_DESCRIPTION,
    auth: 'none',
    parameters: [oparlIdParameter('id', 'The body.'), ...oparlListParameters],
    success: { status: 200, description: 'A page of Meetings.', schema: 'OparlList' },
    errors: [...OPARL_LIST_ERRORS, err(404, ['not_found'], 'No such body.')],
  },
  ...OPARL_OBJECTS.map(([path, operationId, summary]): OperationSpec => ({
    method: 'GET',
    route: `/oparl/v1.1/${path}/:id`,
    operationId,
    tag: 'Open data',
    summary,
    description: OPARL_DESCRIPTION,
    auth: 'none',
    parameters: [oparlIdParameter('id', 'The object\u2019s id (the last part of its URL).')],
    success: { status: 200, description: 'The object.', schema: 'OparlObject' },
    errors: [
      err(400, ['validation_failed'], 'The id is not a UUID.'),
      err(
        404,
        ['not_found'],
        'No such object, or not public (a draft sitting, a private document).',
      ),
      ...SERVER_ERRORS,
    ],
  })),
  {
    method: 'OPTIONS',
    route: '/oparl/v1.1/*',
    operationId: 'oparlPreflight',
    tag: 'Open data',
    summary: 'The CORS preflight of any OParl URL: GET is allowed from any origin.',
    auth: 'none',
    success: {
      status: 204,
      description: 'Allowed.',
      headers: {
        'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } },
        'Access-Control-Allow-Methods': { schema: { type: 'string' } },
      },
    },
    errors: [],
  },
];

// Open data: a sitting's closed votes, named lists, Popolo, recording chapters, council tables.

const voteIdParameter: ParameterSpec = {
  name: 'voteId',
  in: 'path',
  required: true,
  description: 'The vote, as its sitting names it.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
};
const BAD_VOTE_PATH = err(
  400,
  ['validation_failed'],
  'The sitting id is not a UUID, or the vote id not 1 to 64 letters, digits, "_" or "-"; `field` names it.',
);
const NO_PUBLIC_SITTING = err(404, ['not_found'], 'No such sitting, or a draft (the same answer).');
const NO_NAMED_LIST = err(
  404,
  ['not_found'],
  'No such sitting (or a draft), or no closed named vote with this id in it: a vote still ' +
    'running, an open or secret vote (counts only, in `votes.json`) or an annulled one has no list.',
);

const OPEN_DATA_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/votes.json',
    operationId: 'sittingVotes',
    tag: 'Open data',
    summary:
      'A sitting\u2019s closed votes: subject, item, kind, rule, counts, outcome with its arithmetic.',
    description:
      'No sign-in. Published the moment each vote closes, also while the sitting goes on. ' +
      'Secret and open votes carry counts and participation numbers only. See docs/open-data.md.',
    auth: 'none',
    parameters: [sittingIdParameter],
    success: {
      status: 200,
      description: 'The votes, in the order they opened.',
      schema: 'PublicVotes',
    },
    errors: [BAD_SITTING_ID, NO_PUBLIC_SITTING, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/votes/:voteId/list.json',
    operationId: 'namedVoteList',
    tag: 'Open data',
    summary:
      'A closed named vote\u2019s list: every member\u2019s choice, absent members included.',
    auth: 'none',
    parameters: [sittingIdParameter, voteIdParameter],
    success: { status: 200, description: 'The vote and its list.', schema: 'NamedList' },
    errors: [BAD_VOTE_PATH, NO_NAMED_LIST, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/votes/:voteId/list.csv',
    operationId: 'namedVoteListCsv',
    tag: 'Open data',
    summary: 'The same named list as CSV (RFC 4180, UTF-8 with a byte order mark).',
    description: 'Columns: `memberId`, `name`, `choice`, `enteredByOperator` (`yes`/`no`).',
    auth: 'none',
    parameters: [sittingIdParameter, voteIdParameter],
    success: { status: 200, description: 'The list.', contentType: 'text/csv' },
    errors: [BAD_VOTE_PATH, NO_NAMED_LIST, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/votes/:voteId/popolo.json',
    operationId: 'popoloVoteEvent',
    tag: 'Open data',
    summary: 'A closed vote as a Popolo VoteEvent: motion, counts and, if named, each vote.',
    auth: 'none',
    parameters: [sittingIdParameter, voteIdParameter],
    success: { status: 200, description: 'The VoteEvent.', schema: 'PopoloVoteEvent' },
    errors: [
      BAD_VOTE_PATH,
      err(404, ['not_found'], 'No such sitting (or a draft), or no closed vote with this id.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/popolo.json',
    operationId: 'popoloSitting',
    tag: 'Open data',
    summary: 'Every closed vote of a sitting as Popolo VoteEvents.',
    auth: 'none',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The VoteEvents.', schema: 'PopoloVoteEvents' },
    errors: [BAD_SITTING_ID, NO_PUBLIC_SITTING, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/chapters.vtt',
    operationId: 'recordingChapters',
    tag: 'Open data',
    summary: 'Chapters of the sitting\u2019s recording as WebVTT: agenda items and votes.',
    description:
      'One cue per stretch during which an agenda item was current and one per vote (opened to ' +
      'closed), timed from the recording\u2019s start; vote cues begin with the word for a vote ' +
      'in the council\u2019s language.',
    auth: 'none',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The chapters.', contentType: 'text/vtt' },
    errors: [
      BAD_SITTING_ID,
      err(404, ['not_found'], 'No such sitting (or a draft), or it has no recording set.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/councils/:councilId/open-data/:file',
    operationId: 'councilOpenData',
    tag: 'Open data',
    summary: 'A council\u2019s sittings, agenda items, votes or named ballots as CSV or JSON.',
    description:
      'Every sitting that is not a draft. CSV: RFC 4180, a header row, CRLF, UTF-8 with a byte ' +
      'order mark, columns in a fixed order; JSON: `{ councilId, <table>: [...] }` with the ' +
      'same keys. See docs/open-data.md.',
    auth: 'none',
    parameters: [
      councilIdParameter,
      {
        name: 'file',
        in: 'path',
        required: true,
        description: 'The table and its format.',
        schema: {
          type: 'string',
          enum: [...OPEN_DATA_FILES],
        },
      },
    ],
    success: {
      status: 200,
      description: 'The table (text/csv or application/json).',
      contentType: 'text/csv',
    },
    errors: [
      err(
        400,
        ['validation_failed'],
        'The council id is not a UUID, or no such file; `field` names it.',
      ),
      err(404, ['not_found'], 'No such council.'),
      ...SERVER_ERRORS,
    ],
  },
];

const DOWNLOAD_HEADERS: JsonSchema = {
  ETag: {
    description: 'Changes with the sitting\u2019s log; send it back in If-None-Match for a 304.',
    schema: { type: 'string' },
  },
  'Content-Disposition': {
    description: 'attachment, with an ASCII filename and the name in the council\u2019s language.',
    schema: { type: 'string' },
  },
};

const MINUTES_DESCRIPTION =
  'Built from the sitting\u2019s log whenever asked, in the council\u2019s default language ' +
  'and time zone: opening and closing, breaks, attendance, the agenda as adopted and its ' +
  'changes, speeches and votes per item (counts, outcome with its arithmetic, named lists). ' +
  'Only for a sitting that is not a draft and whose log has started; an open sitting\u2019s ' +
  'minutes show it as it stands. 304 when If-None-Match matches the ETag.';

/** The minutes and the named vote lists, public documents built from the log. */
const MINUTES_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/minutes.pdf',
    operationId: 'sittingMinutesPdf',
    tag: 'Sittings',
    summary: 'The minutes of a sitting as PDF.',
    description: MINUTES_DESCRIPTION,
    auth: 'none',
    parameters: [sittingIdParameter],
    success: {
      status: 200,
      description: 'The PDF file.',
      contentType: 'application/pdf',
      headers: DOWNLOAD_HEADERS,
    },
    errors: [
      err(400, ['validation_failed'], 'The sitting id is not a UUID.'),
      err(404, ['not_found'], 'No such sitting, a draft, or one whose log has not started.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/minutes.docx',
    operationId: 'sittingMinutesDocx',
    tag: 'Sittings',
    summary: 'The minutes of a sitting as a Word document (DOCX) for the office to edit.',
    description: MINUTES_DESCRIPTION,
    auth: 'none',
    parameters: [sittingIdParameter],
    success: {
      status: 200,
      description: 'The DOCX file.',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      headers: DOWNLOAD_HEADERS,
    },
    errors: [
      err(400, ['validation_failed'], 'The sitting id is not a UUID.'),
      err(404, ['not_found'], 'No such sitting, a draft, or one whose log has not started.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/votes/:voteId/list.pdf',
    operationId: 'namedVoteListPdf',
    tag: 'Sittings',
    summary: 'The named list of a closed named vote as PDF.',
    description:
      'Public from the moment the vote closes, also while the sitting is still open: each ' +
      'member\u2019s choice, who did not vote, who was absent, the counts and the outcome with ' +
      'its arithmetic, in the council\u2019s default language.',
    auth: 'none',
    parameters: [
      sittingIdParameter,
      {
        name: 'voteId',
        in: 'path',
        required: true,
        description: 'The vote, as named when it was opened.',
        schema: { type: 'string', minLength: 1, maxLength: 64 },
      },
    ],
    success: {
      status: 200,
      description: 'The PDF file.',
      contentType: 'application/pdf',
      headers: DOWNLOAD_HEADERS,
    },
    errors: [
      err(400, ['validation_failed'], 'The sitting id is not a UUID or the vote id is too long.'),
      err(
        404,
        ['not_found'],
        'No such sitting (or a draft, or not started), or no closed named vote of that id in it.',
      ),
      ...SERVER_ERRORS,
    ],
  },
];

// The public portal: HTML pages for people, answering HTML pages for their errors too.

const PORTAL_LANGUAGE: ParameterSpec = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    'The page\u2019s language; remembered in a cookie. Without it: the cookie, then ' +
    'Accept-Language, then the council\u2019s default language.',
  schema: { type: 'string', enum: [...LANGUAGES] },
};
const PORTAL_BAD = {
  status: 400,
  description: 'A page naming the bad parameter (an id that is not a UUID, an unknown language).',
};
const PORTAL_MISSING = {
  status: 404,
  description: 'A page saying there is no such page: an unknown id, or a draft sitting.',
};
const portalPage = (
  route: string,
  operationId: string,
  summary: string,
  parameters: readonly ParameterSpec[],
  description?: string,
): OperationSpec => ({
  method: 'GET',
  route,
  operationId,
  tag: 'Portal',
  summary,
  ...(description === undefined ? {} : { description }),
  auth: 'none',
  parameters: [...parameters, PORTAL_LANGUAGE],
  success: { status: 200, description: 'The page (HTML, no script).', contentType: HTML_TYPE },
  errors: SERVER_ERRORS,
  htmlErrors: [PORTAL_BAD, PORTAL_MISSING],
});

/** A portal form's POST: multipart/form-data in, the next page (HTML) out. */
const portalForm = (
  route: string,
  operationId: string,
  summary: string,
  description: string | undefined,
  parameters: readonly ParameterSpec[],
  htmlErrors: readonly { status: number; description: string }[],
): OperationSpec => ({
  method: 'POST',
  route,
  operationId,
  tag: 'Portal',
  summary,
  ...(description === undefined ? {} : { description }),
  auth: 'none',
  parameters: [...parameters, PORTAL_LANGUAGE],
  success: { status: 200, description: 'The next page (HTML).', contentType: HTML_TYPE },
  errors: SERVER_ERRORS,
  htmlErrors,
});

const PORTAL_OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/portal/portal.css',
    operationId: 'portalStylesheet',
    tag: 'Portal',
    summary: 'The portal\u2019s stylesheet.',
    auth: 'none',
    success: { status: 200, description: 'The stylesheet.', contentType: 'text/css' },
    errors: SERVER_ERRORS,
  },
  {
    method: 'GET',
    route: '/portal/portal.js',
    operationId: 'portalScript',
    tag: 'Portal',
    summary:
      'The portal\u2019s one script: a sitting page says when the sitting moved on, and chapters seek the player.',
    auth: 'none',
    success: { status: 200, description: 'The script.', contentType: 'text/javascript' },
    errors: SERVER_ERRORS,
  },
  portalPage(
    '/portal',
    'portalLanding',
    'The portal\u2019s home: every council, upcoming sittings, the platform\u2019s figures.',
    [],
  ),
  portalPage(
    '/portal/councils/:councilId',
    'portalCouncil',
    'A council\u2019s upcoming and past sittings by body, its councillors and links.',
    [councilIdParameter],
  ),
  portalPage(
    '/portal/councils/:councilId/interpellations',
    'portalInterpellations',
    'A council\u2019s interpellations and questions with their answers.',
    [councilIdParameter],
  ),
  portalPage(
    '/portal/councils/:councilId/resolutions',
    'portalRegister',
    'A council\u2019s register of resolutions, newest first, with their numbers and outcomes.',
    [
      councilIdParameter,
      ...(['term', 'body'] as const).map((name): ParameterSpec => ({
        name,
        in: 'query',
        required: false,
        description: `Only this ${name}\u2019s resolutions (empty: any).`,
        schema: { type: 'string' },
      })),
      {
        name: 'year',
        in: 'query',
        required: false,
        description: 'Only those voted on in this year (empty: any).',
        schema: { type: 'string' },
      },
      {
        name: 'outcome',
        in: 'query',
        required: false,
        description: '`adopted` or `rejected` (empty: any).',
        schema: { type: 'string', enum: ['', 'adopted', 'rejected'] },
      },
      {
        name: 'q',
        in: 'query',
        required: false,
        description: 'Words of the title, or a resolution\u2019s number.',
        schema: { type: 'string', maxLength: 200 },
      },
    ],
  ),
  portalPage(
    '/portal/councils/:councilId/search',
    'portalSearch',
    'Full-text search of a council\u2019s agenda items and public documents.',
    [
      councilIdParameter,
      {
        name: 'q',
        in: 'query',
        required: false,
        description: 'Words to find (web search syntax: "quoted phrase", -excluded, or).',
        schema: { type: 'string', maxLength: 200 },
      },
    ],
  ),
  portalPage(
    '/portal/sittings/:sittingId',
    'portalSitting',
    'A sitting: its facts, numbered agenda, public documents and the results of its votes.',
    [sittingIdParameter],
  ),
  portalPage(
    '/portal/sittings/:sittingId/record',
    'portalSittingRecord',
    'A sitting\u2019s public record checked as anyone can check it, and how to do it oneself.',
    [sittingIdParameter],
  ),
  portalPage(
    '/portal/sittings/:sittingId/speak',
    'portalSpeakForm',
    'A resident\u2019s request to speak at a convened sitting: the form, or why it is closed.',
    [sittingIdParameter],
  ),
  {
    method: 'POST',
    route: '/portal/sittings/:sittingId/speak',
    operationId: 'portalSpeak',
    tag: 'Portal',
    summary: 'File a request to speak (the form\u2019s fields as multipart/form-data).',
    description:
      'Fields `name`, `email`, `itemId`, `summary`, an optional file `attachment` (at most 5 MiB: ' +
      'PDF, DOCX, ODT, PNG, JPEG, WebP) and the honeypot `website`, left empty by people. A ' +
      'confirmation link goes to the address; the request counts once it is confirmed. At most ' +
      '`PUBLIC_FORM_RATE_LIMIT` (10) requests an hour from one network address and 5 a day from one ' +
      'e-mail address.',
    auth: 'none',
    parameters: [sittingIdParameter, PORTAL_LANGUAGE],
    success: {
      status: 201,
      description: 'The page saying where the link went.',
      contentType: HTML_TYPE,
    },
    errors: SERVER_ERRORS,
    htmlErrors: [
      { status: 400, description: 'A field is missing or wrong: the form again, naming it.' },
      { status: 409, description: 'Requests are closed (the deadline passed): the page says so.' },
      { status: 413, description: 'The attachment is too large: the form again, saying so.' },
      {
        status: 422,
        description: 'The item or the attachment is refused: the form again, saying why.',
      },
      {
        status: 429,
        description: 'Too many requests from the address or the network: the form again.',
      },
    ],
  },
  portalPage(
    '/portal/speech-requests/confirm',
    'portalSpeakConfirmForm',
    'The confirmation link\u2019s page: opening it changes nothing; its button confirms.',
    [
      {
        name: 'token',
        in: 'query',
        required: true,
        description: 'The token of the link sent by e-mail.',
        schema: { type: 'string', maxLength: 200 },
      },
    ],
  ),
  {
    method: 'POST',
    route: '/portal/speech-requests/confirm',
    operationId: 'portalSpeakConfirm',
    tag: 'Portal',
    summary: 'Confirm a request to speak (the link\u2019s `token` as multipart/form-data).',
    auth: 'none',
    parameters: [PORTAL_LANGUAGE],
    success: {
      status: 200,
      description: 'The request is confirmed (HTML).',
      contentType: HTML_TYPE,
    },
    errors: SERVER_ERRORS,
    htmlErrors: [
      { status: 404, description: 'The link names no request (or a newer link replaced it).' },
      { status: 409, description: 'Too late: the deadline for requests has passed.' },
    ],
  },
  portalPage(
    '/portal/councils/:councilId/consultations',
    'portalConsultations',
    'A council\u2019s consultations: ongoing, planned and finished, a month as a table, the iCalendar feed.',
    [
      councilIdParameter,
      {
        name: 'month',
        in: 'query',
        required: false,
        description:
          'The month shown as a table, `YYYY-MM` (default: this month on the council\u2019s clock).',
        schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
      },
    ],
  ),
  portalPage(
    '/portal/consultations/:consultationId',
    'portalConsultation',
    'A published consultation: its facts, documents and draft resolution; while it runs, the survey and the opinion form.',
    [consultationIdParameter],
  ),
  portalForm(
    '/portal/consultations/:consultationId/response',
    'portalConsultationRespond',
    'Answer a consultation\u2019s survey (the form\u2019s fields as multipart/form-data).',
    'Each question by its place: `q<n>` (a choice\u2019s option id, a scale\u2019s number, a text), ' +
      '`q<n>-<m>` for the m-th option of a multiple choice (any value: chosen) or a ranking (its ' +
      'place, 1 first); `name`, `email`, `consent` (`yes`: the name may be published) and the ' +
      'honeypot `website`. A link to confirm the address goes to it; the response counts once ' +
      'confirmed. At most `PUBLIC_FORM_RATE_LIMIT` forms an hour from one network address.',
    [consultationIdParameter],
    [
      { status: 400, description: 'A field or an answer is wrong: the form again, naming it.' },
      {
        status: 409,
        description:
          'The address has answered already (a link to that response is e-mailed to it), or the consultation is not open: the page says so.',
      },
      {
        status: 422,
        description: 'An answer does not fit its question: the form again, naming the question.',
      },
      { status: 429, description: 'Too many forms from the network address: the form again.' },
      { status: 502, description: 'The e-mail could not be sent: the form again, saying so.' },
    ],
  ),
  portalForm(
    '/portal/consultations/:consultationId/opinion',
    'portalConsultationOpinion',
    'Send an opinion to the council office (multipart/form-data).',
    'Fields `text`, an optional file `file` (the documents\u2019 size limit; PDF, DOCX, ODT, PNG, ' +
      'JPEG, WebP), `name`, `email`, `consent` and the honeypot `website`. A link to confirm the ' +
      'address goes to it; the opinion reaches the office once confirmed.',
    [consultationIdParameter],
    [
      { status: 400, description: 'A field is missing or wrong: the form again, naming it.' },
      { status: 409, description: 'The consultation is not open: the page says so.' },
      { status: 413, description: 'The file is too large: the form again, saying so.' },
      { status: 422, description: 'The file\u2019s kind is refused: the form again, saying so.' },
      { status: 429, description: 'Too many forms from the network address: the form again.' },
      { status: 502, description: 'The e-mail could not be sent: the form again, saying so.' },
    ],
  ),
  portalPage(
    '/portal/consultations/:consultationId/results',
    'portalConsultationResults',
    'The results of a finished consultation: counts and bars per question, the opinions, the CSV (409 before the end, saying when).',
    [consultationIdParameter],
  ),
  portalPage(
    '/portal/consultation-responses/:token',
    'portalConsultationResponse',
    'A response\u2019s e-mailed link: opening it changes nothing; it shows the response, a button to confirm the address and, while the consultation runs, the survey to edit.',
    [tokenParameter],
  ),
  portalForm(
    '/portal/consultation-responses/:token',
    'portalConsultationResponseEdit',
    'Save a changed response through its link (the survey\u2019s fields, `name`, `consent`); saving also confirms the address.',
    undefined,
    [tokenParameter],
    [
      { status: 400, description: 'An answer is wrong: the form again, naming the question.' },
      { status: 404, description: 'The link names no response (any more).' },
      { status: 409, description: 'The consultation has ended: the page says so.' },
      { status: 422, description: 'An answer does not fit its question: the form again.' },
    ],
  ),
  portalForm(
    '/portal/consultation-responses/:token/confirm',
    'portalConsultationResponseConfirm',
    'Confirm the address of a response (the button on the link\u2019s page); from then on it counts.',
    undefined,
    [tokenParameter],
    [
      { status: 404, description: 'The link names no response (any more).' },
      {
        status: 409,
        description: 'The consultation has ended: an unconfirmed response no longer counts.',
      },
    ],
  ),
  portalPage(
    '/portal/consultation-opinions/:token',
    'portalConsultationOpinionLink',
    'An opinion\u2019s e-mailed link: opening it changes nothing; it shows the opinion and a button to confirm the address.',
    [tokenParameter],
  ),
  portalForm(
    '/portal/consultation-opinions/:token',
    'portalConsultationOpinionConfirm',
    'Confirm the address of an opinion (the button on the link\u2019s page); it then reaches the office.',
    undefined,
    [tokenParameter],
    [
      { status: 404, description: 'The link names no opinion (any more).' },
      {
        status: 409,
        description: 'The consultation has ended: the opinion can no longer be confirmed.',
      },
    ],
  ),
  portalPage(
    '/portal/councils/:councilId/resident-data',
    'portalResidentDataForm',
    'A resident asks what the council keeps about an e-mail address from consultations: the form.',
    [councilIdParameter],
  ),
  portalForm(
    '/portal/councils/:councilId/resident-data',
    'portalResidentDataRequest',
    'Ask for the link to what is kept about an address (`email` and the honeypot `website`, multipart/form-data).',
    'The page reads the same whether or not anything is kept; only an address with entries gets ' +
      'a link, valid for 24 hours.',
    [councilIdParameter],
    [
      { status: 400, description: 'The address is missing or wrong: the form again, naming it.' },
      { status: 429, description: 'Too many forms from the network address: the form again.' },
      { status: 502, description: 'The e-mail could not be sent: the form again, saying so.' },
    ],
  ),
  portalPage(
    '/portal/resident-data/:token',
    'portalResidentData',
    'A data request\u2019s e-mailed link: what is kept about the address, and a button to delete it (opening deletes nothing).',
    [tokenParameter],
  ),
  portalForm(
    '/portal/resident-data/:token',
    'portalResidentDataDelete',
    'Delete what is kept about the link\u2019s address: entries of running consultations go, finished ones lose the name and e-mail.',
    undefined,
    [tokenParameter],
    [{ status: 404, description: 'The link is not valid (any more).' }],
  ),
  portalPage(
    '/portal/verify',
    'portalVerifyForm',
    'A form to check a saved copy of a sitting\u2019s record.',
    [],
  ),
  {
    method: 'POST',
    route: '/portal/verify',
    operationId: 'portalVerify',
    tag: 'Portal',
    summary: 'Check a saved copy of a sitting\u2019s record (a form\u2019s upload, `record`).',
    description:
      'multipart/form-data with the file as `record`. The server reads only the file it is ' +
      'sent (it fetches nothing) and answers a page saying "verified" or naming the first event ' +
      'that does not match.',
    auth: 'none',
    parameters: [PORTAL_LANGUAGE],
    success: { status: 200, description: 'The verdict (HTML, no script).', contentType: HTML_TYPE },
    errors: SERVER_ERRORS,
    htmlErrors: [
      { status: 400, description: 'No file was sent: the form again, saying so.' },
      { status: 413, description: 'The file is too large: the form again, saying so.' },
    ],
  },
  portalPage(
    '/portal/sittings/:sittingId/votes/:voteId',
    'portalVote',
    'One closed vote: its result and arithmetic, each member\u2019s choice (named votes), the absent.',
    [
      sittingIdParameter,
      {
        name: 'voteId',
        in: 'path',
        required: true,
        description: 'The vote, as the sitting\u2019s log names it.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
      },
    ],
  ),
  portalPage(
    '/portal/persons/:personId',
    'portalPerson',
    'A councillor: seats, attendance and every named vote with their choice.',
    [
      {
        name: 'personId',
        in: 'path',
        required: true,
        description: 'The person.',
        schema: { type: 'string', format: 'uuid' },
      },
      {
        name: 'body',
        in: 'query',
        required: false,
        description: 'Only votes of this body.',
        schema: { type: 'string', format: 'uuid' },
      },
      {
        name: 'year',
        in: 'query',
        required: false,
        description: 'Only votes of sittings in this year.',
        schema: { type: 'integer', minimum: 1900, maximum: 2999 },
      },
      {
        name: 'choice',
        in: 'query',
        required: false,
        description: 'Only votes where the person chose this.',
        schema: { type: 'string', enum: ['for', 'against', 'abstain', 'not_voting', 'absent'] },
      },
    ],
  ),
];

const OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'GET',
    route: '/health',
    operationId: 'health',
    tag: 'Service',
    summary: 'Is the server up and is its database reachable?',
    auth: 'none',
    success: { status: 200, description: 'Up, with its database.', schema: 'Health' },
    errors: [],
    // Answered by the route itself, not in the error shape: monitors read `status`.
    otherAnswers: [
      { status: 503, description: 'The database is not reachable.', schema: 'Health' },
    ],
  },
  {
    method: 'POST',
    route: '/api/auth/login',
    operationId: 'login',
    tag: 'Accounts',
    summary: 'Sign in with e-mail and password.',
    description:
      'Sets the session cookie. Attempts are limited per address and per account (429 with ' +
      '`facts.retryAfterSeconds`). For an account with a second factor the right password sets ' +
      'no cookie: the answer is `{ secondFactorRequired: true, challenge, expiresAt }`, to be ' +
      'completed at `POST /api/auth/login/second-factor`.',
    auth: 'none',
    body: { schema: 'LoginRequest', description: 'The e-mail is trimmed and lower-cased.' },
    success: {
      status: 200,
      description:
        'Signed in: the user, and the session cookie; or, with a second factor, its challenge.',
      schema: 'LoginResponse',
      headers: {
        'Set-Cookie': {
          description: `${SESSION_COOKIE}=<token>; HttpOnly; SameSite=Lax; Path=/; Expires=<date> (Secure over https).`,
          schema: { type: 'string' },
        },
      },
    },
    errors: [
      ...WRITE_ERRORS,
      err(401, ['invalid_credentials'], 'The e-mail or the password is wrong.'),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.', {
        type: 'object',
        properties: { retryAfterSeconds: { type: 'integer', minimum: 0 } },
      }),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/auth/login/second-factor',
    operationId: 'loginSecondFactor',
    tag: 'Accounts',
    summary: 'The code step of a sign-in: answer the password\u2019s challenge with a code.',
    description:
      'A 6-digit code from the authenticator app (one 30-second step either side of now, never ' +
      'the same step twice), or a recovery code, which is then used up. Sets the session cookie ' +
      'exactly as a password sign-in does. The challenge lasts five minutes and works once; ' +
      'wrong codes count toward the account\u2019s sign-in limit, and the fifth makes the ' +
      'challenge void.',
    auth: 'none',
    body: { schema: 'SecondFactorLoginRequest', description: 'The challenge and the code.' },
    success: {
      status: 200,
      description: 'Signed in: the user, and the session cookie.',
      schema: 'CurrentUser',
    },
    errors: [
      ...WRITE_ERRORS,
      err(
        401,
        ['code_invalid'],
        'The code is wrong, expired or already used; `field` is code, `facts.attemptsLeft` ' +
          'says how many tries the challenge has left.',
        { type: 'object', properties: { attemptsLeft: { type: 'integer', minimum: 1 } } },
      ),
      err(
        401,
        ['challenge_invalid'],
        'The challenge expired, was used, or took too many wrong codes: sign in again.',
      ),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/me/second-factor',
    operationId: 'secondFactorStatus',
    tag: 'Accounts',
    summary:
      'Whether the signed-in user\u2019s second factor is on, and how many recovery codes are left.',
    auth: 'session',
    success: { status: 200, description: 'The state.', schema: 'SecondFactorStatus' },
    errors: [...SIGNED_IN_ERRORS, ...SERVER_ERRORS],
  },
  {
    method: 'POST',
    route: '/api/me/second-factor/setup',
    operationId: 'setUpSecondFactor',
    tag: 'Accounts',
    summary: 'Start setting up a TOTP second factor: a new secret and its otpauth:// address.',
    description:
      'The secret is pending until a code confirms it; a new setup replaces a pending one. The ' +
      'address carries the issuer Veche and the user\u2019s e-mail, for a QR code.',
    auth: 'session',
    success: {
      status: 200,
      description: 'The secret and its address.',
      schema: 'SecondFactorSetup',
    },
    errors: [
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(409, ['second_factor_enabled'], 'The second factor is already on.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/me/second-factor/confirm',
    operationId: 'confirmSecondFactor',
    tag: 'Accounts',
    summary: 'Turn the pending second factor on with a current code; get ten recovery codes.',
    description:
      'The recovery codes are shown this once: the server keeps only their hashes. From now on ' +
      'sign-in asks for a code after the password.',
    auth: 'session',
    body: { schema: 'SecondFactorConfirmRequest', description: 'A current 6-digit code.' },
    success: { status: 200, description: 'The recovery codes.', schema: 'RecoveryCodes' },
    errors: [
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(
        409,
        ['second_factor_required', 'second_factor_enabled'],
        'No setup was started, or the second factor is already on.',
      ),
      err(422, ['code_invalid'], 'The code is wrong or expired; `field` is code. Nothing changed.'),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/me/second-factor/recovery-codes',
    operationId: 'renewRecoveryCodes',
    tag: 'Accounts',
    summary: 'Replace the recovery codes: ten new ones, and the old ones stop working.',
    auth: 'session',
    body: {
      schema: 'SecondFactorCodeRequest',
      description: 'A current code from the app, or an unused recovery code (used up).',
    },
    success: { status: 200, description: 'The new recovery codes.', schema: 'RecoveryCodes' },
    errors: [
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(409, ['second_factor_required'], 'The second factor is not on.'),
      err(422, ['code_invalid'], 'The code is wrong, expired or used; `field` is code.'),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'DELETE',
    route: '/api/me/second-factor',
    operationId: 'turnOffSecondFactor',
    tag: 'Accounts',
    summary: 'Turn the second factor off; its secret and recovery codes are deleted.',
    auth: 'session',
    body: {
      schema: 'SecondFactorCodeRequest',
      description: 'A current code from the app, or an unused recovery code.',
    },
    success: { status: 204, description: 'Off: sign-in asks for the password only.' },
    errors: [
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(409, ['second_factor_required'], 'The second factor is not on.'),
      err(422, ['code_invalid'], 'The code is wrong, expired or used; `field` is code.'),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/auth/tablet',
    operationId: 'tabletLogin',
    tag: 'Accounts',
    summary: 'Sign a tablet in with the one-time code of a QR code the operator showed.',
    description:
      'The code works once and for two minutes. Sets the session cookie of the member it was ' +
      'issued for, and says which sitting to open.',
    auth: 'none',
    body: { schema: 'TabletLoginRequest', description: 'The code from the QR code.' },
    success: {
      status: 200,
      description: 'Signed in: the user and the sitting, and the session cookie.',
      schema: 'TabletLogin',
    },
    errors: [
      ...WRITE_ERRORS,
      err(401, ['link_invalid'], 'The code has expired, was already used, or never existed.'),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    operationId: 'logout',
    tag: 'Accounts',
    summary: 'Sign out: end the session and clear its cookie.',
    description: 'Succeeds without a session too.',
    auth: 'optional',
    success: { status: 204, description: 'Signed out; the cookie is cleared.' },
    errors: [...WRITE_ERRORS, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/me',
    operationId: 'currentUser',
    tag: 'Accounts',
    summary: 'The signed-in user, with their councils and roles.',
    auth: 'session',
    success: { status: 200, description: 'The user.', schema: 'CurrentUser' },
    errors: [...SIGNED_IN_ERRORS, ...SERVER_ERRORS],
  },
  {
    method: 'PUT',
    route: '/api/me/preferences',
    operationId: 'setPreferences',
    tag: 'Accounts',
    summary: 'Change the signed-in user\u2019s language.',
    auth: 'session',
    body: { schema: 'PreferencesRequest', description: 'The new preferences.' },
    success: { status: 200, description: 'The user, as changed.', schema: 'CurrentUser' },
    errors: [...WRITE_ERRORS, ...SIGNED_IN_ERRORS, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/sittings/upcoming',
    operationId: 'upcomingSittings',
    tag: 'Sittings',
    summary: 'Sittings of the user\u2019s councils that are not closed, with their agendas.',
    auth: 'session',
    success: { status: 200, description: 'The sittings.', schema: 'UpcomingSittingsResponse' },
    errors: [...SIGNED_IN_ERRORS, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId',
    operationId: 'publicSitting',
    tag: 'Sittings',
    summary: 'A sitting as the public sees it: names, number, time, place and stream.',
    description:
      'No sign-in: the public live page and the hall display read it. Any council\u2019s ' +
      'sitting that is not a draft; `streamUrl` is an http(s) address to embed, or null.',
    auth: 'none',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The sitting.', schema: 'PublicSitting' },
    errors: [
      BAD_SITTING_ID,
      err(404, ['not_found'], 'No such sitting, or a draft (the same answer).'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/record.json',
    operationId: 'sittingRecord',
    tag: 'Sittings',
    summary:
      'A sitting\u2019s verifiable record: its log with every hash, and what each seal digests.',
    description:
      'No sign-in, any origin. The log as the public reads it (chat redacted, its links kept), ' +
      'the members the opening event recorded, for each open or secret vote who took part and ' +
      'the counts (never who chose what in secret), and the head (the last hash). ' +
      '`npx veche verify <this address>` recomputes the chain and every seal.',
    auth: 'none',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The record.', schema: 'SittingRecord' },
    errors: [
      BAD_SITTING_ID,
      err(404, ['not_found'], 'No such sitting, or a draft (the same answer).'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/councils/:councilId/resolutions',
    operationId: 'resolutionsRegister',
    tag: 'Sittings',
    summary: 'The council\u2019s resolutions register: what each closed sitting resolved.',
    description:
      'No sign-in. Each draft resolution voted on in a closed sitting, decided by its last vote ' +
      '(not annulled): adopted ones with their number from the council\u2019s pattern, ' +
      'rejected ones without. Newest first, 50 a page; filters `term`, `body` (ids), `year`, ' +
      '`outcome` (adopted, rejected) and `q` (words of the title, or the number).',
    auth: 'none',
    parameters: [
      councilIdParameter,
      ...(['term', 'body'] as const).map((name) => ({
        name,
        in: 'query' as const,
        required: false,
        description: `Only this ${name}\u2019s resolutions.`,
        schema: { type: 'string', format: 'uuid' },
      })),
      {
        name: 'year',
        in: 'query',
        required: false,
        description: 'Only those decided in this year.',
        schema: { type: 'integer' },
      },
      {
        name: 'outcome',
        in: 'query',
        required: false,
        description: 'Only adopted, or only rejected, ones.',
        schema: { type: 'string', enum: ['adopted', 'rejected'] },
      },
      {
        name: 'q',
        in: 'query',
        required: false,
        description: 'Words to find in the title, or a resolution\u2019s number.',
        schema: { type: 'string' },
      },
      {
        name: 'page',
        in: 'query',
        required: false,
        description: 'The page, from 1.',
        schema: { type: 'integer', minimum: 1 },
      },
    ],
    success: { status: 200, description: 'The register.', schema: 'ResolutionsResponse' },
    errors: [
      err(400, ['validation_failed'], 'A filter is malformed; `field` names it.'),
      err(404, ['not_found'], 'No such council.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/sittings/:sittingId/tablet-links',
    operationId: 'issueTabletLink',
    tag: 'Sittings',
    summary: 'A one-time sign-in code for a member\u2019s tablet, shown as a QR code.',
    description:
      'For the operator or the chair of the sitting. The code opens `/tablet/<token>` and signs ' +
      'the tablet in as the member once, within two minutes.',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: { schema: 'TabletLinkRequest', description: 'The member whose tablet it is.' },
    success: { status: 200, description: 'The code and its expiry.', schema: 'TabletLink' },
    errors: [
      BAD_SITTING_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller does not conduct this sitting.'),
      NO_SITTING,
      err(
        422,
        ['not_a_member', 'no_account'],
        'The member does not sit in this sitting, or has no active account; `field` is memberId.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/sittings/:sittingId/documents',
    operationId: 'attachDocument',
    tag: 'Documents',
    summary: 'Attach a document to a sitting or to one of its agenda items.',
    description:
      'For the council office (operator, chair, administrators). The type is judged by the ' +
      'content, never by the name; the size limit is `DOCUMENT_MAX_MB`. The file is kept under ' +
      'its SHA-256, so the same file attached twice is stored once.',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: {
      schema: 'DocumentUpload',
      description: 'The fields first, then the file in a part named `file`.',
      contentType: 'multipart/form-data',
    },
    success: { status: 201, description: 'The document as listed.', schema: 'SittingDocument' },
    errors: [
      BAD_SITTING_ID,
      err(400, ['validation_failed'], 'A field is malformed, or no file was sent; `field` says.'),
      err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller does not prepare sittings.'),
      NO_SITTING,
      err(413, ['file_too_large'], 'The file is over the limit; `facts.maxBytes` says it.', {
        type: 'object',
        properties: { maxBytes: { type: 'integer' } },
      }),
      err(415, ['validation_failed'], 'The body is not multipart/form-data.'),
      err(
        422,
        ['file_empty', 'file_type_unsupported', 'unknown_item'],
        'The file is empty or of a type not accepted (`facts.detected` names what it is), or ' +
          '`itemId` is not an item of this sitting.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/sittings/:sittingId/documents',
    operationId: 'sittingDocuments',
    tag: 'Documents',
    summary: 'The documents of a sitting and of its agenda items.',
    auth: 'session',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The documents.', schema: 'SittingDocuments' },
    errors: [BAD_SITTING_ID, ...SIGNED_IN_ERRORS, NO_SITTING, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/public/sittings/:sittingId/documents',
    operationId: 'publicSittingDocuments',
    tag: 'Documents',
    summary: 'The public documents of a sitting, without a sign-in.',
    auth: 'none',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The public documents.', schema: 'SittingDocuments' },
    errors: [
      BAD_SITTING_ID,
      err(404, ['not_found'], 'No such sitting, or a draft (the same answer).'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/documents/:documentId',
    operationId: 'readDocument',
    tag: 'Documents',
    summary: 'The file of a document, to be shown in the browser.',
    description:
      'For the council\u2019s people; for anyone if the document is public and its sitting is ' +
      'convened. Sent inline with its own type, an ETag (its SHA-256) and a sandboxing ' +
      'Content-Security-Policy.',
    auth: 'optional',
    parameters: [
      {
        name: 'documentId',
        in: 'path',
        required: true,
        description: 'The document.',
        schema: { type: 'string', format: 'uuid' },
      },
    ],
    success: {
      status: 200,
      description: 'The file.',
      contentType: 'application/octet-stream',
    },
    errors: [
      err(400, ['validation_failed'], 'The document id is not a UUID.'),
      err(
        404,
        ['not_found'],
        'No such document, or one the caller may not read (the same answer).',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/sittings/:sittingId/commands',
    operationId: 'sendSittingCommand',
    tag: 'Live sitting',
    summary:
      'Send a command to a live sitting (open a vote, cast a ballot, ask for the floor, ...).',
    description:
      'The client makes up `commandId` (for example a random UUID) and repeats it when it ' +
      'retries: the server acts once per id and answers a retry with the first outcome ' +
      '(`replayed: true`), an accepted one or a refusal. Who may send which command and the ' +
      'JSON Schema of each are in docs/realtime.md. `chat.send` writes in the sitting chat: a ' +
      'member to the conductors or to all members, a conductor also to one member ' +
      '(`to: "member"` with `memberId`); it is refused before the sitting is convened and ' +
      'after it closes (`sitting_not_open`).',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: {
      schema: 'CommandRequest',
      description: 'The command with the client\u2019s id for it.',
    },
    success: { status: 200, description: 'Accepted.', schema: 'CommandAccepted' },
    errors: [
      BAD_SITTING_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(
        403,
        ['forbidden'],
        'The caller may not send this command: `facts.command` and `facts.reason`.',
        {
          type: 'object',
          properties: {
            command: { type: 'string' },
            reason: { type: 'string', enum: [...FORBIDDEN_REASONS] },
          },
        },
      ),
      NO_SITTING,
      err(
        409,
        [...REJECTION_CODES, 'command_id_reused'],
        'Refused by the rules of the sitting: `code` is the rejection, `facts` its numbers and ' +
          'ids (for example `required` and `present` for `no_quorum`) plus `commandId` and ' +
          '`replayed`. Nothing changed. `command_id_reused`: another user sent this command id.',
        {
          type: 'object',
          properties: { commandId: { type: 'string' }, replayed: { type: 'boolean' } },
        },
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/sittings/:sittingId/state',
    operationId: 'sittingState',
    tag: 'Live sitting',
    summary: 'The live sitting\u2019s current state, as the caller may see it.',
    auth: 'session',
    parameters: [sittingIdParameter],
    success: {
      status: 200,
      description: 'The state and its sequence number.',
      schema: 'SittingState',
    },
    errors: [BAD_SITTING_ID, ...SIGNED_IN_ERRORS, NO_SITTING, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/sittings/:sittingId/events',
    operationId: 'sittingEvents',
    tag: 'Live sitting',
    summary: 'The sitting\u2019s event log after a sequence number, with hashes and actors.',
    description:
      'Anyone holding the log can recompute its hash chain (docs/realtime.md explains how): ' +
      'changing, removing or reordering an event breaks every later hash. A chat message the ' +
      'caller may not read comes redacted (`redacted: true`, no payload or actor), with its ' +
      '`seq`, `type`, `at` and hashes, so that its links can still be checked.',
    auth: 'session',
    parameters: [
      sittingIdParameter,
      {
        name: 'after',
        in: 'query',
        required: false,
        description: 'Only events with a larger sequence number.',
        schema: { type: 'integer', minimum: 0, default: 0 },
      },
    ],
    success: { status: 200, description: 'The events, in order.', schema: 'SittingEvents' },
    errors: [
      err(400, ['validation_failed'], 'The sitting id is not a UUID, or `after` is not >= 0.'),
      ...SIGNED_IN_ERRORS,
      NO_SITTING,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/councils/:councilId/preparation',
    operationId: 'preparationOptions',
    tag: 'Preparation',
    summary:
      'What the “new sitting” form offers: the council’s bodies, terms and agenda templates.',
    auth: 'session',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The options.', schema: 'PreparationOptions' },
    errors: [BAD_COUNCIL_ID, ...SIGNED_IN_ERRORS, NOT_PREPARER, NO_COUNCIL, ...SERVER_ERRORS],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/sittings',
    operationId: 'createSitting',
    tag: 'Preparation',
    summary: 'Create a draft sitting of a body, numbered next in its term.',
    description:
      'The term is the one in force on the sitting’s date (in the council’s time zone) ' +
      'unless `termId` names one. With `templateId`, the agenda starts as a copy of that template.',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'CreateSittingRequest', description: 'The sitting.' },
    success: {
      status: 201,
      description: 'The sitting as the editor shows it.',
      schema: 'SittingPreparation',
    },
    errors: [
      BAD_COUNCIL_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      NO_COUNCIL,
      err(
        422,
        ['date_in_past', 'no_term', 'outside_term', 'unknown_reference'],
        'The start is not in the future, no term covers it, or the body, term or template is not ' +
          'the council’s; `field` names it. Nothing was written.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/sittings/:sittingId/preparation',
    operationId: 'sittingPreparation',
    tag: 'Preparation',
    summary: 'A sitting as the office edits it: details, version and the agenda tree.',
    auth: 'session',
    parameters: [sittingIdParameter],
    success: { status: 200, description: 'The sitting.', schema: 'SittingPreparation' },
    errors: [BAD_SITTING_ID, ...SIGNED_IN_ERRORS, NOT_PREPARER, NO_SITTING, ...SERVER_ERRORS],
  },
  {
    method: 'PUT',
    route: '/api/sittings/:sittingId',
    operationId: 'updateSitting',
    tag: 'Preparation',
    summary: 'Save a sitting’s details before it opens; its number only while a draft.',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: {
      schema: 'UpdateSittingRequest',
      description: 'The details and the version they were based on.',
    },
    success: {
      status: 200,
      description: 'The sitting, at its next version.',
      schema: 'SittingPreparation',
    },
    errors: [
      BAD_SITTING_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      NO_SITTING,
      STALE_OR_CLOSED,
      err(
        409,
        ['number_taken', 'renumbering_closed'],
        'The number is another sitting’s, or the sitting is convened.',
      ),
      err(422, ['date_in_past'], 'A changed start is not in the future.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'PUT',
    route: '/api/sittings/:sittingId/agenda',
    operationId: 'saveAgenda',
    tag: 'Preparation',
    summary: 'Save the whole agenda tree as edited, before the sitting opens.',
    description:
      'Items keep their ids (and their documents); an item without an id is new; an item left ' +
      'out is removed, unless it holds documents (`item_has_documents`). At most three levels ' +
      'and 300 items.',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: { schema: 'SaveAgendaRequest', description: 'The tree and the version it was based on.' },
    success: {
      status: 200,
      description: 'The sitting, at its next version.',
      schema: 'SittingPreparation',
    },
    errors: [
      BAD_SITTING_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      NO_SITTING,
      STALE_OR_CLOSED,
      err(
        409,
        ['item_has_documents'],
        'A removed item holds documents; `facts.titles` names them.',
      ),
      err(422, ['unknown_item'], 'An id is not on this agenda; `field` is its path.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'PUT',
    route: '/api/sittings/:sittingId/recording',
    operationId: 'setSittingRecording',
    tag: 'Preparation',
    summary: 'Set (or with nulls remove) the sitting\u2019s recording: its address and its start.',
    description:
      'The start is the time zero of the chapters (`/api/public/sittings/{sittingId}/chapters.vtt`). ' +
      'Any stage of the sitting; not versioned.',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: {
      schema: 'SittingRecordingRequest',
      description: 'An http(s) address and an ISO 8601 instant with its offset, or both null.',
    },
    success: { status: 200, description: 'The recording as saved.', schema: 'SittingRecording' },
    errors: [
      BAD_SITTING_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      NO_SITTING,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/sittings/:sittingId/convene',
    operationId: 'conveneSitting',
    tag: 'Preparation',
    summary: 'Convene a draft sitting: it becomes public and its members see it.',
    auth: 'session',
    parameters: [sittingIdParameter],
    body: { schema: 'ConveneSittingRequest', description: 'The version the office saw.' },
    success: { status: 200, description: 'The convened sitting.', schema: 'SittingPreparation' },
    errors: [
      BAD_SITTING_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      NO_SITTING,
      err(
        409,
        ['stale_version', 'already_convened'],
        'Someone saved first, or it is convened already.',
      ),
      err(422, ['date_in_past', 'agenda_empty'], 'The start has passed, or there is no agenda.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/councils/:councilId/agenda-templates',
    operationId: 'listAgendaTemplates',
    tag: 'Preparation',
    summary: 'The council’s agenda templates.',
    auth: 'session',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The templates.', schema: 'AgendaTemplates' },
    errors: [BAD_COUNCIL_ID, ...SIGNED_IN_ERRORS, NOT_PREPARER, NO_COUNCIL, ...SERVER_ERRORS],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/agenda-templates',
    operationId: 'createAgendaTemplate',
    tag: 'Preparation',
    summary: 'Create an agenda template.',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'SaveAgendaTemplateRequest', description: 'The template.' },
    success: { status: 201, description: 'The template.', schema: 'AgendaTemplate' },
    errors: [
      BAD_COUNCIL_ID,
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      NO_COUNCIL,
      err(409, ['name_taken'], 'The council has a template of this name.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'PUT',
    route: '/api/councils/:councilId/agenda-templates/:templateId',
    operationId: 'updateAgendaTemplate',
    tag: 'Preparation',
    summary: 'Save an agenda template at the version the editor loaded.',
    auth: 'session',
    parameters: [councilIdParameter, templateIdParameter],
    body: { schema: 'SaveAgendaTemplateRequest', description: 'The template and its `version`.' },
    success: { status: 200, description: 'The template.', schema: 'AgendaTemplate' },
    errors: [
      err(400, ['validation_failed'], 'An id is not a UUID.'),
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      err(404, ['not_found'], 'No such council or template.'),
      err(
        409,
        ['stale_version', 'name_taken'],
        'Someone saved first (the current one in `facts.current`), or the name is taken.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'DELETE',
    route: '/api/councils/:councilId/agenda-templates/:templateId',
    operationId: 'deleteAgendaTemplate',
    tag: 'Preparation',
    summary: 'Delete an agenda template (sittings made from it keep their agendas).',
    auth: 'session',
    parameters: [councilIdParameter, templateIdParameter],
    success: { status: 204, description: 'Deleted.' },
    errors: [
      err(400, ['validation_failed'], 'An id is not a UUID.'),
      err(403, ['csrf_rejected'], 'The request came from another origin (its `Origin` header).'),
      ...SIGNED_IN_ERRORS,
      NOT_PREPARER,
      err(404, ['not_found'], 'No such council or template.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/me/notifications',
    operationId: 'notifications',
    tag: 'Accounts',
    summary:
      'The signed-in member\u2019s latest notices about sittings: convened, and what changed.',
    description:
      'Written out in `language` (default: the account\u2019s), times on the council\u2019s clock. ' +
      'The same notices go by e-mail; changes to a convened sitting gather for ' +
      '`CHANGE_NOTICE_DELAY_SECONDS` before they are sent as one.',
    auth: 'session',
    parameters: [
      {
        name: 'language',
        in: 'query',
        required: false,
        description: 'The language to write them in.',
        schema: { type: 'string', enum: [...LANGUAGES] },
      },
    ],
    success: { status: 200, description: 'The latest 20, newest first.', schema: 'Notifications' },
    errors: [
      err(400, ['validation_failed'], 'The language is not one Veche speaks.'),
      ...SIGNED_IN_ERRORS,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/me/notifications/read',
    operationId: 'markNotificationsRead',
    tag: 'Accounts',
    summary: 'Mark notices read: the ones named, or all.',
    auth: 'session',
    body: { schema: 'MarkNotificationsRead', description: 'The ids, or none for all.' },
    success: { status: 204, description: 'Marked.' },
    errors: [...WRITE_ERRORS, ...SIGNED_IN_ERRORS, ...SERVER_ERRORS],
  },
  {
    method: 'GET',
    route: '/api/docs',
    operationId: 'apiDocsPage',
    tag: 'Documentation',
    summary: 'This documentation as a web page.',
    auth: 'none',
    success: { status: 200, description: 'An HTML page.', contentType: 'text/html' },
    errors: [],
  },
  {
    method: 'GET',
    route: '/api/docs/openapi.json',
    operationId: 'openApiDocument',
    tag: 'Documentation',
    summary: 'This documentation as an OpenAPI 3.1 document.',
    auth: 'none',
    success: { status: 200, description: 'The OpenAPI document.', contentType: JSON_TYPE },
    errors: [],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/invitations',
    operationId: 'inviteAccount',
    tag: 'Accounts',
    summary: 'Invite a person to an account of the council, by e-mail.',
    description:
      'For the council\u2019s administrators. Creates the account without a password (it cannot ' +
      'sign in yet), grants the roles, and e-mails the person, in their language, a link to ' +
      '`/set-password/<token>` that works once for `INVITATION_TTL_HOURS` (7 days by default). ' +
      'Inviting again a person who has not set a password yet replaces the link.',
    auth: 'session',
    parameters: [councilIdParameter],
    body: { schema: 'InvitationRequest', description: 'Who, in which language, with which roles.' },
    success: { status: 201, description: 'The account, invited.', schema: 'CouncilAccount' },
    errors: [
      err(400, ['validation_failed'], 'The council id is not a UUID.'),
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller is not an administrator of this council.'),
      NO_COUNCIL,
      err(
        409,
        ['email_taken', 'person_has_account'],
        'An account with this e-mail exists (`field` is email), or the person already has an ' +
          'account (`field` is personId). Nothing changed.',
      ),
      err(422, ['unknown_person'], '`personId` is not a person of this council.'),
      err(
        502,
        ['mail_failed'],
        'The account is ready but the e-mail could not be sent; invite the person again.',
      ),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/councils/:councilId/users',
    operationId: 'councilAccounts',
    tag: 'Accounts',
    summary: 'The council\u2019s accounts with their roles and status.',
    description: 'For the council\u2019s administrators. Status: invited, active or deactivated.',
    auth: 'session',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The accounts, by name.', schema: 'CouncilAccounts' },
    errors: [
      err(400, ['validation_failed'], 'The council id is not a UUID.'),
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller is not an administrator of this council.'),
      NO_COUNCIL,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/users/:userId/deactivate',
    operationId: 'deactivateAccount',
    tag: 'Accounts',
    summary: 'Deactivate an account: it can no longer sign in, and its sign-ins end at once.',
    description:
      'For the council\u2019s administrators, not on their own account. Everything the account ' +
      'did is kept.',
    auth: 'session',
    parameters: [councilIdParameter, userIdParameter],
    success: { status: 200, description: 'The account, deactivated.', schema: 'CouncilAccount' },
    errors: [
      err(400, ['validation_failed'], 'An id is not a UUID.'),
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller is not an administrator of this council.'),
      NO_ACCOUNT,
      err(422, ['cannot_deactivate_self'], 'An administrator cannot deactivate themselves.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/councils/:councilId/users/:userId/reactivate',
    operationId: 'reactivateAccount',
    tag: 'Accounts',
    summary: 'Reactivate a deactivated account.',
    auth: 'session',
    parameters: [councilIdParameter, userIdParameter],
    success: { status: 200, description: 'The account, active again.', schema: 'CouncilAccount' },
    errors: [
      err(400, ['validation_failed'], 'An id is not a UUID.'),
      ...WRITE_ERRORS,
      ...SIGNED_IN_ERRORS,
      err(403, ['forbidden'], 'The caller is not an administrator of this council.'),
      NO_ACCOUNT,
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'POST',
    route: '/api/auth/set-password',
    operationId: 'setPassword',
    tag: 'Accounts',
    summary: 'Set a password with the one-time link of an invitation, and sign in.',
    description:
      'The link works once and until it expires. Sets the session cookie; any other session of ' +
      'the account ends.',
    auth: 'none',
    body: {
      schema: 'SetPasswordRequest',
      description: 'The token from the link and the new password (12 to 256 characters).',
    },
    success: {
      status: 200,
      description: 'Signed in: the user, and the session cookie.',
      schema: 'CurrentUser',
    },
    errors: [
      ...WRITE_ERRORS,
      err(401, ['link_invalid'], 'The link has expired, was already used, or never existed.'),
      err(429, ['rate_limited'], 'Too many attempts; `facts.retryAfterSeconds` says how long.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/councils/:councilId/calendar.ics',
    operationId: 'councilCalendar',
    tag: 'Sittings',
    summary: 'The council\u2019s sittings as an iCalendar feed to subscribe to.',
    description: CALENDAR_DESCRIPTION,
    auth: 'none',
    parameters: [councilIdParameter],
    success: { status: 200, description: 'The feed.', contentType: 'text/calendar' },
    errors: [
      err(400, ['validation_failed'], 'The council id is not a UUID.'),
      err(404, ['not_found'], 'No such council.'),
      ...SERVER_ERRORS,
    ],
  },
  {
    method: 'GET',
    route: '/api/public/bodies/:bodyId/calendar.ics',
    operationId: 'bodyCalendar',
    tag: 'Sittings',
    summary:
      'One body\u2019s (the plenary\u2019s, a committee\u2019s) sittings as an iCalendar feed.',
    description: CALENDAR_DESCRIPTION,
    auth: 'none',
    parameters: [
      {
        name: 'bodyId',
        in: 'path',
        required: true,
        description: 'The body.',
        schema: { type: 'string', format: 'uuid' },
      },
    ],
    success: { status: 200, description: 'The feed.', contentType: 'text/calendar' },
    errors: [
      err(400, ['validation_failed'], 'The body id is not a UUID.'),
      err(404, ['not_found'], 'No such body.'),
      ...SERVER_ERRORS,
    ],
  },
  ...MINUTES_OPERATIONS,
  ...OPEN_DATA_OPERATIONS,
  ...ADMINISTRATION_OPERATIONS,
  ...INTERPELLATION_OPERATIONS,
  ...SPEECH_REQUEST_OPERATIONS,
  ...CONSULTATION_OPERATIONS,
  ...OPARL_OPERATIONS,
  ...PORTAL_OPERATIONS,
];

/** Every route the document describes, as `METHOD /path` with Fastify's `:param` syntax. */
export const DOCUMENTED_ROUTES: readonly string[] = OPERATIONS.map(
  (operation) => `${operation.method} ${operation.route}`,
);

// ---------------------------------------------------------------------------------------------
// The document

export interface OpenApiDocument {
  readonly openapi: string;
  readonly jsonSchemaDialect: string;
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, JsonSchema>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly securitySchemes: Readonly<Record<string, JsonSchema>>;
  };
}

const DESCRIPTION = [
  'The HTTP API of Veche. Every message is JSON, and its shape comes from the zod schemas in ' +
    '`packages/protocol`, which the server validates input with and the web client parses ' +
    'answers with.',
  `Authentication: \`POST /api/auth/login\` sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, ` +
    'SameSite=Lax); routes that need a user answer 401 `unauthenticated` without it. A session ' +
    'that is extended sends the cookie again with its new expiry.',
  'Writes (POST, PUT, DELETE) must be same-origin JSON: a request whose `Origin` header names another ' +
    'site is refused with 403 `csrf_rejected`, and bodies other than `application/json` are ' +
    'refused with 415, so a foreign page cannot send one without a CORS preflight, which the ' +
    'API never grants.',
  'Errors: every 4xx and 5xx answer has one shape, `{ error: { code, message, field?, issues?, ' +
    'facts? } }`. `code` is stable (clients translate by it), `message` is English for logs, ' +
    '`field` and `issues` name bad input, `facts` carries the numbers behind a refusal.',
].join('\n\n');

const TAGS = [
  { name: 'Accounts', description: 'Signing in and out, the current user, preferences.' },
  { name: 'Sittings', description: 'Sittings of the user\u2019s councils.' },
  {
    name: 'Live sitting',
    description: 'Commands to a live sitting, its state and its hash-chained event log.',
  },
  {
    name: 'Preparation',
    description: 'The council office prepares sittings: details, agendas, templates, convening.',
  },
  { name: 'Documents', description: 'Files of sittings and agenda items.' },
  { name: 'Service', description: 'Health of the process.' },
  {
    name: 'Administration',
    description: 'Councils (platform administrator); bodies, terms, people and seats of a council.',
  },
  { name: 'Documentation', description: 'This documentation.' },
  {
    name: 'Portal',
    description: 'The public portal: HTML pages for everyone, with no sign-in and no script.',
  },
  {
    name: 'Open data',
    description:
      'Without a sign-in: votes, named lists, Popolo, recording chapters, a council\u2019s ' +
      'tables, and OParl 1.1 (`/oparl/v1.1/system`): councils, bodies, people, sittings, papers, files.',
  },
  {
    name: 'Interpellations',
    description: 'Interpellations and questions of councillors, the office\u2019s answers.',
  },
  {
    name: 'Residents',
    description: 'Residents\u2019 requests to speak, as the council office decides on them.',
  },
  {
    name: 'Consultations',
    description:
      'Public consultations: the office\u2019s surveys and documents, residents\u2019 verified responses and opinions, results, retention.',
  },
];

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** "`code`: why", or for many codes "why. Codes: `a`, `b`." */
function describeCodes(codes: readonly string[], description: string): string {
  const quoted = codes.map((code) => `\`${code}\``);
  return quoted.length === 1
    ? `${quoted[0]}: ${description}`
    : `${description} Codes: ${quoted.join(', ')}.`;
}

/**
 * The answers of one status (a 403 for a foreign origin or for a command the caller may not
 * send) as one response: all their codes, each reason labelled with its codes.
 */
function errorResponse(answers: readonly ErrorAnswer[]): JsonSchema {
  const codes = [...new Set(answers.flatMap((answer) => answer.codes))];
  const reasons = new Map<string, { codes: readonly string[]; texts: string[] }>();
  for (const answer of answers) {
    const key = answer.codes.join(' ');
    const group = reasons.get(key) ?? { codes: answer.codes, texts: [] };
    group.texts.push(answer.description);
    reasons.set(key, group);
  }
  const facts = answers.find((answer) => answer.facts !== undefined)?.facts;
  const error: JsonSchema = {
    type: 'object',
    properties: {
      code: { type: 'string', enum: codes },
      ...(facts === undefined ? {} : { facts }),
    },
  };
  return {
    description: [...reasons.values()]
      .map((group) => describeCodes(group.codes, group.texts.join(' Or: ')))
      .join(' '),
    content: {
      [JSON_TYPE]: {
        schema: { allOf: [ref('ApiError'), { type: 'object', properties: { error } }] },
      },
    },
  };
}

const SECURITY: Record<OperationSpec['auth'], JsonSchema[]> = {
  none: [],
  optional: [{}, { session: [] }],
  session: [{ session: [] }],
};

function operationObject(spec: OperationSpec): JsonSchema {
  const { success } = spec;
  const responses: Record<string, JsonSchema> = {
    [String(success.status)]: {
      description: success.description,
      ...(success.headers === undefined ? {} : { headers: success.headers }),
      ...(success.schema !== undefined
        ? { content: { [success.contentType ?? JSON_TYPE]: { schema: ref(success.schema) } } }
        : success.contentType !== undefined
          ? { content: { [success.contentType]: { schema: { type: 'string' } } } }
          : {}),
    },
  };
  for (const answer of spec.htmlErrors ?? []) {
    responses[String(answer.status)] = {
      description: answer.description,
      content: { [HTML_TYPE]: { schema: { type: 'string' } } },
    };
  }
  for (const answer of spec.otherAnswers ?? []) {
    responses[String(answer.status)] = {
      description: answer.description,
      content: { [JSON_TYPE]: { schema: ref(answer.schema) } },
    };
  }
  const statuses = [...new Set(spec.errors.map((answer) => answer.status))].sort((a, b) => a - b);
  for (const status of statuses) {
    const answers = spec.errors.filter((answer) => answer.status === status);
    responses[String(status)] = errorResponse(answers);
  }
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    security: SECURITY[spec.auth],
    ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
    ...(spec.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            description: spec.body.description,
            content: { [spec.body.contentType ?? JSON_TYPE]: { schema: ref(spec.body.schema) } },
          },
        }),
    responses,
  };
}

/** The multipart form of an upload: the text fields of the protocol, and the file. */
function documentUploadSchema(): JsonSchema {
  const fields = toJsonSchema(documentUploadFieldsSchema, 'input');
  const properties = (fields.properties ?? {}) as Record<string, JsonSchema>;
  return {
    ...fields,
    properties: {
      ...properties,
      file: {
        type: 'string',
        contentMediaType: 'application/octet-stream',
        description: 'PDF, DOCX, ODT, PNG, JPEG or WebP, judged by content.',
      },
    },
    required: [...((fields.required as string[] | undefined) ?? []), 'file'],
  };
}

function interpellationFileUploadSchema(): JsonSchema {
  return uploadSchema(interpellationFileUploadFieldsSchema);
}

/** A multipart upload's text fields (a protocol schema) and its required `file` part. */
function uploadSchema(fieldsSchema: z.ZodType): JsonSchema {
  const fields = toJsonSchema(fieldsSchema, 'input');
  const properties = (fields.properties ?? {}) as Record<string, JsonSchema>;
  return {
    ...fields,
    properties: {
      ...properties,
      file: {
        type: 'string',
        contentMediaType: 'application/octet-stream',
        description: 'PDF, DOCX, ODT, PNG, JPEG or WebP, judged by content.',
      },
    },
    required: [...((fields.required as string[] | undefined) ?? []), 'file'],
  };
}

/** Fastify's `/a/:id` as OpenAPI's `/a/{id}`. */
export function openApiPath(route: string): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * A recursive schema (the agenda tree) comes from zod with its own `$defs` and references such
 * as `#/$defs/__schema0`, which would resolve against the document's root. Each definition
 * becomes a component of its own, named by its `title` (set with `.meta({ title })` in the
 * protocol), with "Input" added for the request form (which allows extra properties), and the
 * references point to it.
 */
function hoistedDefinitions(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const hoist = (holder: string, schema: JsonSchema): JsonSchema => {
    const { $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
    if ($defs === undefined) return schema;
    const names = new Map<string, string>();
    for (const [key, definition] of Object.entries($defs)) {
      const title = definition.title;
      if (typeof title !== 'string') {
        throw new Error(`${holder}: a recursive schema needs .meta({ title }) in the protocol`);
      }
      names.set(
        `#/$defs/${key}`,
        definition.additionalProperties === false ? title : `${title}Input`,
      );
    }
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === '$ref' && typeof inner === 'string' && names.has(inner)
            ? `#/components/schemas/${names.get(inner)!}`
            : rewrite(inner),
        ]),
      );
    };
    for (const [key, definition] of Object.entries($defs)) {
      const name = names.get(`#/$defs/${key}`)!;
      const hoisted = rewrite(definition) as JsonSchema;
      const known = out[name];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(hoisted)) {
        throw new Error(`${holder}: two different definitions are both called ${name}`);
      }
      out[name] = hoisted;
    }
    return rewrite(rest) as JsonSchema;
  };
  for (const [name, schema] of Object.entries(schemas)) out[name] = hoist(name, schema);
  return out;
}

function buildDocument(): OpenApiDocument {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of OPERATIONS) {
    const path = openApiPath(spec.route);
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operationObject(spec) };
  }
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Veche HTTP API', version: '0.1.0', description: DESCRIPTION },
    tags: TAGS,
    paths,
    components: {
      schemas: hoistedDefinitions({
        ApiError: toJsonSchema(apiErrorSchema, 'output'),
        LoginRequest: toJsonSchema(loginRequestSchema, 'input'),
        PreferencesRequest: toJsonSchema(preferencesRequestSchema, 'input'),
        CurrentUser: toJsonSchema(currentUserSchema, 'output'),
        UpcomingSittingsResponse: toJsonSchema(upcomingSittingsResponseSchema, 'output'),
        PublicSitting: toJsonSchema(publicSittingSchema, 'output'),
        PublicVotes: toJsonSchema(publicVotesSchema, 'output'),
        NamedList: toJsonSchema(namedListSchema, 'output'),
        PopoloVoteEvent: {
          type: 'object',
          description:
            'A Popolo VoteEvent (popoloproject.com/specs/vote-event.html): `id`, `identifier`, ' +
            '`motion` (text, organization, date, requirement, result), `start_date`, ' +
            '`end_date`, `result` (`pass`/`fail`), `counts` (yes, no, abstain, absent, not ' +
            'voting) and, for named votes, `votes` (voter and option).',
          properties: {
            id: { type: 'string' },
            result: { type: ['string', 'null'] },
            counts: { type: 'array', items: { type: 'object' } },
            votes: { type: 'array', items: { type: 'object' } },
          },
          required: ['id', 'counts'],
        },
        PopoloVoteEvents: {
          type: 'object',
          properties: { vote_events: { type: 'array', items: ref('PopoloVoteEvent') } },
          required: ['vote_events'],
        },
        SittingRecordingRequest: toJsonSchema(sittingRecordingRequestSchema, 'input'),
        SittingRecording: toJsonSchema(sittingRecordingSchema, 'output'),
        SittingRecord: toJsonSchema(sittingRecordSchema, 'output'),
        ResolutionsResponse: toJsonSchema(resolutionsResponseSchema, 'output'),
        DocumentUpload: documentUploadSchema(),
        SittingDocument: toJsonSchema(sittingDocumentSchema, 'output'),
        SittingDocuments: toJsonSchema(sittingDocumentsResponseSchema, 'output'),
        TabletLinkRequest: toJsonSchema(tabletLinkRequestSchema, 'input'),
        TabletLink: toJsonSchema(tabletLinkSchema, 'output'),
        TabletLoginRequest: toJsonSchema(tabletLoginRequestSchema, 'input'),
        TabletLogin: toJsonSchema(tabletLoginSchema, 'output'),
        InvitationRequest: toJsonSchema(invitationRequestSchema, 'input'),
        CouncilAccount: toJsonSchema(councilAccountSchema, 'output'),
        CouncilAccounts: toJsonSchema(councilAccountsResponseSchema, 'output'),
        SetPasswordRequest: toJsonSchema(setPasswordRequestSchema, 'input'),
        LoginResponse: toJsonSchema(loginResponseSchema, 'output'),
        SecondFactorLoginRequest: toJsonSchema(secondFactorLoginRequestSchema, 'input'),
        SecondFactorStatus: toJsonSchema(secondFactorStatusSchema, 'output'),
        SecondFactorSetup: toJsonSchema(secondFactorSetupSchema, 'output'),
        SecondFactorConfirmRequest: toJsonSchema(secondFactorConfirmRequestSchema, 'input'),
        SecondFactorCodeRequest: toJsonSchema(secondFactorCodeRequestSchema, 'input'),
        RecoveryCodes: toJsonSchema(recoveryCodesSchema, 'output'),
        CommandRequest: toJsonSchema(commandRequestSchema, 'input'),
        CommandAccepted: commandAcceptedSchema,
        CommandEvent: eventSchema(COMMAND_EVENT_TYPES),
        LogEvent: eventSchema(LOG_EVENT_TYPES),
        ChatMessage: chatMessageSchema,
        SittingState: sittingStateSchema,
        SittingEvents: sittingEventsSchema,
        Health: healthSchema,
        OparlObject: oparlObjectSchema,
        OparlList: oparlListSchema,
        PreparationOptions: toJsonSchema(preparationOptionsSchema, 'output'),
        CreateSittingRequest: toJsonSchema(createSittingRequestSchema, 'input'),
        UpdateSittingRequest: toJsonSchema(updateSittingRequestSchema, 'input'),
        SaveAgendaRequest: toJsonSchema(saveAgendaRequestSchema, 'input'),
        ConveneSittingRequest: toJsonSchema(conveneSittingRequestSchema, 'input'),
        SittingPreparation: toJsonSchema(sittingPreparationSchema, 'output'),
        AgendaTemplate: toJsonSchema(agendaTemplateSchema, 'output'),
        AgendaTemplates: toJsonSchema(
          z.object({ templates: z.array(agendaTemplateSchema) }),
          'output',
        ),
        SaveAgendaTemplateRequest: toJsonSchema(saveAgendaTemplateRequestSchema, 'input'),
        Notifications: toJsonSchema(notificationsResponseSchema, 'output'),
        MarkNotificationsRead: toJsonSchema(markNotificationsReadRequestSchema, 'input'),
        Councils: toJsonSchema(councilsResponseSchema, 'output'),
        Council: toJsonSchema(councilSchema, 'output'),
        CouncilCreateRequest: toJsonSchema(councilCreateRequestSchema, 'input'),
        CouncilUpdateRequest: toJsonSchema(councilUpdateRequestSchema, 'input'),
        BodyInput: toJsonSchema(bodyInputSchema, 'input'),
        Body: toJsonSchema(bodySchema, 'output'),
        Bodies: toJsonSchema(bodiesResponseSchema, 'output'),
        TermInput: toJsonSchema(termInputSchema, 'input'),
        Term: toJsonSchema(termSchema, 'output'),
        Terms: toJsonSchema(termsResponseSchema, 'output'),
        PersonInput: toJsonSchema(personInputSchema, 'input'),
        Person: toJsonSchema(personSchema, 'output'),
        Persons: toJsonSchema(personsResponseSchema, 'output'),
        MembershipCreate: toJsonSchema(membershipCreateSchema, 'input'),
        MembershipUpdate: toJsonSchema(membershipUpdateSchema, 'input'),
        MembershipEnd: toJsonSchema(membershipEndSchema, 'input'),
        Membership: toJsonSchema(membershipSchema, 'output'),
        MemberImportCsv: {
          type: 'string',
          contentMediaType: 'text/csv',
          description: 'The member list; see docs/member-import.md.',
        },
        MemberImportPreview: toJsonSchema(memberImportPreviewSchema, 'output'),
        FileInterpellationRequest: toJsonSchema(fileInterpellationRequestSchema, 'input'),
        AnswerInterpellationRequest: toJsonSchema(answerInterpellationRequestSchema, 'input'),
        Interpellation: toJsonSchema(interpellationSchema, 'output'),
        Interpellations: toJsonSchema(interpellationListResponseSchema, 'output'),
        InterpellationFile: toJsonSchema(interpellationFileSchema, 'output'),
        InterpellationFileUpload: interpellationFileUploadSchema(),
        SpeechRequest: toJsonSchema(speechRequestSchema, 'output'),
        SpeechRequestList: toJsonSchema(speechRequestListSchema, 'output'),
        ReviewSpeechRequest: toJsonSchema(reviewSpeechRequestSchema, 'input'),
        DraftResolutionChoices: toJsonSchema(draftResolutionChoicesSchema, 'output'),
        CreateConsultationRequest: toJsonSchema(createConsultationRequestSchema, 'input'),
        UpdateConsultationRequest: toJsonSchema(updateConsultationRequestSchema, 'input'),
        PublishConsultationRequest: toJsonSchema(publishConsultationRequestSchema, 'input'),
        Consultation: toJsonSchema(consultationSchema, 'output'),
        Consultations: toJsonSchema(consultationsResponseSchema, 'output'),
        ConsultationDocument: toJsonSchema(consultationDocumentSchema, 'output'),
        ConsultationDocumentUpload: uploadSchema(consultationDocumentUploadFieldsSchema),
        OfficeResponses: toJsonSchema(officeResponsesSchema, 'output'),
        OfficeOpinion: toJsonSchema(officeOpinionSchema, 'output'),
        OfficeOpinions: toJsonSchema(officeOpinionsSchema, 'output'),
        HideOpinionRequest: toJsonSchema(hideOpinionRequestSchema, 'input'),
        ConsultationResults: toJsonSchema(consultationResultsSchema, 'output'),
        PublicConsultation: toJsonSchema(publicConsultationSchema, 'output'),
        PublicConsultations: toJsonSchema(publicConsultationsResponseSchema, 'output'),
        SubmitResponseRequest: toJsonSchema(submitResponseRequestSchema, 'input'),
        EditResponseRequest: toJsonSchema(editResponseRequestSchema, 'input'),
        SubmitOpinionRequest: toJsonSchema(submitOpinionRequestSchema, 'input'),
        SubmissionAccepted: toJsonSchema(submissionAcceptedSchema, 'output'),
        ResidentResponse: toJsonSchema(residentResponseSchema, 'output'),
        ResidentOpinion: toJsonSchema(residentOpinionSchema, 'output'),
        ResidentDataRequest: toJsonSchema(residentDataRequestSchema, 'input'),
        ResidentData: toJsonSchema(residentDataSchema, 'output'),
        ResidentDataDeletion: toJsonSchema(residentDataDeletionSchema, 'output'),
        AgendaItemConsultations: toJsonSchema(agendaItemConsultationsSchema, 'output'),
      }),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session cookie set by `POST /api/auth/login`.',
        },
      },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the HTTP API (built once, then shared; it is frozen). */
export function openApiDocument(): OpenApiDocument {
  cached ??= deepFreeze(buildDocument());
  return cached;
}

// ---------------------------------------------------------------------------------------------
// The HTML page

const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Escaped prose, with `code` spans as <code>. */
const prose = (text: string): string =>
  escapeHtml(text).replace(/`([^`]+)`/g, (_match, code: string) => `<code>${code}</code>`);

/**
 * Replaces `#/components/schemas/X` references with the schemas themselves, for reading; a
 * reference inside its own schema (the agenda tree's children) stays a reference.
 */
export function inlineRefs(
  value: unknown,
  schemas: Readonly<Record<string, JsonSchema>> = openApiDocument().components.schemas,
  within: ReadonlySet<string> = new Set(),
): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineRefs(item, schemas, within));
  if (value === null || typeof value !== 'object') return value;
  const object = value as JsonSchema;
  const target = object.$ref;
  if (typeof target === 'string' && target.startsWith('#/components/schemas/')) {
    const name = target.slice('#/components/schemas/'.length);
    const schema = schemas[name];
    if (schema !== undefined && !within.has(name)) {
      return inlineRefs(schema, schemas, new Set([...within, name]));
    }
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, inner]) => [key, inlineRefs(inner, schemas, within)]),
  );
}

function schemaDetails(label: string, schema: unknown, document: OpenApiDocument): string {
  const json = JSON.stringify(inlineRefs(schema, document.components.schemas), null, 2);
  return (
    `<details><summary>${escapeHtml(label)}</summary>` +
    `<pre><code>${escapeHtml(json)}</code></pre></details>`
  );
}

const anchor = (spec: OperationSpec): string => `op-${spec.operationId}`;

const isApiError = (schema: unknown): boolean =>
  JSON.stringify(schema).includes('"#/components/schemas/ApiError"');

function operationHtml(spec: OperationSpec, document: OpenApiDocument): string {
  const path = openApiPath(spec.route);
  const operation = document.paths[path]?.[spec.method.toLowerCase()] ?? {};
  const parts: string[] = [
    `<section class="operation" aria-labelledby="${anchor(spec)}">`,
    `<h3 id="${anchor(spec)}"><span class="method">${spec.method}</span> ` +
      `<code class="path">${escapeHtml(path)}</code></h3>`,
    `<p class="summary">${prose(spec.summary)}</p>`,
  ];
  if (spec.description !== undefined) parts.push(`<p>${prose(spec.description)}</p>`);
  const access = {
    none: 'No sign-in needed.',
    optional: 'Uses the session cookie when there is one.',
    session: `Needs the <code>${SESSION_COOKIE}</code> session cookie.`,
  }[spec.auth];
  parts.push(`<p>${access}</p>`);
  if (spec.parameters !== undefined) {
    parts.push('<h4>Parameters</h4><ul>');
    for (const parameter of spec.parameters) {
      const required = parameter.required ? 'required' : 'optional';
      parts.push(
        `<li><code>${escapeHtml(parameter.name)}</code> (${parameter.in}, ${required}): ` +
          `${prose(parameter.description)} ` +
          `<code>${escapeHtml(JSON.stringify(parameter.schema))}</code></li>`,
      );
    }
    parts.push('</ul>');
  }
  if (spec.body !== undefined) {
    parts.push(
      '<h4>Request body</h4>',
      `<p>${prose(spec.body.description)} <code>${spec.body.contentType ?? JSON_TYPE}</code>.</p>`,
      schemaDetails(`JSON Schema: ${spec.body.schema}`, ref(spec.body.schema), document),
    );
  }
  parts.push('<h4>Responses</h4><dl class="responses">');
  const responses = (operation.responses ?? {}) as Record<string, JsonSchema>;
  for (const [status, response] of Object.entries(responses)) {
    const content = response.content as Record<string, { schema?: unknown }> | undefined;
    const schema = content?.[JSON_TYPE]?.schema;
    // Errors all have the one shape, shown once under "Errors"; their codes are in the text.
    const details =
      schema === undefined || isApiError(schema)
        ? ''
        : schemaDetails(`JSON Schema of the ${status} answer`, schema, document);
    parts.push(
      `<dt>${escapeHtml(status)}</dt><dd><p>${prose(String(response.description))}</p>` +
        `${details}</dd>`,
    );
  }
  parts.push('</dl></section>');
  return parts.join('\n');
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; }
header, main, nav { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
h1 { margin-top: 1.5rem; }
h2 { border-bottom: 2px solid #1b1b1b; padding-bottom: 0.25rem; margin-top: 2.5rem; }
h3 { margin: 0 0 0.5rem; font-size: 1.15rem; }
.operation { border: 1px solid #6b6b6b; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.method { display: inline-block; min-width: 3.5rem; padding: 0 0.4rem; border-radius: 4px;
  background: #0b4f6c; color: #fff; text-align: center; font-family: ui-monospace, monospace; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; overflow-wrap: anywhere; }
pre { background: #f3f3f3; color: #1b1b1b; padding: 0.75rem; overflow: auto;
  border: 1px solid #6b6b6b; border-radius: 4px; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; padding: 0.65rem 0; color: #0a4a8a; text-decoration: underline; }
a { color: #0a4a8a; }
a:focus-visible, summary:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
dt { font-weight: bold; font-family: ui-monospace, monospace; }
dd { margin: 0 0 0.75rem 1.5rem; }
.skip { position: absolute; left: -10000px; }
.skip:focus { position: static; }
`;

let cachedPage: string | undefined;

/** The documentation as one self-contained, accessible HTML page (no scripts, no fonts). */
export function docsPage(): string {
  if (cachedPage !== undefined) return cachedPage;
  const document = openApiDocument();
  const paragraphs = document.info.description
    .split('\n\n')
    .map((text) => `<p>${prose(text)}</p>`)
    .join('\n');
  const toc = OPERATIONS.map(
    (spec) =>
      `<li><a href="#${anchor(spec)}"><span class="method">${spec.method}</span> ` +
      `<code>${escapeHtml(openApiPath(spec.route))}</code></a>: ${prose(spec.summary)}</li>`,
  ).join('\n');
  const sections = document.tags
    .map((tag) => {
      const specs = OPERATIONS.filter((spec) => spec.tag === tag.name);
      const id = `tag-${tag.name.toLowerCase().replaceAll(' ', '-')}`;
      return (
        `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(tag.name)}</h2>` +
        `<p>${prose(tag.description)}</p>\n` +
        specs.map((spec) => operationHtml(spec, document)).join('\n') +
        '</section>'
      );
    })
    .join('\n');
  cachedPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the operations</a>
<header>
<h1>${escapeHtml(document.info.title)}</h1>
${paragraphs}
<p>Machine-readable: <a href="/api/docs/openapi.json">the OpenAPI ${escapeHtml(document.openapi)} document</a>.
The live-sitting protocol is explained in <code>docs/realtime.md</code>.</p>
</header>
<nav aria-labelledby="toc"><h2 id="toc">Operations</h2><ul>
${toc}
</ul></nav>
<main id="main">
<section aria-labelledby="errors"><h2 id="errors">Errors</h2>
<p>Every 4xx and 5xx answer of the API has this shape; each operation lists the codes it can return.</p>
${schemaDetails('JSON Schema of an error', ref('ApiError'), document)}
</section>
${sections}
</main>
</body>
</html>
`;
  return cachedPage;
}

/** The page allows its own inline style and nothing else. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

/** `GET /api/docs` (the page) and `GET /api/docs/openapi.json` (the document). */
export function docsRoutes(app: FastifyInstance): void {
  const json = JSON.stringify(openApiDocument());
  app.get('/api/docs/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(json),
  );
  app.get('/api/docs', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', PAGE_POLICY)
      .send(docsPage()),
  );
}
