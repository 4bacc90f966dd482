/**
 * Error codes that cross the contract boundary. Each one tells the UI what kind of
 * problem happened so it can word a message and decide whether a retry makes sense.
 */
export type ErrorCode =
  /** The method name is not part of the contract. */
  | 'unknown-method'
  /** The arguments failed validation; the message names the field. */
  | 'invalid-arguments'
  /** The document, note or entry does not exist. */
  | 'not-found'
  /** The caller may not use the contract at all (an untrusted frame). */
  | 'forbidden'
  /** A write was aimed at something that may never be written (a glossary entry). */
  | 'read-only'
  /** A note with that name already exists. */
  | 'already-exists'
  /** The file changed on disk since the caller last read it. */
  | 'conflict'
  /** The file system refused (permission denied, disk full, vault gone). Retry may help. */
  | 'io-failure'
  /** A bug: the message is safe to show, details stay in the backend log. */
  | 'internal';

/** An error with a stable code and a message fit to show a user. */
export class NotebookError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'NotebookError';
    this.code = code;
  }
}

export function isNotebookError(value: unknown): value is NotebookError {
  return value instanceof NotebookError;
}
