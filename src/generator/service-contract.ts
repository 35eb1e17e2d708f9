/**
 * What `generate` knows about one service's API, derived from the code that crosses its boundary.
 * Contract derivation produces it; the OpenAPI/AsyncAPI writers, the service skeleton, the client,
 * the facade, the queue wiring and the deploy files all read it. Fields may be added; none are
 * renamed or removed without changing every reader.
 */

import type { ServiceName } from "../model/service-name.js";

/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses), `$ref`s pointing at `#/components/schemas/X`. */
export type JsonSchema = { readonly [keyword: string]: unknown } | boolean;

export interface ServiceContract {
  /** The service's name from the boundaries file (already validated: safe as a folder name). */
  readonly service: ServiceName;
  /** One per API function (or public method of an API class) another service uses; sorted by operationId. */
  readonly operations: readonly Operation[];
  /** Events the service emits or handles, and commands (calls whose result no caller uses); sorted by name. */
  readonly events: readonly EventContract[];
  /** Named types used across the boundary: `components/schemas` of both documents; sorted keys. */
  readonly schemas: Readonly<Record<string, JsonSchema>>;
  /** Types JSON cannot carry, each with where it was met: never silently dropped. */
  readonly unexpressible: readonly Unexpressible[];
}

export interface Operation {
  /** Unique in the service: the function name, or `Class_method` for a method of an API class. */
  readonly operationId: string;
  /** Root-relative path of the module that declares it, e.g. `src/services/payment-service.ts`. */
  readonly module: string;
  /** The exported symbol (`default` for a default export); for a method, the exported class. */
  readonly exportName: string;
  /** For a method of an exported class or object: the method's name. */
  readonly method?: string;
  /**
   * For a method: what `exportName` is. `object`: an exported instance or object literal (call
   * `exportName.method()`); `class`: an exported class, made with `new exportName()` unless `injected`.
   */
  readonly receiver?: "object" | "class";
  /**
   * For a method of a class whose constructor takes collaborators (dependency injection, e.g. a
   * NestJS provider): the instance must come from the application's container, not `new`.
   */
  readonly injected?: boolean;
  /** The function's doc comment (its first paragraph), when it has one. */
  readonly description?: string;
  /** Where it is served: e.g. `{ method: "POST", path: "/payment/charge-order" }`. */
  readonly http: { readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; readonly path: string };
  /** The function's parameters in declaration order; where each travels in the request. */
  readonly parameters: readonly Parameter[];
  /** The awaited return type; `null` for `void`/`undefined`. */
  readonly response: JsonSchema | null;
  /** Domain errors it throws, sent as `application/problem+json` (RFC 9457). */
  readonly errors: readonly ErrorContract[];
  /** True when the function is synchronous today: its callers must `await` the client. */
  readonly synchronous: boolean;
  /** Safe to retry (reads, and writes keyed by an id the caller supplies). */
  readonly idempotent: boolean;
  /** Services whose modules call it today, sorted. */
  readonly usedBy: readonly ServiceName[];
  /** No caller uses the result: also offered as a command in the AsyncAPI document. */
  readonly resultUnused: boolean;
}

export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query" | "body";
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface ErrorContract {
  /** The error class's name, e.g. `PaymentDeclinedError`. */
  readonly name: string;
  /** The HTTP status it maps to (4xx for domain errors). */
  readonly status: number;
}

export interface EventContract {
  /** The event's name as the code emits it, e.g. `order.placed`; for a command, its operationId. */
  readonly name: string;
  readonly kind: "event" | "command";
  /** The payload's schema. */
  readonly payload: JsonSchema;
  /** Services that emit (publish) it, sorted. */
  readonly producers: readonly ServiceName[];
  /** Services that handle (subscribe to) it, sorted. */
  readonly consumers: readonly ServiceName[];
  /** `file:line` of each emit and handler registration, sorted. */
  readonly locations: readonly string[];
}

export interface Unexpressible {
  /** The type as written, e.g. `Map<string, Order>`. */
  readonly type: string;
  /** `file:line:column` where it crosses the boundary. */
  readonly location: string;
  /** Why JSON cannot carry it (a function, a class with behaviour, a Map, a symbol...). */
  readonly reason: string;
  /** The operationId or event name it belongs to. */
  readonly usedIn: string;
}
