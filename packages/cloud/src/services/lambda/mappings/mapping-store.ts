// The event source mappings table (one row per mapping: its function, its
// source, whether it is enabled, its state and settings) and the
// checkpoints a kind keeps per mapping (a stream's position per shard),
// deleted with the mapping.
import type { Database } from "../../../store/database.js";
import { migrate } from "../../../store/database.js";
import type { MappingSettings } from "./event-source.js";

/** Creating, Enabling, Enabled, Disabling, Disabled, Updating, Deleting: Lambda's states. */
export type MappingState = "Creating" | "Enabling" | "Enabled" | "Disabling" | "Disabled" | "Updating" | "Deleting";

export interface MappingRow {
  uuid: string;
  functionName: string;
  region: string;
  eventSourceArn: string;
  enabled: boolean;
  state: MappingState;
  stateReason: string;
  settings: MappingSettings;
  /** Epoch ms. */
  lastModified: number;
  lastResult: string | null;
  tags: Record<string, string>;
}

const MIGRATIONS = [
  `CREATE TABLE lambda_mappings (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     uuid TEXT NOT NULL UNIQUE,
     function_name TEXT NOT NULL,
     region TEXT NOT NULL,
     event_source_arn TEXT NOT NULL,
     enabled INTEGER NOT NULL,
     state TEXT NOT NULL,
     state_reason TEXT NOT NULL,
     settings TEXT NOT NULL,
     last_modified INTEGER NOT NULL,
     last_result TEXT,
     tags TEXT NOT NULL
   );
   CREATE TABLE lambda_mapping_checkpoints (
     uuid TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (uuid, key)
   ) WITHOUT ROWID;`,
];

interface MappingRecord {
  seq: number;
  uuid: string;
  function_name: string;
  region: string;
  event_source_arn: string;
  enabled: number;
  state: MappingState;
  state_reason: string;
  settings: string;
  last_modified: number;
  last_result: string | null;
  tags: string;
}

export class MappingStore {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], MappingRecord>;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "lambda-mappings", MIGRATIONS);
    this.#get = db.prepare("SELECT * FROM lambda_mappings WHERE uuid = ?");
  }

  get(uuid: string): MappingRow | undefined {
    const record = this.#get.get(uuid);
    return record === undefined ? undefined : toRow(record);
  }

  /** Mappings in creation order, filtered by source and/or function, after the mapping `after` (exclusive). */
  list(filter: { eventSourceArn?: string; functionName?: string }, after: string | undefined, limit: number): MappingRow[] {
    const seq = after === undefined ? 0 : (this.#db.prepare("SELECT seq FROM lambda_mappings WHERE uuid = ?").pluck().get(after) as number | undefined);
    if (seq === undefined) return [];
    const records = this.#db
      .prepare(`SELECT * FROM lambda_mappings WHERE seq > ? AND (? IS NULL OR event_source_arn = ?) AND (? IS NULL OR function_name = ?) ORDER BY seq LIMIT ?`)
      .all(
        seq,
        filter.eventSourceArn ?? null,
        filter.eventSourceArn ?? null,
        filter.functionName ?? null,
        filter.functionName ?? null,
        limit,
      ) as MappingRecord[];
    return records.map(toRow);
  }

  all(): MappingRow[] {
    return (this.#db.prepare("SELECT * FROM lambda_mappings ORDER BY seq").all() as MappingRecord[]).map(toRow);
  }

  /** Inserts or replaces the whole row. */
  put(row: MappingRow): void {
    this.#db
      .prepare(
        `INSERT INTO lambda_mappings (uuid, function_name, region, event_source_arn, enabled, state, state_reason, settings, last_modified, last_result, tags)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(uuid) DO UPDATE SET function_name = excluded.function_name, region = excluded.region, event_source_arn = excluded.event_source_arn,
           enabled = excluded.enabled, state = excluded.state, state_reason = excluded.state_reason, settings = excluded.settings,
           last_modified = excluded.last_modified, last_result = excluded.last_result, tags = excluded.tags`,
      )
      .run(
        row.uuid,
        row.functionName,
        row.region,
        row.eventSourceArn,
        row.enabled ? 1 : 0,
        row.state,
        row.stateReason,
        JSON.stringify(row.settings),
        row.lastModified,
        row.lastResult,
        JSON.stringify(row.tags),
      );
  }

  setState(uuid: string, state: MappingState): void {
    this.#db.prepare("UPDATE lambda_mappings SET state = ? WHERE uuid = ?").run(state, uuid);
  }

  setLastResult(uuid: string, result: string): void {
    this.#db.prepare("UPDATE lambda_mappings SET last_result = ? WHERE uuid = ?").run(result, uuid);
  }

  delete(uuid: string): void {
    this.#db.transaction(() => {
      this.#db.prepare("DELETE FROM lambda_mappings WHERE uuid = ?").run(uuid);
      this.#db.prepare("DELETE FROM lambda_mapping_checkpoints WHERE uuid = ?").run(uuid);
    })();
  }

  checkpoint(uuid: string, key: string): string | undefined {
    return (
      (this.#db.prepare("SELECT value FROM lambda_mapping_checkpoints WHERE uuid = ? AND key = ?").pluck().get(uuid, key) as string | undefined) ?? undefined
    );
  }

  setCheckpoint(uuid: string, key: string, value: string): void {
    this.#db
      .prepare("INSERT INTO lambda_mapping_checkpoints (uuid, key, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value")
      .run(uuid, key, value);
  }
}

function toRow(record: MappingRecord): MappingRow {
  return {
    uuid: record.uuid,
    functionName: record.function_name,
    region: record.region,
    eventSourceArn: record.event_source_arn,
    enabled: record.enabled === 1,
    state: record.state,
    stateReason: record.state_reason,
    settings: JSON.parse(record.settings) as MappingSettings,
    lastModified: record.last_modified,
    lastResult: record.last_result,
    tags: JSON.parse(record.tags) as Record<string, string>,
  };
}
