/**
 * Errors a user can cause (missing file, empty or binary input, unreachable URL...). They carry a
 * one-line message meant for a person; the CLI prints it without a stack trace. Anything else
 * that escapes is a bug in marsad.
 */
export type InputErrorCode =
  | "not-found"
  | "unreadable"
  | "empty"
  | "binary"
  | "undecodable"
  | "too-large"
  | "unsupported-type"
  | "bad-url"
  | "network"
  | "timeout"
  | "http-status"
  | "bad-option"
  | "bad-record";

export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** The one line to show a user for any error. */
export function describeError(error: unknown): string {
  if (isInputError(error)) return error.message;
  if (error instanceof Error) return `internal error: ${error.message}`;
  return `internal error: ${String(error)}`;
}
