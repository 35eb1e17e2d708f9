import { UserError } from "../model/errors.js";

/** What each file-system failure means to a user, and what to do about it. */
const ADVICE: Record<string, string> = {
  EACCES: "permission denied: give the user running decouple access to it, or point decouple elsewhere",
  EPERM: "operation not permitted: check the file's permissions and attributes",
  EISDIR: "is a directory: name a file instead",
  ENOTDIR: "a part of the path is a file, not a directory: fix the path",
  EEXIST: "already exists and is not what decouple expected: move it away or choose another path",
  ENOSPC: "no space left on the device: free some space and run again",
  EROFS: "the file system is read-only: write somewhere else",
  EMFILE: "too many open files: raise the limit (ulimit -n) and run again",
  ELOOP: "too many symbolic links (a loop?): fix the link",
  ENAMETOOLONG: "the name is too long for the file system",
  ENOENT: "does not exist: check the path",
};

/** A file-system error as a UserError (DCP013) naming the path; anything else is returned as is. */
export function describeIoError(error: unknown): unknown {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return error;
  const advice = ADVICE[error.code];
  if (advice === undefined) return error;
  const target = "path" in error && typeof error.path === "string" ? error.path : "a file";
  const action = "syscall" in error && typeof error.syscall === "string" ? `${error.syscall}, ` : "";
  return new UserError("DCP013", `cannot use ${target} (${action}${error.code}): ${advice}.`);
}
