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

/** Splits `placeOrder`, `order-service.ts`, `HTTP_Client` into lower-case words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}
