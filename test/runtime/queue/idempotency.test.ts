import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresIdempotency } from "../../../templates/runtime/queue/idempotency/postgres-idempotency.js";
import { createSqliteIdempotency } from "../../../templates/runtime/queue/idempotency/sqlite-idempotency.js";

const dir = mkdtempSync(join(tmpdir(), "idempotency-"));
const schema = `idem_${process.pid}`;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", max: 8 });
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

describe("idempotency record in the handler's transaction", () => {
  it("SQLite: a second run of one message has no effect; a failed effect leaves no record", async () => {
    const db = new Database(join(dir, "a.sqlite"));
    db.exec("CREATE TABLE effects (id TEXT)");
    const store = createSqliteIdempotency(db);
    const effect = (id: string) => (tx: Database.Database) => void tx.prepare("INSERT INTO effects VALUES (?)").run(id);
    expect(await store.runOnce("c", "m1", effect("m1"))).toEqual({ duplicate: false });
    expect(await store.runOnce("c", "m1", effect("m1"))).toEqual({ duplicate: true });
    await expect(
      store.runOnce("c", "m2", (tx) => {
        effect("m2")(tx);
        throw new Error("handler failed after its effect");
      }),
    ).rejects.toThrow(/handler failed/);
    expect(await store.runOnce("c", "m2", effect("m2"))).toEqual({ duplicate: false });
    await expect(store.runOnce("c", "m3", async () => undefined)).rejects.toThrow(/must be synchronous/);
    expect(db.prepare("SELECT id FROM effects ORDER BY id").all()).toEqual([{ id: "m1" }, { id: "m2" }]);
    db.close();
  });

  it("PostgreSQL: concurrent runs of one message (competing consumers) commit one effect", async () => {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await pool.query(`CREATE TABLE ${schema}.effects (id text NOT NULL)`);
    const store = createPostgresIdempotency(pool, schema);
    await store.ensureTable();
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        store.runOnce("c", "m1", async (tx) => {
          await tx.query(`INSERT INTO ${schema}.effects VALUES ('m1')`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }),
      ),
    );
    expect(runs.filter((run) => !run.duplicate)).toHaveLength(1);
    await expect(
      store.runOnce("c", "m2", async (tx) => {
        await tx.query(`INSERT INTO ${schema}.effects VALUES ('m2')`);
        throw new Error("handler failed after its effect");
      }),
    ).rejects.toThrow(/handler failed/);
    expect((await pool.query(`SELECT id FROM ${schema}.effects ORDER BY id`)).rows).toEqual([{ id: "m1" }]);
    expect((await pool.query(`SELECT message_id FROM ${schema}.decouple_processed_messages`)).rows).toEqual([{ message_id: "m1" }]);
  });
});
