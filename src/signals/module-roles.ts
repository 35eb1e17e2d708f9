/**
 * Real code is business domains times technical roles: `users.controller.ts`, `users.service.ts`
 * and `user.entity.ts` are one domain in three roles. A module's role says which layer it is in,
 * never which service it belongs to; its domain words say that. This reads both from what every
 * framework's conventions put in file names, folders and class names (NestJS `*.controller.ts`,
 * Angular `*.component.ts`, Express `routes/`, `controllers/`, `models/`).
 */

/** Each role word (as written, singular or plural) and the role it names. */
const ROLE_OF_WORD: ReadonlyMap<string, string> = new Map(
  Object.entries({
    controller: "controller", ctrl: "controller", resolver: "resolver", route: "route", router: "route", endpoint: "route",
    service: "service", usecase: "service", "use-case": "service", interactor: "service",
    repository: "repository", repo: "repository", dao: "repository", store: "repository",
    entity: "entity", model: "entity", schema: "entity", db: "repository", database: "repository",
    dto: "dto", input: "dto", args: "dto", arg: "dto", request: "dto", response: "dto", payload: "dto",
    module: "module", guard: "guard", strategy: "strategy", policy: "policy", permission: "policy",
    presenter: "presenter", serializer: "presenter", transformer: "presenter", mapper: "presenter", formatter: "presenter",
    middleware: "middleware", decorator: "decorator", interceptor: "interceptor", pipe: "pipe", filter: "filter",
    validator: "validator", validation: "validator", handler: "handler", listener: "listener", subscriber: "listener",
    consumer: "processor", processor: "processor", worker: "processor", producer: "processor", queue: "processor", job: "job", task: "job", cron: "job",
    loader: "provider",
    event: "event", command: "command", query: "query", gateway: "gateway", adapter: "adapter", client: "client",
    provider: "provider", factory: "factory", helper: "helper", util: "util", utility: "util",
    constant: "constant", const: "constant", enum: "type", type: "type", interface: "type", typing: "type",
    config: "config", configuration: "config", setting: "config", env: "config",
    exception: "exception", error: "exception", translation: "translation", i18n: "translation", locale: "translation",
    migration: "migration", seed: "seed", seeder: "seed", fixture: "seed", view: "view", component: "view", page: "view", hook: "view",
  }),
);

/** What a module is: its layer and the business words it is about. */
export interface ModuleRole {
  /** The technical role (`controller`, `service`, `entity`…), or undefined when nothing names one. */
  role: string | undefined;
  /** Domain words, singular: from the file name, else from the nearest folder that is not a role. */
  domain: string[];
}

/** Words that are neither a role nor a domain: framework and file-format noise. */
const NOISE = new Set(
  "index main src lib libs app apps core common shared base abstract impl internal default the and for with of to new spec test tests ts js tsx jsx mjs cjs mts cts d gql api v1 v2 v3".split(
    " ",
  ),
);

/** `teamInvitations`, `team-invitation.service`, `HTTP_Client` → lower-case words. */
export function splitIdentifier(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `subscriptions` → `subscription`, `policies` → `policy`, `addresses` → `address`; `status`, `news` stay. */
export function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is|news)$/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The role a word names (`controllers` → controller), if any. */
export function roleOfWord(word: string): string | undefined {
  return ROLE_OF_WORD.get(word) ?? ROLE_OF_WORD.get(singular(word));
}

/** A folder named after a role (`controllers/`, `dto/`): it holds a layer, not a feature. */
export function isRoleFolderName(name: string): boolean {
  const words = splitIdentifier(name);
  return words.length === 1 && roleOfWord(words[0] ?? "") !== undefined;
}

/** The folder holding a module, with its slash: `a/b/c.ts` -> `a/b/` (`""` at the root). */
export function folderOf(module: string): string {
  return module.slice(0, module.lastIndexOf("/") + 1);
}

/** A path's last segment: `src/user-settings` -> `user-settings`. */
export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** A module's file name without its extension: `src/orders/order-edit.ts` -> `order-edit`. */
export function fileStem(module: string): string {
  return lastSegment(module).replace(/\.[^.]+$/, "");
}

/** Every folder above a module, outermost first: `a/b/c.ts` -> `a`, `a/b`. */
export function ancestorFolders(module: string): string[] {
  const parts = module.split("/").slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join("/"));
}

/** True for words that name a layer or a kind of file rather than a business domain. */
export function isRoleWord(word: string): boolean {
  return roleOfWord(word) !== undefined;
}

/**
 * Reads a module's role and domain words from its path (root-relative) and exported names. The
 * role comes from the file name's last role word (`team-invite.guard.ts`, `UserController.ts`),
 * else from the nearest role folder (`controllers/`, `dto/`), else from a class-name suffix
 * (`export class OrdersService`). `*.module.ts` is a module only as a file-name suffix: a folder
 * called modules/ holds features, not NestJS modules.
 */
export function readModuleRole(modulePath: string, exportedNames: readonly string[] = []): ModuleRole {
  const parts = modulePath.split("/");
  const fileName = (parts.pop() ?? "").replace(/\.(d\.)?[cm]?[jt]sx?$/, "");
  const fileWords = splitIdentifier(fileName);
  const folders = parts.map(splitIdentifier);

  let role: string | undefined;
  for (let i = fileWords.length - 1; i >= 0 && role === undefined; i--) role = roleOfWord(fileWords[i] ?? "");
  for (let i = folders.length - 1; i >= 0 && role === undefined; i--) {
    const words = folders[i] ?? [];
    const last = words[words.length - 1];
    const candidate = words.length === 1 && last !== undefined ? roleOfWord(last) : undefined;
    if (candidate !== undefined && candidate !== "module") role = candidate;
  }
  for (const name of exportedNames) {
    if (role !== undefined) break;
    const words = splitIdentifier(name);
    const last = words[words.length - 1];
    if (words.length > 1 && last !== undefined) role = roleOfWord(last);
  }

  let domain = domainWords(fileWords);
  for (let i = folders.length - 1; i >= 0 && domain.length === 0; i--) domain = domainWords(folders[i] ?? []);
  return { role, domain };
}

function domainWords(words: readonly string[]): string[] {
  const result: string[] = [];
  for (const word of words) {
    if (word.length < 3 || NOISE.has(word) || /^\d+$/.test(word) || isRoleWord(word)) continue;
    const stem = singular(word);
    if (!result.includes(stem)) result.push(stem);
  }
  return result;
}
