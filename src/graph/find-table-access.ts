import type { TableAccess } from "../model/module-graph.js";
import { pairKey, splitPairKey, type PairKey } from "../model/pair-key.js";

// SQL inside string and template literals: FROM/JOIN read, INSERT INTO/UPDATE/DELETE FROM write.
const STRING_LITERAL = /`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
const SQL_WRITE = /\b(?:insert\s+(?:or\s+\w+\s+)?into|update(?!\s+set\b)|delete\s+from|replace\s+into)\s+["`[]?([A-Za-z_][\w]*)/gi;
const SQL_READ = /\b(?:from|join)\s+["`[]?([A-Za-z_][\w]*)/gi;
// Cheap gate before scanning every literal: SQL shapes, not bare words like "select" or "update".
const MIGHT_TOUCH_DATA = /\bselect\b[^;]{0,300}?\bfrom\s|\binsert\s+(?:or\s+\w+\s+)?into\s|\bupdate\s+["`[]?\w+["`\]]?\s+set\s|\bdelete\s+from\s|\breplace\s+into\s|@Entity|prisma\.|\.define\(|\bmodel\(/i;
const SQL_KEYWORD = /\b(?:select|insert|update|delete|replace)\b/i;
// ORM declarations and calls: TypeORM @Entity("name"), Sequelize define("name"), Mongoose
// model("Name"), Prisma client calls prisma.order.create(...).
const ENTITY_DECLARATION = /@Entity\(\s*(?:\{\s*name\s*:\s*)?["'`](\w+)["'`]|\.define\(\s*["'`](\w+)["'`]|\bmodel\(\s*["'`](\w+)["'`]/g;
const PRISMA_CALL = /\bprisma\.(\w+)\.(findUnique|findFirst|findMany|count|aggregate|groupBy|create|createMany|update|updateMany|upsert|delete|deleteMany)\b/g;
const PRISMA_WRITES = new Set(["create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany"]);

/**
 * Which tables a module reads and writes, from the SQL in its string literals and the common ORMs'
 * entity declarations and calls. Text patterns, not a SQL parser: good enough to see who owns
 * which data, which is all the signal needs. Sorted, one entry per table and access.
 */
export function findTableAccess(sourceText: string): TableAccess[] {
  if (!MIGHT_TOUCH_DATA.test(sourceText)) return [];
  const found = new Set<PairKey<string, TableAccess["access"]>>();
  for (const literal of sourceText.match(STRING_LITERAL) ?? []) {
    if (!SQL_KEYWORD.test(literal)) continue;
    for (const match of literal.matchAll(SQL_WRITE)) found.add(pairKey(normalise(match[1]), "write"));
    // "DELETE FROM t" is a write, not also a read of t.
    for (const match of literal.replace(SQL_WRITE, " ").matchAll(SQL_READ)) found.add(pairKey(normalise(match[1]), "read"));
  }
  for (const match of sourceText.matchAll(ENTITY_DECLARATION)) found.add(pairKey(normalise(match[1] ?? match[2] ?? match[3]), "write"));
  for (const match of sourceText.matchAll(PRISMA_CALL)) {
    found.add(pairKey(normalise(match[1]), PRISMA_WRITES.has(match[2] ?? "") ? "write" : "read"));
  }
  return [...found]
    .filter((key) => !key.startsWith("\0"))
    .sort()
    .map((key) => {
      const [table, access] = splitPairKey(key);
      return { table, access };
    });
}

function normalise(name: string | undefined): string {
  return (name ?? "").toLowerCase();
}
