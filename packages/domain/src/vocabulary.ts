/**
 * The shared words of the council domain. Kept in one place so that the server's tables, the
 * protocol schemas and the web client all speak of the same states.
 */

/** Languages Veche speaks (DESIGN.md section 8): Polish, Bulgarian, Serbian in both scripts, English. */
export const LANGUAGES = ['pl', 'bg', 'sr-Cyrl', 'sr-Latn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Countries whose rules Veche ships presets for (DESIGN.md section 4). */
export const COUNTRIES = ['PL', 'BG', 'RS'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Sitting lifecycle: draft -> convened -> open -> (suspended <-> open) -> closed (DESIGN.md section 4). */
export const SITTING_STATUSES = ['draft', 'convened', 'open', 'suspended', 'closed'] as const;
export type SittingStatus = (typeof SITTING_STATUSES)[number];

/** Where members take part: all in the hall, all remote, or both. */
export const SITTING_MODES = ['hall', 'remote', 'hybrid'] as const;
export type SittingMode = (typeof SITTING_MODES)[number];

export const SITTING_KINDS = ['ordinary', 'extraordinary'] as const;
export type SittingKind = (typeof SITTING_KINDS)[number];

/** A body is the plenary council or one of its committees. */
export const BODY_KINDS = ['plenary', 'committee', 'joint_committee'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** A person's role within one body (membership). */
export const MEMBERSHIP_ROLES = ['chair', 'vice_chair', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A user's roles within one council; roles are per council (DESIGN.md section 2). */
export const COUNCIL_ROLES = ['council_admin', 'operator', 'chair', 'councillor'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/**
 * Quorum rule over the statutory size: "at least half" (PL) or "more than half" (BG, RS).
 */
export const QUORUM_RULES = ['at_least_half', 'more_than_half'] as const;
export type QuorumRuleKind = (typeof QUORUM_RULES)[number];

/** What an agenda item is, which decides how it is shown and what it may carry (issue 5). */
export const AGENDA_ITEM_KINDS = [
  'procedural',
  'draft_resolution',
  'report',
  'interpellations',
  'motions',
  'residents_speeches',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
