import fs from "node:fs";
import path from "node:path";

/** Stable JSON text: two-space indent and a final newline, so committed files diff cleanly. */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file behind. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}
