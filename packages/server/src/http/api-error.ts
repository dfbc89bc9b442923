import type { ApiError, ApiErrorCode } from '@veche/protocol';
import type { z } from 'zod';

/** An error that becomes an API error response with the given status and code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    /** One of the API's own codes, or a domain rejection's code. */
    readonly code: ApiErrorCode | (string & {}),
    message: string,
    readonly details: Omit<ApiError['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ApiError {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

/**
 * Validates input with a protocol schema. On failure the error names every bad field and why,
 * and nothing else happens.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    code: issue.code,
    message: issue.message,
  }));
  const first = issues[0];
  throw new HttpError(
    400,
    'validation_failed',
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    { field: first?.field, issues },
  );
}
