/** An error whose message is safe to show a user; the HTTP layer maps it to `status`, the CLI prints its message. */
export class AppError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `not_found`. */
    readonly code: string,
    message: string,
    /** HTTP status the error handler answers with. */
    readonly status: number,
    readonly issues?: unknown[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message, 404);
  }
}

/** The request is understood but clashes with the current state (e.g. nothing to undo, a stale version). */
export class ConflictError extends AppError {
  constructor(message: string, issues?: unknown[]) {
    super("conflict", message, 409, issues);
  }
}

/** A file could not be imported. The message already names the file: `<file>: <problem> (line N)`. */
export class ImportError extends AppError {
  constructor(
    readonly file: string,
    problem: string,
    readonly line?: number,
  ) {
    super("import_failed", `${file}: ${problem}${line !== undefined ? ` (line ${line})` : ""}`, 422);
  }
}

/** The database's applied migrations do not match the migration files: refusing to touch it. */
export class MigrationError extends AppError {
  constructor(message: string) {
    super("migration_mismatch", message, 500);
  }
}

/** No valid session: the client should show its sign-in page. Never says whether a user exists. */
export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.", code = "unauthorized") {
    super(code, message, 401);
  }
}

/** Signed in, but the role does not allow this action (or a CSRF check failed). */
export class ForbiddenError extends AppError {
  constructor(message: string, code = "forbidden") {
    super(code, message, 403);
  }
}
