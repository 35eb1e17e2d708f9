import { isRoleWord, singular, splitIdentifier } from "./module-roles.js";

/** Words that name a layer or an action, never a business domain. */
const STOP_WORDS = new Set(
  (
    "controller controllers service services repository repositories repo repos model models index util utils " +
    "helper helpers handler handlers router routes route middleware middlewares job jobs dto dtos entity entities " +
    "type types interface interfaces impl src lib libs api apis get set create update delete remove find list fetch " +
    "load save add make build to from by of for the a an and or with is has on in at new default all id ids data info " +
    "mapper mappers config configs test tests spec error errors schema schemas ts js tsx jsx mts cts module modules " +
    "main app core common shared base abstract manager managers provider providers factory factories store stores " +
    "client clients server servers request response req res dao daos view views component components page pages " +
    "props state hook hooks use context value values result results options option params util internal"
  ).split(" "),
);

/**
 * Splits `placeOrder`, `order-service.ts`, `HTTP_Client` into the lower-case domain words they
 * hold: role words (controller, guard, strategy, resolver…) and noise dropped, plurals made
 * singular so `subscriptions` and `subscription` are one word.
 */
export function splitWords(text: string): string[] {
  return splitIdentifier(text)
    .filter((word) => word.length >= 3 && /^[a-z]+$/.test(word) && !STOP_WORDS.has(word) && !isRoleWord(word))
    .map(singular)
    .filter((word) => !STOP_WORDS.has(word));
}
