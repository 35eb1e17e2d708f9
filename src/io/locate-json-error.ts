// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters: that is the rule being checked
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Where the first JSON syntax error of a text is, as 1-based line and column; undefined when the
 * text is valid JSON. Node 20's JSON.parse names no position for many errors ("Unexpected token"),
 * so the text is scanned again, only after a parse has failed.
 */
export function locateJsonError(text: string): { line: number; column: number } | undefined {
  let at = 0;
  const skipSpace = (): void => {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) at++;
  };
  const expect = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    if (!pattern.test(text)) return false;
    at = pattern.lastIndex;
    return true;
  };
  const value = (): boolean => {
    skipSpace();
    const open = text.charAt(at);
    if (open !== "{" && open !== "[") return expect(open === '"' ? STRING : SCALAR);
    const close = open === "{" ? "}" : "]";
    at++;
    skipSpace();
    if (text.charAt(at) === close) return (at++, true);
    for (;;) {
      if (open === "{") {
        skipSpace();
        if (!expect(STRING)) return false;
        skipSpace();
        if (text.charAt(at) !== ":") return false;
        at++;
      }
      if (!value()) return false;
      skipSpace();
      const next = text.charAt(at);
      if (next === close) return (at++, true);
      if (next !== ",") return false;
      at++;
    }
  };
  const valid = value() && (skipSpace(), at === text.length);
  if (valid) return undefined;
  const before = text.slice(0, at);
  return { line: before.split("\n").length, column: at - before.lastIndexOf("\n") };
}
