import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/**
 * Writes a throwaway project from a map of paths to contents (objects become JSON), so each test
 * reads as the code it is about: createProject({ "src/a.ts": "import { b } from './b.js'" }).
 */
export function createProject(files: Record<string, string | object>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-test-"));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

export function removeProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** A `createProject` whose projects are removed after each test of the file that calls it. */
export function useTemporaryProjects(): (files: Record<string, string | object>) => string {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach(removeProject));
  return (files) => {
    const root = createProject(files);
    roots.push(root);
    return root;
  };
}
