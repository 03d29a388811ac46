// API Gateway's tables: one row per API (HTTP APIs of apigatewayv2 and REST
// APIs of apigateway), with the loopback port it is served on, and its parts
// (routes, integrations, resources, stages, deployments) as JSON documents
// keyed by API, type and id. Every write is one durable transaction; a
// listener hears which API changed, so served route tables are rebuilt.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";

export type ApiKind = "http" | "rest";
export type ItemType = "integration" | "route" | "stage" | "deployment" | "resource";

export interface ApiRow<Doc = Record<string, unknown>> {
  apiId: string;
  kind: ApiKind;
  region: string;
  port: number;
  /** The API as Get(Rest)Api answers it, plus fields the service keeps for itself. */
  doc: Doc;
}

const MIGRATIONS = [
  `CREATE TABLE apigateway_apis (
     api_id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     region TEXT NOT NULL,
     port INTEGER NOT NULL UNIQUE,
     doc TEXT NOT NULL
   );
   CREATE TABLE apigateway_items (
     api_id TEXT NOT NULL REFERENCES apigateway_apis(api_id) ON DELETE CASCADE,
     type TEXT NOT NULL,
     item_id TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (api_id, type, item_id)
   );`,
];

interface ApiRecord {
  api_id: string;
  kind: ApiKind;
  region: string;
  port: number;
  doc: string;
}

export class ApiStore {
  readonly #db: Database.Database;
  readonly #listeners = new Set<(apiId: string) => void>();

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "apigateway", MIGRATIONS);
  }

  /** Calls `listener` with the id of every API written to (itself or one of its parts). */
  onChange(listener: (apiId: string) => void): void {
    this.#listeners.add(listener);
  }

  /** Runs `work` in one transaction (several writes of one operation commit together). */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  insertApi(row: ApiRow): void {
    this.#db
      .prepare("INSERT INTO apigateway_apis (api_id, kind, region, port, doc) VALUES (?, ?, ?, ?, ?)")
      .run(row.apiId, row.kind, row.region, row.port, JSON.stringify(row.doc));
    this.#changed(row.apiId);
  }

  getApi(apiId: string, kind: ApiKind): ApiRow | undefined {
    const record = this.#db.prepare("SELECT * FROM apigateway_apis WHERE api_id = ? AND kind = ?").get(apiId, kind) as ApiRecord | undefined;
    return record === undefined ? undefined : fromRecord(record);
  }

  /** APIs of one kind (or every API) in the order they were made. */
  listApis(kind?: ApiKind): ApiRow[] {
    const records = (
      kind === undefined
        ? this.#db.prepare("SELECT * FROM apigateway_apis ORDER BY rowid").all()
        : this.#db.prepare("SELECT * FROM apigateway_apis WHERE kind = ? ORDER BY rowid").all(kind)
    ) as ApiRecord[];
    return records.map(fromRecord);
  }

  updateApi(apiId: string, doc: Record<string, unknown>): void {
    this.#db.prepare("UPDATE apigateway_apis SET doc = ? WHERE api_id = ?").run(JSON.stringify(doc), apiId);
    this.#changed(apiId);
  }

  deleteApi(apiId: string): void {
    this.#db.prepare("DELETE FROM apigateway_apis WHERE api_id = ?").run(apiId);
    this.#changed(apiId);
  }

  putItem(apiId: string, type: ItemType, itemId: string, doc: object): void {
    this.#db
      .prepare(
        "INSERT INTO apigateway_items (api_id, type, item_id, doc) VALUES (?, ?, ?, ?) ON CONFLICT(api_id, type, item_id) DO UPDATE SET doc = excluded.doc",
      )
      .run(apiId, type, itemId, JSON.stringify(doc));
    this.#changed(apiId);
  }

  getItem<T>(apiId: string, type: ItemType, itemId: string): T | undefined {
    const row = this.#db.prepare("SELECT doc FROM apigateway_items WHERE api_id = ? AND type = ? AND item_id = ?").get(apiId, type, itemId) as
      { doc: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.doc) as T);
  }

  /** The parts of one type of an API, in the order they were made. */
  listItems<T>(apiId: string, type: ItemType): T[] {
    const rows = this.#db.prepare("SELECT doc FROM apigateway_items WHERE api_id = ? AND type = ? ORDER BY rowid").all(apiId, type) as Array<{ doc: string }>;
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  deleteItem(apiId: string, type: ItemType, itemId: string): void {
    this.#db.prepare("DELETE FROM apigateway_items WHERE api_id = ? AND type = ? AND item_id = ?").run(apiId, type, itemId);
    this.#changed(apiId);
  }

  #changed(apiId: string): void {
    for (const listener of this.#listeners) listener(apiId);
  }
}

function fromRecord(record: ApiRecord): ApiRow {
  return { apiId: record.api_id, kind: record.kind, region: record.region, port: record.port, doc: JSON.parse(record.doc) as Record<string, unknown> };
}
