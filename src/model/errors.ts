/**
 * A problem with what the user gave us (arguments, files, config). It carries a stable code so
 * docs and issues can refer to it, and a message that says what to do. Anything that is not a
 * UserError is an internal error and asks for a bug report.
 */
export class UserError extends Error {
  readonly code: UserErrorCode;

  constructor(code: UserErrorCode, message: string) {
    super(message);
    this.name = "UserError";
    this.code = code;
  }
}

/** Stable error codes; each has an entry in docs/errors.md (a test keeps them in sync). */
export const USER_ERROR_CODES = {
  DCP001: "directory not found",
  DCP002: "no modules found",
  DCP003: "broken tsconfig",
  DCP004: "broken decouple config",
  DCP005: "broken boundaries file",
  DCP006: "bad command-line usage",
  DCP007: "output would overwrite a file decouple does not own",
  DCP008: "broken baseline file",
  DCP009: "git error",
  DCP010: "broken trace export",
  DCP011: "degraded module graph",
  DCP012: "broken result file",
  DCP013: "file cannot be read or written",
} as const;

export type UserErrorCode = keyof typeof USER_ERROR_CODES;

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
