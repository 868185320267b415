/**
 * kysely, loaded as CommonJS. Under tsx's ES-module loader (how `npm start`
 * runs) kysely's ~400 ES modules each take a trip through the loader thread:
 * about 350 ms of a cold start, against ~120 ms for its CommonJS build. The
 * API and types are the same; the rest of the store imports kysely from here.
 */
import { createRequire } from "node:module";

const kysely = createRequire(import.meta.url)("kysely") as typeof import("kysely");

export const { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } = kysely;
export type { ExpressionBuilder, Generated, Migration, MigrationProvider, Selectable, Transaction } from "kysely";
// Kysely is both a class and the type of its instances.
export type Kysely<DB> = import("kysely").Kysely<DB>;
