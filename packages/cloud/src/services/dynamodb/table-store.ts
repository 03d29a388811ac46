// DynamoDB's durable state in the daemon's database: tables (their
// definition as CreateTable gave it, their stream), items keyed by their
// encoded partition and sort keys, streams (which outlive their table by the
// 24-hour retention) and stream records. Tables are cached by id: every
// item request looks one up.
import type Database from "better-sqlite3";
import { migrate } from "../../store/database.js";

const STEPS = [
  `CREATE TABLE dynamodb_tables (
     id INTEGER PRIMARY KEY AUTOINCREMENT, region TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL,
     stream_id INTEGER, UNIQUE (region, name));
   CREATE TABLE dynamodb_items (
     table_id INTEGER NOT NULL REFERENCES dynamodb_tables(id) ON DELETE CASCADE, pk TEXT NOT NULL, sk TEXT NOT NULL, item TEXT NOT NULL,
     PRIMARY KEY (table_id, pk, sk)) WITHOUT ROWID;
   CREATE TABLE dynamodb_streams (
     id INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL UNIQUE, region TEXT NOT NULL, table_name TEXT NOT NULL,
     view_type TEXT NOT NULL, label TEXT NOT NULL, created_ms INTEGER NOT NULL, disabled_ms INTEGER);
   CREATE TABLE dynamodb_stream_records (
     stream_id INTEGER NOT NULL, seq INTEGER NOT NULL, created_ms INTEGER NOT NULL, record TEXT NOT NULL,
     PRIMARY KEY (stream_id, seq)) WITHOUT ROWID;`,
];

export interface KeyElement {
  name: string;
  type: "S" | "N" | "B";
}

/** A table as CreateTable/UpdateTable left it. */
export interface TableDefinition {
  tableId: string;
  createdMs: number;
  attributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
  hash: KeyElement;
  range?: KeyElement;
  billingMode: "PROVISIONED" | "PAY_PER_REQUEST";
  readCapacity: number;
  writeCapacity: number;
  tags: Array<{ Key: string; Value: string }>;
}

export interface TableRow {
  id: number;
  region: string;
  name: string;
  definition: TableDefinition;
  /** The table's current stream, when one is enabled. */
  streamId: number | null;
}

export interface StreamRow {
  id: number;
  arn: string;
  region: string;
  tableName: string;
  viewType: string;
  label: string;
  createdMs: number;
  disabledMs: number | null;
}

export class TableStore {
  readonly #db: Database.Database;
  readonly #byId = new Map<number, TableRow>();

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "dynamodb", STEPS);
  }

  find(region: string, name: string): TableRow | undefined {
    const row = this.#db.prepare("SELECT id FROM dynamodb_tables WHERE region = ? AND name = ?").get(region, name) as { id: number } | undefined;
    return row === undefined ? undefined : this.byId(row.id);
  }

  byId(id: number): TableRow | undefined {
    const cached = this.#byId.get(id);
    if (cached !== undefined) return cached;
    const row = this.#db.prepare("SELECT id, region, name, definition, stream_id AS streamId FROM dynamodb_tables WHERE id = ?").get(id) as
      (Omit<TableRow, "definition"> & { definition: string }) | undefined;
    if (row === undefined) return undefined;
    const table: TableRow = { ...row, definition: JSON.parse(row.definition) as TableDefinition };
    this.#byId.set(id, table);
    return table;
  }

  names(region: string): string[] {
    return (this.#db.prepare("SELECT name FROM dynamodb_tables WHERE region = ? ORDER BY name").all(region) as Array<{ name: string }>).map((row) => row.name);
  }

  create(region: string, name: string, definition: TableDefinition): TableRow {
    const { lastInsertRowid } = this.#db
      .prepare("INSERT INTO dynamodb_tables (region, name, definition) VALUES (?, ?, ?)")
      .run(region, name, JSON.stringify(definition));
    return this.byId(Number(lastInsertRowid))!;
  }

  update(id: number, definition: TableDefinition, streamId: number | null): void {
    this.#db.prepare("UPDATE dynamodb_tables SET definition = ?, stream_id = ? WHERE id = ?").run(JSON.stringify(definition), streamId, id);
    this.#byId.delete(id);
  }

  delete(id: number): void {
    this.#db.prepare("DELETE FROM dynamodb_items WHERE table_id = ?").run(id);
    this.#db.prepare("DELETE FROM dynamodb_tables WHERE id = ?").run(id);
    this.#byId.delete(id);
  }

  itemCount(id: number): { count: number; bytes: number } {
    const row = this.#db.prepare("SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(item)), 0) AS bytes FROM dynamodb_items WHERE table_id = ?").get(id) as {
      count: number;
      bytes: number;
    };
    return row;
  }

  createStream(stream: Omit<StreamRow, "id" | "disabledMs">): number {
    const { lastInsertRowid } = this.#db
      .prepare("INSERT INTO dynamodb_streams (arn, region, table_name, view_type, label, created_ms) VALUES (?, ?, ?, ?, ?, ?)")
      .run(stream.arn, stream.region, stream.tableName, stream.viewType, stream.label, stream.createdMs);
    return Number(lastInsertRowid);
  }

  disableStream(id: number, now: number): void {
    this.#db.prepare("UPDATE dynamodb_streams SET disabled_ms = ? WHERE id = ? AND disabled_ms IS NULL").run(now, id);
  }

  stream(id: number): StreamRow | undefined {
    return this.#db.prepare(`SELECT ${STREAM_COLUMNS} FROM dynamodb_streams WHERE id = ?`).get(id) as StreamRow | undefined;
  }

  streamByArn(arn: string): StreamRow | undefined {
    return this.#db.prepare(`SELECT ${STREAM_COLUMNS} FROM dynamodb_streams WHERE arn = ?`).get(arn) as StreamRow | undefined;
  }

  /** Streams of `region` (of one table when named), newest first, still readable at `since`. */
  streams(region: string, tableName: string | undefined, since: number): StreamRow[] {
    const rows = this.#db
      .prepare(`SELECT ${STREAM_COLUMNS} FROM dynamodb_streams WHERE region = ? AND (disabled_ms IS NULL OR disabled_ms >= ?) ORDER BY id DESC`)
      .all(region, since) as StreamRow[];
    return tableName === undefined ? rows : rows.filter((row) => row.tableName === tableName);
  }
}

const STREAM_COLUMNS = "id, arn, region, table_name AS tableName, view_type AS viewType, label, created_ms AS createdMs, disabled_ms AS disabledMs";
