// Lambda's tables: one row per function (its configuration as JSON, its code
// by content hash, tags, reserved concurrency and resource policy). Versions
// and aliases are not kept: every function is `$LATEST`.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";

/** What CreateFunction and UpdateFunctionConfiguration set. */
export interface FunctionSettings {
  runtime: string;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  environment: Record<string, string>;
  architectures: string[];
  ephemeralStorage: number;
}

/** A statement of the function's resource policy, as AddPermission builds it. */
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Principal: string | { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface FunctionRow {
  name: string;
  region: string;
  settings: FunctionSettings;
  /** base64 SHA-256 of the zip, as CodeSha256. */
  codeSha256: string;
  codeSize: number;
  revisionId: string;
  lastModified: number;
  reservedConcurrency: number | null;
  tags: Record<string, string>;
  policy: PolicyStatement[];
}

const MIGRATIONS = [
  `CREATE TABLE lambda_functions (
     name TEXT PRIMARY KEY,
     region TEXT NOT NULL,
     settings TEXT NOT NULL,
     code_sha256 TEXT NOT NULL,
     code_size INTEGER NOT NULL,
     revision_id TEXT NOT NULL,
     last_modified INTEGER NOT NULL,
     reserved_concurrency INTEGER,
     tags TEXT NOT NULL,
     policy TEXT NOT NULL
   );`,
];

interface FunctionRecord {
  name: string;
  region: string;
  settings: string;
  code_sha256: string;
  code_size: number;
  revision_id: string;
  last_modified: number;
  reserved_concurrency: number | null;
  tags: string;
  policy: string;
}

export class FunctionStore {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], FunctionRecord>;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "lambda-functions", MIGRATIONS);
    this.#get = db.prepare("SELECT * FROM lambda_functions WHERE name = ?");
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  get(name: string): FunctionRow | undefined {
    const record = this.#get.get(name);
    return record === undefined ? undefined : toRow(record);
  }

  /** Functions in name order, after `after` (exclusive), at most `limit`. */
  list(after: string, limit: number): FunctionRow[] {
    const records = this.#db.prepare("SELECT * FROM lambda_functions WHERE name > ? ORDER BY name LIMIT ?").all(after, limit) as FunctionRecord[];
    return records.map(toRow);
  }

  /** Every code hash some function still uses (to remove code no function needs). */
  codeInUse(): Set<string> {
    const rows = this.#db.prepare("SELECT DISTINCT code_sha256 FROM lambda_functions").all() as Array<{ code_sha256: string }>;
    return new Set(rows.map((row) => row.code_sha256));
  }

  /** Inserts or replaces the whole row. */
  put(row: FunctionRow): void {
    this.#db
      .prepare(
        `INSERT INTO lambda_functions (name, region, settings, code_sha256, code_size, revision_id, last_modified, reserved_concurrency, tags, policy)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET region = excluded.region, settings = excluded.settings, code_sha256 = excluded.code_sha256,
           code_size = excluded.code_size, revision_id = excluded.revision_id, last_modified = excluded.last_modified,
           reserved_concurrency = excluded.reserved_concurrency, tags = excluded.tags, policy = excluded.policy`,
      )
      .run(
        row.name,
        row.region,
        JSON.stringify(row.settings),
        row.codeSha256,
        row.codeSize,
        row.revisionId,
        row.lastModified,
        row.reservedConcurrency,
        JSON.stringify(row.tags),
        JSON.stringify(row.policy),
      );
  }

  delete(name: string): boolean {
    return this.#db.prepare("DELETE FROM lambda_functions WHERE name = ?").run(name).changes > 0;
  }
}

function toRow(record: FunctionRecord): FunctionRow {
  return {
    name: record.name,
    region: record.region,
    settings: JSON.parse(record.settings) as FunctionSettings,
    codeSha256: record.code_sha256,
    codeSize: record.code_size,
    revisionId: record.revision_id,
    lastModified: record.last_modified,
    reservedConcurrency: record.reserved_concurrency,
    tags: JSON.parse(record.tags) as Record<string, string>,
    policy: JSON.parse(record.policy) as PolicyStatement[],
  };
}
