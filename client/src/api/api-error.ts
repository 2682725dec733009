/** One problem the server found with a request, e.g. a zod issue on a field. */
export interface ApiIssue {
  path?: (string | number)[];
  message: string;
}

/**
 * What every failed API call throws: the server's `{ error: { code, message, issues? } }`
 * body, or a synthetic one when the server could not be reached or answered something else.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** Machine-readable code from the server, e.g. `not_found`, `conflict`, `network_error`. */
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** Turns any failed response body into an ApiError, falling back to the status text. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
  if (error && typeof error.message === "string") {
    const code = typeof error.code === "string" ? error.code : "http_error";
    const issues = Array.isArray(error.issues) ? (error.issues as ApiIssue[]) : [];
    return new ApiError(status, code, error.message, issues);
  }
  return new ApiError(status, "http_error", `The server answered ${status} ${statusText}`.trim());
}
