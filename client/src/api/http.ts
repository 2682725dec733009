import { ApiError, toApiError } from "./api-error";

type QueryValue = string | number | null | undefined | readonly string[];

/** Builds `/api/<path>?…`, leaving out empty parameters so URLs stay short and cache keys stable; a list repeats its key. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/${path.replace(/^\//, "")}${search ? `?${search}` : ""}`;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON; a Blob (e.g. a picked File) is sent as its raw bytes. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Sent with every request: the server refuses state changes without it (CSRF, server/src/routes/csrf.ts). */
const CSRF_HEADERS = { "X-Sift-CSRF": "1" };

/**
 * The only place the client calls `fetch`. Resolves with the parsed JSON body;
 * rejects with an ApiError for network failures and non-2xx answers.
 */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", body, signal } = options;
  const raw = body instanceof Blob;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json", ...CSRF_HEADERS }
          : { Accept: "application/json", "Content-Type": raw ? "application/octet-stream" : "application/json", ...CSRF_HEADERS },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause; // let TanStack Query see its own cancellation
    throw new ApiError(0, "network_error", "Could not reach the Sift server. Check your connection and try again.");
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, response.statusText, parsed);
  return parsed as T;
}
