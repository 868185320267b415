/**
 * The stores the store tests run against: always the embedded SQLite store,
 * and a real PostgreSQL server when TEST_DATABASE_URL is set (each suite gets
 * a database of its own, dropped afterwards).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface Backend {
  name: "sqlite" | "postgres";
  /** A new, empty store location (a file, or a database on the server). */
  fresh(): Promise<string>;
  /** Drops what `fresh` made. */
  cleanUp(): Promise<void>;
}

const sqlite: Backend = {
  name: "sqlite",
  fresh: async () => join(mkdtempSync(join(tmpdir(), "daleel-store-")), "daleel.sqlite"),
  cleanUp: async () => undefined,
};

function postgres(adminUrl: string): Backend {
  const made: string[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgres",
    async fresh() {
      const name = `daleel_test_${randomBytes(6).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      made.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async cleanUp() {
      await admin(async (c) => {
        for (const name of made.splice(0)) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

/** The PostgreSQL server the tests may use, from TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

if (!TEST_DATABASE_URL) process.stderr.write("store tests: TEST_DATABASE_URL is not set — the PostgreSQL suite is skipped (SQLite runs).\n");

export const BACKENDS: Backend[] = TEST_DATABASE_URL ? [sqlite, postgres(TEST_DATABASE_URL)] : [sqlite];
