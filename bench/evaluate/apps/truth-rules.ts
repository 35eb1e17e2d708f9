/**
 * Truth rules of the real-application cases: pure functions from a checked-out file list to a
 * module -> domain label table. Each rule is stated in its case (app-cases.ts) and run by
 * write-app-truth.ts before decouple ever sees the tree. A module a rule cannot label is left out
 * of the table (not compared), and counted.
 */

/** The rule a case states, as data. */
export type TruthRule =
  | {
      kind: "entity-word";
      /** Folder (analysed-root-relative) whose file names are the entities: its stems' first words are the vocabulary. */
      entityFolder: string;
      /** Folders whose first segment below names a resource (REST routes): `routes/api` for `routes/api/<resource>/…`. */
      resourceFolders: readonly string[];
      /** First words of entity files that name no business entity (base classes, helpers). */
      ignoreWords: readonly string[];
    }
  | {
      kind: "nest-module-folder";
      /** Source folder (analysed-root-relative); its own folder and that of the root module label nothing. */
      sourceFolder: string;
      /** The root module's folder, which holds every feature (`src` or `src/app`). */
      rootModuleFolder: string;
    }
  | {
      kind: "service-folder";
      /** Folders whose children are the deployables: `apps` for `apps/<service>/…`. */
      serviceParents: readonly string[];
    };

/** Source files a truth table may label: what a TypeScript/JavaScript backend is made of. */
export const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * Not application code, under any rule: declarations, tests and their helpers, migrations, tool
 * configs, seeds and scripts. They are never labelled, so they never count for or against a tool.
 */
const NOT_APPLICATION = [
  /\.d\.[mc]?ts$/,
  /\.(?:test|spec|e2e-spec|e2e|bench|stories)\.[^/]+$/,
  /(?:^|\/)(?:__tests__|__mocks__|__helpers__|__fixtures__|test|tests|e2e|fixtures|migrations|seeds?|scripts)\//,
  /(?:^|\/)[^/]*-e2e\//,
  /(?:^|\/)[^/]+\.config\.[^/]+$/,
  // Dotfiles are tool configs too (.eslintrc.js, .mocharc.js, .lintstagedrc.js); no analyser reads them.
  /(?:^|\/)\.[^/]+$/,
  /(?:^|\/)node_modules\//,
];

export function isApplicationFile(path: string): boolean {
  return SOURCE_FILE.test(path) && !NOT_APPLICATION.some((pattern) => pattern.test(path));
}

/** Lower-case words of a file or folder name: `DocumentCreator.ts`, `draft-orders`, `order.service.ts`. */
export function wordsOf(name: string): string[] {
  const stem = name.replace(SOURCE_FILE, "");
  return stem
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [])
    .map((word) => word.toLowerCase());
}

/** English plural to singular, enough for entity names: `categories`, `addresses`, `orders`. */
export function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The first word of a name, singular: the entity it is about under the entity-word rule. */
export function firstWord(name: string): string | undefined {
  const [first] = wordsOf(name);
  return first === undefined ? undefined : singular(first);
}

/** Applies `rule` to every application file of `files` (analysed-root-relative, forward slashes). */
export function applyTruthRule(rule: TruthRule, files: readonly string[]): Map<string, string> {
  const application = files.filter(isApplicationFile).sort();
  switch (rule.kind) {
    case "entity-word":
      return labelByEntityWord(rule, application);
    case "nest-module-folder":
      return labelByNestModuleFolder(rule, application);
    case "service-folder":
      return labelByServiceFolder(rule, application);
  }
}

function labelByEntityWord(rule: Extract<TruthRule, { kind: "entity-word" }>, files: readonly string[]): Map<string, string> {
  const prefix = `${rule.entityFolder}/`;
  const ignored = new Set(rule.ignoreWords);
  const vocabulary = new Set(
    files
      .filter((file) => file.startsWith(prefix) && !file.slice(prefix.length).includes("/"))
      .map((file) => firstWord(file.slice(prefix.length)))
      .filter((word): word is string => word !== undefined && !ignored.has(word)),
  );
  const labels = new Map<string, string>();
  for (const file of files) {
    const resource = rule.resourceFolders
      .map((folder) => (file.startsWith(`${folder}/`) ? file.slice(folder.length + 1).split("/") : undefined))
      .find((rest) => rest !== undefined && rest.length > 1)?.[0];
    const word = firstWord(resource ?? file.split("/").pop() ?? "");
    if (word !== undefined && vocabulary.has(word)) labels.set(file, word);
  }
  return labels;
}

function labelByNestModuleFolder(rule: Extract<TruthRule, { kind: "nest-module-folder" }>, files: readonly string[]): Map<string, string> {
  const moduleFolders = new Set(
    files
      .filter((file) => /\.module\.[mc]?[jt]s$/.test(file))
      .map((file) => file.slice(0, file.lastIndexOf("/")))
      .filter((folder) => folder !== rule.sourceFolder && folder !== rule.rootModuleFolder && folder.startsWith(`${rule.sourceFolder}/`)),
  );
  const labels = new Map<string, string>();
  for (const file of files) {
    // The outermost folder above the file that holds a feature module: a feature's sub-modules stay in it.
    const segments = file.split("/").slice(0, -1);
    for (let depth = 1; depth <= segments.length; depth += 1) {
      const folder = segments.slice(0, depth).join("/");
      if (moduleFolders.has(folder)) {
        labels.set(file, folder.slice(rule.sourceFolder.length + 1));
        break;
      }
    }
  }
  return labels;
}

function labelByServiceFolder(rule: Extract<TruthRule, { kind: "service-folder" }>, files: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const file of files) {
    for (const parent of rule.serviceParents) {
      const rest = file.startsWith(`${parent}/`) ? file.slice(parent.length + 1).split("/") : [];
      if (rest.length > 1 && rest[0] !== undefined) labels.set(file, `${parent}/${rest[0]}`);
    }
  }
  return labels;
}
