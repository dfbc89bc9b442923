import { apiErrorSchema } from '@veche/protocol';

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/**
 * A failed API call, reduced to what the UI needs: the stable `code` it translates, and for
 * validation the offending field(s). `network` and `bad_response` are the client's own codes for
 * a server that could not be reached or answered something the protocol does not allow.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | undefined = undefined,
    readonly issues: readonly FieldIssue[] = [],
    /** The numbers or records behind a refusal (the current version for `stale_version`,
     * `attemptsLeft` after a wrong second-factor code). */
    readonly facts: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Reads an error body with the protocol's schema; anything else becomes a generic error. */
export async function readApiError(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) {
    const code = response.status === 429 ? 'rate_limited' : 'bad_response';
    return new ApiRequestError(response.status, code, `HTTP ${String(response.status)}`);
  }
  const { code, message, field, issues, facts } = parsed.data.error;
  return new ApiRequestError(response.status, code, message, field, issues ?? [], facts ?? {});
}
