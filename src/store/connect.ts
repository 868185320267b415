/**
 * Opening the shared store: PostgreSQL through `pg` (pooled) when a
 * `postgres://` URL is given, else an embedded SQLite file through
 * `better-sqlite3` — one SQL layer (kysely) over both, migrations applied on
 * open. SQLite is the default so `npm start` needs no server; PostgreSQL is
 * what several processes on several machines share.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction, sql } from "./kysely.ts";
import type pg from "pg";
import { migrate } from "./migrations.ts";
import type { Database } from "./schema.ts";
import { projectPath } from "../paths.ts";

/** The embedded store's file, under data/ at the project root. */
export const DEFAULT_STORE_FILE = projectPath("data", "daleel.sqlite");

/** How long an embedded-store writer waits for another process's write before giving up. */
const SQLITE_BUSY_MS = 10_000;
/** Connections one process keeps to PostgreSQL. */
const PG_POOL_SIZE = 8;

export type StoreKind = "postgres" | "sqlite";

/** A connection to the store, its kind, and a way to run a transaction that holds the write lock. */
export interface StoreConnection {
  db: Kysely<Database>;
  kind: StoreKind;
  /** Where it is, for logs: the file, or the database URL without its password. */
  where: string;
  /**
   * Runs `work` in a transaction. On SQLite it takes the write lock at once
   * (BEGIN IMMEDIATE), so two processes cannot both read then write; on
   * PostgreSQL, rows are locked by the statements (FOR UPDATE).
   */
  transaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: calls `heard` whenever another process notifies
   * `channel` (LISTEN/NOTIFY on a connection of its own); resolves to a stop
   * function. Undefined on SQLite, whose users poll.
   */
  listen?(channel: string, heard: () => void): Promise<() => Promise<void>>;
  /** Tells the listeners of `channel` (PostgreSQL); nothing on SQLite. */
  notify(channel: string): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be opened (no server, a corrupt file, a failed migration); its message is safe to show. */
export class StoreError extends Error {
  override readonly name = "StoreError";
}

/** True for a PostgreSQL URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens a store at a PostgreSQL URL or a SQLite file path, and applies the migrations. */
export async function connectStore(location: string): Promise<StoreConnection> {
  const where = isPostgresUrl(location) ? hidePassword(location) : location;
  let connection: StoreConnection | undefined;
  try {
    if (isPostgresUrl(location)) {
      // pg is loaded only for a server: the embedded store's start-up does not pay for it. kysely locks
      // PostgreSQL while it migrates.
      connection = openPostgres((await import("pg")).default, location);
      await migrate(connection.db as Kysely<unknown>);
      return connection;
    }
    const open = async () => {
      connection = openSqlite(location);
      await migrate(connection.db as Kysely<unknown>);
      return connection;
    };
    // Processes sharing a new embedded store (a sharded start) would each apply the first migration, and
    // one switching the file to WAL while another migrates is refused at once (SQLITE_BUSY, no waiting).
    // They take turns on a lock file to open and migrate it.
    if (location === ":memory:") return await open();
    mkdirSync(dirname(location), { recursive: true });
    return await inTurn(`${location}.lock`, open);
  } catch (error) {
    await connection?.close().catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new StoreError(`store: cannot open ${where}: ${[code, message].filter(Boolean).join(" ")}`);
  }
}

function hidePassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

function openPostgres(driver: typeof pg, url: string): StoreConnection {
  // bigint columns (times in ms) come back as numbers, not strings: they fit.
  driver.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new driver.Pool({ connectionString: url, max: PG_POOL_SIZE });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    where: hidePassword(url),
    transaction: (work) => db.transaction().execute((trx: Transaction<Database>) => work(trx)),
    async listen(channel, heard) {
      const client = new driver.Client({ connectionString: url });
      client.on("error", () => undefined);
      await client.connect();
      client.on("notification", (message) => message.channel === channel && heard());
      await client.query(`LISTEN ${pgIdentifier(channel)}`);
      return () => client.end();
    },
    notify: async (channel) => void (await sql`select pg_notify(${channel}, '')`.execute(db)),
    close: () => db.destroy(),
  };
}

/** A channel name as a quoted PostgreSQL identifier. */
function pgIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Runs `work` while holding an exclusive lock on a small SQLite file beside
 * the store, so processes opening the store at once migrate one at a time
 * (each waits up to SQLITE_BUSY_MS for the lock).
 */
async function inTurn<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const lock = new BetterSqlite3(lockFile, { timeout: SQLITE_BUSY_MS });
  try {
    lock.exec("begin exclusive");
    try {
      return await work();
    } finally {
      lock.exec("commit");
    }
  } finally {
    lock.close();
  }
}

function openSqlite(file: string): StoreConnection {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new BetterSqlite3(file, { timeout: SQLITE_BUSY_MS });
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    kind: "sqlite",
    where: file,
    transaction: (work) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      }),
    notify: async () => undefined,
    close: () => db.destroy(),
  };
}
