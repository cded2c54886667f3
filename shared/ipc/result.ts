/**
 * The result envelope every IPC call resolves to. Errors carry a stable code the renderer
 * translates; `message` is a developer-facing English sentence that never contains user data.
 */
export type ErrorCode =
  'validation' | 'not_found' | 'conflict' | 'forbidden' | 'unknown_channel' | 'internal';

export interface IssueInfo {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: IssueInfo[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown by handlers for expected failures; anything else becomes `internal`. */
export class HandlerError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
