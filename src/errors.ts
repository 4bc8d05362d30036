// Typed errors. The HTTP error handler maps each to a status; anything else is a 500 without internals.

export class NotFoundError extends Error {
  readonly statusCode = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends Error {
  readonly statusCode = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The client accepts no form the answer can take (Accept-Encoding refusing every coding available). */
export class NotAcceptableError extends Error {
  readonly statusCode = 406;
  constructor(message: string) {
    super(message);
    this.name = 'NotAcceptableError';
  }
}

export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  constructor(message: string) {
    super(message);
    this.name = 'TooManyRequestsError';
  }
}

export class UnauthorizedError extends Error {
  readonly statusCode = 401;
  constructor(message = 'missing or invalid bearer token') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** The service is shutting down: the client should ask again (another instance, or this one restarted). */
export class ShuttingDownError extends Error {
  readonly statusCode = 503;
  readonly retryAfterSeconds = 5;
  constructor(message = 'the service is shutting down; ask again shortly') {
    super(message);
    this.name = 'ShuttingDownError';
  }
}

export type UpstreamReason =
  | 'timeout'
  | 'connect'
  | 'http-status'
  | 'too-large'
  | 'too-many-redirects'
  | 'bad-body'
  | 'circuit-open'
  | 'rate-limited'
  | 'forbidden-path'
  | 'not-found';

/** A source outside the process (provider playlist, ESPN, TheSportsDB, LLM) failed. */
export class UpstreamError extends Error {
  readonly statusCode = 502;
  constructor(
    /** What was called: a provider slug, `espn`, `thesportsdb`, `llm`. */
    readonly source: string,
    readonly reason: UpstreamReason,
    message: string,
    readonly status?: number,
  ) {
    super(`${source}: ${message}`);
    this.name = 'UpstreamError';
  }
}
