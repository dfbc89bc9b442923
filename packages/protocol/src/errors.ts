import { z } from 'zod';

/**
 * Every error the API returns has this shape. `code` is stable and machine-readable (the web
 * client translates it); `message` is an English explanation for logs and API users; `field`
 * names the offending input where there is one; `facts` carries the numbers behind a domain
 * rejection (e.g. required and present for `no_quorum`).
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    issues: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Error codes the HTTP API uses outside domain rejections. */
export const API_ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'invalid_credentials',
  'link_invalid',
  'code_invalid',
  'challenge_invalid',
  'second_factor_required',
  'second_factor_enabled',
  'file_empty',
  'file_too_large',
  'file_type_unsupported',
  'unknown_item',
  'not_a_member',
  'no_account',
  'email_taken',
  'person_has_account',
  'unknown_person',
  'cannot_deactivate_self',
  'mail_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'rate_limited',
  'csrf_rejected',
  'command_id_reused',
  'stale_version',
  'preparation_closed',
  'number_taken',
  'renumbering_closed',
  'date_in_past',
  'no_term',
  'outside_term',
  'unknown_reference',
  'item_has_documents',
  'agenda_empty',
  'already_convened',
  'name_taken',
  'not_implemented',
  'unavailable',
  'internal',
  'term_overlap',
  'chair_taken',
  'already_ended',
  'import_invalid',
  'import_too_large',
  'import_header_invalid',
  'already_member',
  'not_a_councillor',
  'already_answered',
  'period_invalid',
  'survey_invalid',
  'response_invalid',
  'not_a_draft_resolution',
  'consultation_started',
  'consultation_not_open',
  'consultation_not_finished',
  'already_responded',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
