import type { ZodError } from "zod";

/** The first problem, with its path in the file: "weights.type: Expected number, received string". */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "invalid";
  const where = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
  return `${where}: ${issue.message}`;
}
