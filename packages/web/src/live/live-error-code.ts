import type { Messages } from '../i18n/resources';

/** The refusals the councillor's page has words for: the keys of `live.errors`. */
export type LiveErrorCode = keyof Messages['live']['errors'];

const KNOWN: ReadonlySet<string> = new Set<LiveErrorCode>([
  'sitting_not_open',
  'not_present',
  'no_quorum',
  'no_quorum_check',
  'already_confirmed',
  'deadline_passed',
  'unknown_vote',
  'vote_closed',
  'not_entitled',
  'already_voted',
  'invalid_choice',
  'already_requested',
  'unknown_request',
  'duplicate_id',
  'unknown_member',
  'forbidden',
  'unauthenticated',
  'not_found',
  'validation_failed',
  'rate_limited',
  'unavailable',
  'not_implemented',
  'command_id_reused',
  'internal',
  'bad_response',
  'unexpected',
]);

function isKnown(code: string): code is LiveErrorCode {
  return KNOWN.has(code);
}

/** Codes from the server (the domain's refusals, the API's errors) as the page translates them. */
export function liveErrorCode(code: string): LiveErrorCode {
  return isKnown(code) ? code : 'unexpected';
}
