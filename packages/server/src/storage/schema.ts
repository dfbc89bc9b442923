import {
  AGENDA_ITEM_KINDS,
  BODY_KINDS,
  COUNCIL_ROLES,
  COUNTRIES,
  INTERPELLATION_KINDS,
  SPEECH_REQUEST_STATUSES,
  LANGUAGES,
  MEMBERSHIP_ROLES,
  QUORUM_RULES,
  SITTING_KINDS,
  SITTING_MODES,
  SITTING_STATUSES,
} from '@veche/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * Every council-owned table carries `council_id` so that councils can later be sharded across
 * PostgreSQL nodes by that column without changing the model. Enumerations are stored as text with
 * CHECK constraints generated from the domain's vocabulary (one source of truth; no PostgreSQL
 * enum types, which are awkward to migrate).
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** A council is a tenant: one municipality's assembly with its own settings. */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    languages: text('languages').array().notNull(),
    defaultLanguage: text('default_language').notNull(),
    timeZone: text('time_zone').notNull(),
    quorumRule: text('quorum_rule').notNull(),
    majorityPreset: text('majority_preset').notNull(),
    resolutionNumberPattern: text('resolution_number_pattern').notNull(),
    ballotChangeAllowed: boolean('ballot_change_allowed').notNull().default(false),
    speechRequestDeadlineDays: integer('speech_request_deadline_days').notNull().default(3),
    /** Days after a consultation's end until residents' names and e-mails are erased. */
    consultationRetentionDays: integer('consultation_retention_days').notNull().default(90),
    /** Optimistic concurrency for the platform administrator's edits of the settings. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  () => [
    check('councils_country_check', oneOf('country', COUNTRIES)),
    check('councils_default_language_check', oneOf('default_language', LANGUAGES)),
    check('councils_quorum_rule_check', oneOf('quorum_rule', QUORUM_RULES)),
    check(
      'councils_consultation_retention_check',
      sql`consultation_retention_days between 0 and 3650`,
    ),
  ],
);

/** The plenary council or a committee, with its statutory size and quorum rule. */
export const bodies = pgTable(
  'bodies',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    statutorySize: integer('statutory_size').notNull(),
    quorumRule: text('quorum_rule').notNull(),
    ...timestamps,
  },
  (t) => [
    unique('bodies_council_id_id_unique').on(t.councilId, t.id),
    index('bodies_council_idx').on(t.councilId),
    check('bodies_kind_check', oneOf('kind', BODY_KINDS)),
    check('bodies_quorum_rule_check', oneOf('quorum_rule', QUORUM_RULES)),
    // Wider than any council (the largest have about a hundred seats) so that the load benchmark
    // can seat its thousands of simulated members in one body.
    check('bodies_statutory_size_check', sql`${t.statutorySize} between 1 and 10000`),
  ],
);

/** A term of office (kadencja, мандат); sittings are numbered per body and term. */
export const terms = pgTable(
  'terms',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    ...timestamps,
  },
  (t) => [
    unique('terms_council_id_id_unique').on(t.councilId, t.id),
    index('terms_council_idx').on(t.councilId),
  ],
);

/** A natural person known to a council: councillor, official, mayor. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email'),
    ...timestamps,
  },
  (t) => [
    unique('persons_council_id_id_unique').on(t.councilId, t.id),
    index('persons_council_idx').on(t.councilId),
  ],
);

/**
 * A login identity. A user belongs to a home council (`council_id`; null only for platform
 * administrators) and may hold roles in several councils through `council_roles`.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id').references(() => councils.id),
    personId: uuid('person_id').references(() => persons.id),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    language: text('language').notNull(),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_council_idx').on(t.councilId),
    check('users_language_check', oneOf('language', LANGUAGES)),
    check('users_email_lowercase_check', sql`${t.email} = lower(${t.email})`),
  ],
);

/** Roles are per council (DESIGN.md section 2). */
export const councilRoles = pgTable(
  'council_roles',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.councilId, t.userId, t.role] }),
    index('council_roles_user_idx').on(t.userId),
    check('council_roles_role_check', oneOf('role', COUNCIL_ROLES)),
  ],
);

/** A person's seat in a body for a period, with the role held there. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    termId: uuid('term_id').references(() => terms.id),
    role: text('role').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'memberships_council_person_fk',
      columns: [t.councilId, t.personId],
      foreignColumns: [persons.councilId, persons.id],
    }),
    foreignKey({
      name: 'memberships_council_body_fk',
      columns: [t.councilId, t.bodyId],
      foreignColumns: [bodies.councilId, bodies.id],
    }),
    foreignKey({
      name: 'memberships_council_term_fk',
      columns: [t.councilId, t.termId],
      foreignColumns: [terms.councilId, terms.id],
    }),
    index('memberships_body_idx').on(t.bodyId),
    index('memberships_person_idx').on(t.personId),
    index('memberships_council_idx').on(t.councilId),
    check('memberships_role_check', oneOf('role', MEMBERSHIP_ROLES)),
    check('memberships_dates_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * Signed-in browser sessions. Named `login_sessions` so that nobody confuses them with council
 * sittings, which Polish calls "sesje". Only a hash of the cookie's token is stored.
 */
export const loginSessions = pgTable(
  'login_sessions',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id').references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('login_sessions_token_unique').on(t.tokenHash),
    index('login_sessions_user_idx').on(t.userId),
    index('login_sessions_expires_idx').on(t.expiresAt),
  ],
);

/** A sitting (sesja, заседание, седница) of a body, numbered per body and term. */
export const sittings = pgTable(
  'sittings',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    status: text('status').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    streamUrl: text('stream_url'),
    meetingUrl: text('meeting_url'),
    /** The published recording (http(s)) and the instant it starts: the chapters' time zero. */
    recordingUrl: text('recording_url'),
    recordingStartedAt: timestamp('recording_started_at', { withTimezone: true }),
    /** Optimistic concurrency for edits made before the sitting opens. */
    version: integer('version').notNull().default(1),
    /**
     * The domain's SittingSetup (members, sizes, rules, agenda) frozen when the sitting's log
     * starts, so that replaying the log always gives the same state even if memberships or the
     * agenda tables change later.
     */
    logSetup: jsonb('log_setup'),
    ...timestamps,
  },
  (t) => [
    unique('sittings_council_id_id_unique').on(t.councilId, t.id),
    // A sitting's body and term belong to its own council: no row can point across councils.
    foreignKey({
      name: 'sittings_council_body_fk',
      columns: [t.councilId, t.bodyId],
      foreignColumns: [bodies.councilId, bodies.id],
    }),
    foreignKey({
      name: 'sittings_council_term_fk',
      columns: [t.councilId, t.termId],
      foreignColumns: [terms.councilId, terms.id],
    }),
    uniqueIndex('sittings_number_unique').on(t.bodyId, t.termId, t.number),
    index('sittings_council_starts_idx').on(t.councilId, t.startsAt),
    check('sittings_kind_check', oneOf('kind', SITTING_KINDS)),
    check('sittings_mode_check', oneOf('mode', SITTING_MODES)),
    check('sittings_status_check', oneOf('status', SITTING_STATUSES)),
    check('sittings_number_check', sql`${t.number} between 1 and 3999`),
  ],
);

/** One item of a sitting's agenda tree; siblings are ordered by `position`. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull().default('procedural'),
    description: text('description'),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'agenda_items_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    index('agenda_items_sitting_idx').on(t.sittingId, t.parentId, t.position),
    // The public portal's full-text search ('simple': no stemming, so it behaves the same in
    // every language and on PGlite and PostgreSQL); the query repeats this exact expression.
    index('agenda_items_title_search_idx').using('gin', sql`to_tsvector('simple', ${t.title})`),
    check('agenda_items_kind_check', oneOf('kind', AGENDA_ITEM_KINDS)),
  ],
);

/**
 * A council's reusable agenda (opening, adoption of the minutes, interpellations, closing ...),
 * copied into a new sitting's agenda. `items` is the tree as the editor sends it, without ids.
 */
export const agendaTemplates = pgTable(
  'agenda_templates',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    name: text('name').notNull(),
    items: jsonb('items').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('agenda_templates_council_idx').on(t.councilId),
    uniqueIndex('agenda_templates_name_unique').on(t.councilId, t.name),
  ],
);

/**
 * The append-only log of a live sitting. `seq` counts from 1 per sitting; each row carries the
 * hash of the one before it, so the published log is tamper-evident (DESIGN.md section 5).
 */
export const sittingEvents = pgTable(
  'sitting_events',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    actorUserId: uuid('actor_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'sitting_events_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    primaryKey({ columns: [t.sittingId, t.seq] }),
    check('sitting_events_seq_check', sql`${t.seq} >= 1`),
  ],
);

/**
 * Every command a client sent to a sitting, by its client-generated id, with what came of it:
 * a retried command returns this first outcome and acts only once.
 */
export const sittingCommands = pgTable(
  'sitting_commands',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id),
    commandId: text('command_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    type: text('type').notNull(),
    outcome: jsonb('outcome').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'sitting_commands_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    primaryKey({ columns: [t.sittingId, t.commandId] }),
  ],
);

/**
 * Ballots of named and open votes, one row per member and vote (DESIGN.md section 5: ballots are
 * not queued behind the sitting log). A changed ballot (where the council allows it) updates the
 * row; the count of changes is kept.
 */
export const ballots = pgTable(
  'ballots',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id),
    voteId: text('vote_id').notNull(),
    memberId: text('member_id').notNull(),
    choice: text('choice').notNull(),
    enteredByUserId: uuid('entered_by_user_id'),
    proxyReason: text('proxy_reason'),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull(),
    changes: integer('changes').notNull().default(0),
  },
  (t) => [
    foreignKey({
      name: 'ballots_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    primaryKey({ columns: [t.sittingId, t.voteId, t.memberId] }),
  ],
);

/**
 * Secret votes keep who took part and what was chosen apart (DESIGN.md section 4): participation
 * rows name the member and nothing else; choices exist only as a running count per option, never
 * as one row per ballot, so neither a key, a time, nor the order of rows in a dump can tie a
 * choice to a member.
 */
export const secretParticipations = pgTable(
  'secret_participations',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id),
    voteId: text('vote_id').notNull(),
    memberId: text('member_id').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'secret_participations_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    primaryKey({ columns: [t.sittingId, t.voteId, t.memberId] }),
  ],
);

export const secretTallies = pgTable(
  'secret_tallies',
  {
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id),
    voteId: text('vote_id').notNull(),
    choice: text('choice').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    foreignKey({
      name: 'secret_tallies_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    primaryKey({ columns: [t.sittingId, t.voteId, t.choice] }),
  ],
);

/**
 * One-time sign-in links. The operator shows one as a QR code so that a tablet in the hall signs
 * in as a member without anyone typing the member's password. Only a hash of the token is
 * stored; a link works once and only for a short time, and the row stays as the record of who
 * let whom in, and when.
 */
export const loginLinks = pgTable(
  'login_links',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Where the tablet goes once signed in. */
    sittingId: uuid('sitting_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('login_links_token_unique').on(t.tokenHash),
    index('login_links_council_idx').on(t.councilId),
    foreignKey({
      name: 'login_links_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
  ],
);

/**
 * Documents of a sitting or of one of its agenda items: the file itself is in the blob store
 * under its SHA-256, so the same file attached twice is kept once. `isPublic` documents are
 * readable by anyone once the sitting is convened; the others by the council's people only.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id').notNull(),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, {
      onDelete: 'cascade',
    }),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'documents_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }).onDelete('cascade'),
    index('documents_sitting_idx').on(t.sittingId, t.agendaItemId),
    index('documents_title_search_idx').using('gin', sql`to_tsvector('simple', ${t.title})`),
    check('documents_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('documents_size_check', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * One-time links that let a person set their password: an invitation to a new account, or a
 * reset. Only a hash of the token is stored; a link works once, until `expires_at`, and a new
 * link for the same person and purpose replaces the unused ones. The used rows stay as the
 * record of who was let in, by whom, and when.
 */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Who sent the invitation; null for a reset the person asked for. */
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('password_tokens_token_unique').on(t.tokenHash),
    index('password_tokens_user_idx').on(t.userId),
    index('password_tokens_council_idx').on(t.councilId),
    check('password_tokens_purpose_check', oneOf('purpose', ['invitation', 'password_reset'])),
  ],
);

/**
 * A user's TOTP second factor (RFC 6238), one per user. `confirmed_at` is null while a setup
 * waits for its first code; only a confirmed factor is asked for at sign-in. The secret is kept
 * as base32 in clear: there is no key management yet, so encrypting it here would only move the
 * key next to it (docs/ARCHITECTURE.md names this as a known limit). `last_used_step` is the
 * newest 30-second step a code was accepted for: a code of that step or an older one is refused,
 * so an overheard code cannot be replayed.
 */
export const userSecondFactors = pgTable(
  'user_second_factors',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    /** The user's home council, as on `login_sessions` (null for a platform administrator). */
    councilId: uuid('council_id').references(() => councils.id),
    secret: text('secret').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    lastUsedStep: bigint('last_used_step', { mode: 'number' }),
    ...timestamps,
  },
  (t) => [index('user_second_factors_council_idx').on(t.councilId)],
);

/**
 * One-time recovery codes of a second factor, for a lost phone. Only a SHA-256 of each is kept
 * (see second-factor.use-case.ts for why a fast hash suffices); a used code keeps its row with
 * `used_at`, so that the account page can say how many are left.
 */
export const secondFactorRecoveryCodes = pgTable(
  'second_factor_recovery_codes',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id').references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('second_factor_recovery_codes_unique').on(t.userId, t.codeHash)],
);

/**
 * The step between the password and the code at sign-in: a short-lived token (only its SHA-256
 * stored) that says "this password was right", used once, and void after too many wrong codes.
 */
export const secondFactorChallenges = pgTable(
  'second_factor_challenges',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id').references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('second_factor_challenges_token_unique').on(t.tokenHash),
    index('second_factor_challenges_user_idx').on(t.userId),
    check('second_factor_challenges_attempts_check', sql`${t.failedAttempts} >= 0`),
  ],
);

/**
 * What members must be told about a sitting and have not been yet: its convening, or changes
 * since (agenda, details, documents), gathered for a while so that five saves in a row make one
 * message. A row is sent and deleted in one transaction; a crash before the commit sends it again
 * (at least once, never lost). `origin` is where the links in the message point.
 */
export const sittingNotices = pgTable(
  'sitting_notices',
  {
    sittingId: uuid('sitting_id')
      .primaryKey()
      .references(() => sittings.id, { onDelete: 'cascade' }),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    kind: text('kind').notNull(),
    changes: jsonb('changes').notNull(),
    origin: text('origin').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sitting_notices_due_idx').on(t.dueAt),
    check('sitting_notices_kind_check', oneOf('kind', ['convened', 'changed'])),
  ],
);

/** The in-app side of a notice: one row per member told, read or not. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sittingId: uuid('sitting_id')
      .notNull()
      .references(() => sittings.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    changes: jsonb('changes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    check('notifications_kind_check', oneOf('kind', ['convened', 'changed'])),
  ],
);

/**
 * Interpellations and questions (DESIGN.md section 4): a councillor (`author_person_id`, a
 * person of the council) files one addressed to the mayor; the office records the answer.
 * Numbered per council and year ("12/2026"). `deadline` is the council's calendar day by which
 * the answer is due, fixed at filing (the rule may change later; a filed one keeps its date).
 * `version` guards the office's answer against a stale overwrite.
 */
export const interpellations = pgTable(
  'interpellations',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    authorPersonId: uuid('author_person_id').notNull(),
    filedByUserId: uuid('filed_by_user_id').references(() => users.id),
    addressee: text('addressee').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    filedOn: date('filed_on').notNull(),
    deadline: date('deadline').notNull(),
    answerText: text('answer_text'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOn: date('answered_on'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('interpellations_council_id_id_unique').on(t.councilId, t.id),
    unique('interpellations_number_unique').on(t.councilId, t.year, t.seq),
    foreignKey({
      name: 'interpellations_council_person_fk',
      columns: [t.councilId, t.authorPersonId],
      foreignColumns: [persons.councilId, persons.id],
    }),
    index('interpellations_author_idx').on(t.councilId, t.authorPersonId),
    check('interpellations_kind_check', oneOf('kind', INTERPELLATION_KINDS)),
    check('interpellations_deadline_check', sql`${t.deadline} > ${t.filedOn}`),
    check(
      'interpellations_answer_check',
      sql`(${t.answerText} is null) = (${t.answeredAt} is null) and (${t.answeredAt} is null) = (${t.answeredOn} is null)`,
    ),
  ],
);

/**
 * Files of an interpellation, kept in the blob store like documents: `question` files by the
 * author while it waits for an answer, `answer` files by the office. All are public once filed.
 */
export const interpellationFiles = pgTable(
  'interpellation_files',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    interpellationId: uuid('interpellation_id').notNull(),
    role: text('role').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'interpellation_files_council_interpellation_fk',
      columns: [t.councilId, t.interpellationId],
      foreignColumns: [interpellations.councilId, interpellations.id],
    }).onDelete('cascade'),
    index('interpellation_files_interpellation_idx').on(t.interpellationId),
    check('interpellation_files_role_check', oneOf('role', ['question', 'answer'])),
    check('interpellation_files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('interpellation_files_size_check', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * The resolutions register: what each closed sitting resolved on its draft resolutions (the
 * domain's `resolutionsOf`), written in the transaction that closes the sitting. An adopted one
 * has its number from the council's pattern and a sequence per body and term; a rejected one
 * has neither. The vote is the sitting log's vote id.
 */
export const resolutions = pgTable(
  'resolutions',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id').notNull(),
    bodyId: uuid('body_id').notNull(),
    termId: uuid('term_id').notNull(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    voteId: text('vote_id').notNull(),
    title: text('title').notNull(),
    adopted: boolean('adopted').notNull(),
    seq: integer('seq'),
    number: text('number'),
    year: integer('year').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    unique('resolutions_council_id_id_unique').on(t.councilId, t.id),
    unique('resolutions_item_unique').on(t.councilId, t.agendaItemId),
    unique('resolutions_seq_unique').on(t.councilId, t.bodyId, t.termId, t.seq),
    foreignKey({
      name: 'resolutions_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }),
    index('resolutions_register_idx').on(t.councilId, t.decidedAt),
    check(
      'resolutions_number_check',
      sql`(${t.adopted} and ${t.seq} is not null and ${t.number} is not null) or (not ${t.adopted} and ${t.seq} is null and ${t.number} is null)`,
    ),
  ],
);

/**
 * What is left of an agenda item the office removed from a sitting that was no longer a draft
 * (its agenda was public): the id, where it was and when it went, so that the OParl API can
 * answer it as deleted (`deleted: true`) rather than as never having existed. Items removed from
 * a draft were never public and leave nothing.
 */
export const agendaItemTombstones = pgTable(
  'agenda_item_tombstones',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id').notNull(),
    kind: text('kind').notNull(),
    /** Its place among its siblings when it was removed (OParl's `order` is required). */
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'agenda_item_tombstones_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }).onDelete('cascade'),
    index('agenda_item_tombstones_council_idx').on(t.councilId, t.deletedAt),
    check('agenda_item_tombstones_kind_check', oneOf('kind', AGENDA_ITEM_KINDS)),
  ],
);

/**
 * Residents' requests to speak at a sitting (issue 7, section 1), filed through the portal. A
 * request counts once its address is verified (only a hash of the link's token is kept); the
 * office then approves or rejects it with a reason. An approved request joins the speaker queue
 * when the sitting reaches its item. The item's title is kept as filed, so a request still reads
 * right if the office later removes the item (the link then becomes null).
 */
export const speechRequests = pgTable(
  'speech_requests',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    sittingId: uuid('sitting_id').notNull(),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, {
      onDelete: 'set null',
    }),
    itemTitle: text('item_title').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailNormalized: text('email_normalized').notNull(),
    /** The portal's language when filed: the e-mails to the resident are written in it. */
    language: text('language').notNull(),
    summary: text('summary').notNull(),
    attachmentFileName: text('attachment_file_name'),
    attachmentMediaType: text('attachment_media_type'),
    attachmentSizeBytes: bigint('attachment_size_bytes', { mode: 'number' }),
    attachmentSha256: text('attachment_sha256'),
    status: text('status').notNull().default('unverified'),
    verificationTokenHash: text('verification_token_hash').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
    rejectionReason: text('rejection_reason'),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'speech_requests_council_sitting_fk',
      columns: [t.councilId, t.sittingId],
      foreignColumns: [sittings.councilId, sittings.id],
    }).onDelete('cascade'),
    index('speech_requests_sitting_idx').on(t.sittingId, t.filedAt),
    index('speech_requests_email_idx').on(t.emailNormalized, t.filedAt),
    unique('speech_requests_token_unique').on(t.verificationTokenHash),
    // One request per address and item: a second submit (a double click, a retry) finds the first.
    unique('speech_requests_one_per_item').on(t.sittingId, t.agendaItemId, t.emailNormalized),
    check('speech_requests_status_check', oneOf('status', SPEECH_REQUEST_STATUSES)),
    check(
      'speech_requests_review_check',
      sql`(${t.status} in ('approved', 'rejected')) = (${t.reviewedAt} is not null) and (${t.status} = 'rejected') = (${t.rejectionReason} is not null)`,
    ),
    check(
      'speech_requests_verified_check',
      sql`(${t.status} = 'unverified') = (${t.verifiedAt} is null)`,
    ),
    check(
      'speech_requests_attachment_check',
      sql`(${t.attachmentSha256} is null) = (${t.attachmentFileName} is null) and (${t.attachmentSha256} is null or ${t.attachmentSha256} ~ '^[0-9a-f]{64}$')`,
    ),
  ],
);

/**
 * A public consultation (issue 7, section 2): unpublished it is a draft that only the office
 * sees; published, its status follows from the period and the clock (the domain's
 * `consultationStatus`). `survey` is the domain's `Survey` as JSON, fixed once it has started.
 * `agenda_item_id` names the draft resolution it concerns; it is checked when saved and has no
 * foreign key, so that the office may still rebuild an agenda (a removed item leaves a dangling
 * id, which readers treat as none). `personal_data_erased_at` records the retention sweep.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    agendaItemId: uuid('agenda_item_id'),
    survey: jsonb('survey').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('consultations_council_id_id_unique').on(t.councilId, t.id),
    index('consultations_council_starts_idx').on(t.councilId, t.startsAt),
    check('consultations_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Documents of a consultation (the draft, maps, a note), in the blob store like documents. */
export const consultationDocuments = pgTable(
  'consultation_documents',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    consultationId: uuid('consultation_id').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'consultation_documents_council_consultation_fk',
      columns: [t.councilId, t.consultationId],
      foreignColumns: [consultations.councilId, consultations.id],
    }).onDelete('cascade'),
    index('consultation_documents_consultation_idx').on(t.consultationId),
    check('consultation_documents_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('consultation_documents_size_check', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * A resident's response to a consultation's survey. One per verified resident per consultation,
 * enforced by the database: `email_normalized` (trimmed, lower-cased) is unique per
 * consultation, unverified responses included, so a second submission for the same address
 * fails even when two race. The link's token is kept as its SHA-256 only; it verifies the
 * address and then lets the resident edit until the end. The retention sweep sets name, e-mail
 * and token to null and `personal_data_erased_at`; the answers stay (NULLs are distinct, so
 * erased rows never collide).
 */
export const consultationResponses = pgTable(
  'consultation_responses',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    consultationId: uuid('consultation_id').notNull(),
    name: text('name'),
    email: text('email'),
    emailNormalized: text('email_normalized'),
    consentToPublishName: boolean('consent_to_publish_name').notNull().default(false),
    answers: jsonb('answers').notNull(),
    language: text('language').notNull(),
    tokenHash: text('token_hash'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'consultation_responses_council_consultation_fk',
      columns: [t.councilId, t.consultationId],
      foreignColumns: [consultations.councilId, consultations.id],
    }).onDelete('cascade'),
    unique('consultation_responses_one_per_resident').on(t.consultationId, t.emailNormalized),
    uniqueIndex('consultation_responses_token_unique').on(t.tokenHash),
    index('consultation_responses_email_idx').on(t.councilId, t.emailNormalized),
    check('consultation_responses_language_check', oneOf('language', LANGUAGES)),
    check(
      'consultation_responses_erased_check',
      sql`(${t.personalDataErasedAt} is null) = (${t.emailNormalized} is not null)`,
    ),
  ],
);

/**
 * An opinion addressed to the office (free text and an optional attachment in the blob store),
 * verified by e-mail like a response. Hiding it (moderation) keeps it with who hid it, when and
 * why; the public sees only that it was hidden (counted).
 */
export const consultationOpinions = pgTable(
  'consultation_opinions',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    consultationId: uuid('consultation_id').notNull(),
    name: text('name'),
    email: text('email'),
    emailNormalized: text('email_normalized'),
    consentToPublishName: boolean('consent_to_publish_name').notNull().default(false),
    text: text('text').notNull(),
    attachmentFileName: text('attachment_file_name'),
    attachmentMediaType: text('attachment_media_type'),
    attachmentSizeBytes: bigint('attachment_size_bytes', { mode: 'number' }),
    attachmentSha256: text('attachment_sha256'),
    language: text('language').notNull(),
    tokenHash: text('token_hash'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenByUserId: uuid('hidden_by_user_id').references(() => users.id),
    hiddenReason: text('hidden_reason'),
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'consultation_opinions_council_consultation_fk',
      columns: [t.councilId, t.consultationId],
      foreignColumns: [consultations.councilId, consultations.id],
    }).onDelete('cascade'),
    uniqueIndex('consultation_opinions_token_unique').on(t.tokenHash),
    index('consultation_opinions_consultation_idx').on(t.consultationId),
    index('consultation_opinions_email_idx').on(t.councilId, t.emailNormalized),
    check('consultation_opinions_language_check', oneOf('language', LANGUAGES)),
    check(
      'consultation_opinions_hidden_check',
      sql`(${t.hiddenAt} is null) = (${t.hiddenReason} is null)`,
    ),
    check(
      'consultation_opinions_attachment_check',
      sql`(${t.attachmentSha256} is null) = (${t.attachmentFileName} is null)`,
    ),
  ],
);

/**
 * A resident's request for what a council keeps about their e-mail address: a link (its token's
 * SHA-256) e-mailed to that address, valid until `expires_at`, that shows their responses and
 * opinions and lets them delete them.
 */
export const residentDataRequests = pgTable(
  'resident_data_requests',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    emailNormalized: text('email_normalized').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('resident_data_requests_token_unique').on(t.tokenHash)],
);
