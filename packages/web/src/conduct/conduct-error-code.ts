import type { Messages } from '../i18n/resources';

/** The refusals the console has its own words for: the keys of `conduct.errors`. */
export type ConductErrorCode = keyof Messages['conduct']['errors'];

const KNOWN: ReadonlySet<string> = new Set<ConductErrorCode>([
  'invalid_transition',
  'no_quorum',
  'quorum_check_running',
  'unchanged',
  'vote_in_progress',
  'not_annulled',
  'already_annulled',
  'already_repeated',
  'unknown_item',
  'invalid_position',
  'invalid_move',
  'item_in_use',
  'invalid_argument',
  'invalid_majority_rule',
  'floor_taken',
  'floor_free',
  'queue_empty',
]);

/** A refusal's code as the console words it, or null to leave it to the live page's words. */
export function conductErrorCode(code: string): ConductErrorCode | null {
  return KNOWN.has(code) ? (code as ConductErrorCode) : null;
}

export type ProxyErrorCode = keyof Messages['conduct']['proxy']['errors'];

const PROXY: ReadonlySet<string> = new Set<ProxyErrorCode>([
  'already_voted',
  'not_entitled',
  'proxy_not_allowed',
  'forbidden',
  'vote_closed',
  'deadline_passed',
]);

/**
 * A refused ballot the operator entered for a member, in words about the member (the live page's
 * words speak to the member themselves); null for a refusal said as any other.
 */
export function proxyErrorCode(code: string): ProxyErrorCode | null {
  return PROXY.has(code) ? (code as ProxyErrorCode) : null;
}
