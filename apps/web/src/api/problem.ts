import type { Label } from '@manyi/core';

export type FieldError = { field: string; message: string; messages?: Label };

/** RFC 9457 problem+json as the server sends it; title/detail/message are already localised. */
export type ProblemDocument = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
};

/** Thrown by every API call that does not succeed, so screens can show `detail` and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, problem: ProblemDocument, fallback: string) {
    super(problem.detail ?? problem.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? 'unknown';
    this.fieldErrors = problem.errors ?? [];
  }
}

/** The sentence to show a person for any thrown value. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

export async function readProblem(response: Response): Promise<ProblemDocument> {
  const text = await response.text();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as ProblemDocument) : {};
  } catch {
    // A proxy or a crashed server may answer with HTML; the status text is all we can show.
    return {};
  }
}
