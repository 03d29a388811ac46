// EventBridge's tables: rules (on the default bus; pattern or schedule, the
// state, tags, and for schedules the next time they fire, so a restart
// resumes the schedule where it stood) and each rule's targets.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";

export interface RuleRow {
  arn: string;
  name: string;
  bus: string;
  pattern: string | null;
  schedule: string | null;
  state: "ENABLED" | "DISABLED";
  description: string | null;
  created: number;
  /** ms since the epoch of a schedule's next firing (null for pattern rules and disabled schedules). */
  nextFire: number | null;
}

export interface TargetRow {
  ruleArn: string;
  id: string;
  arn: string;
  input: string | null;
}

const MIGRATIONS = [
  `CREATE TABLE events_rules (
     arn TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     bus TEXT NOT NULL,
     pattern TEXT,
     schedule TEXT,
     state TEXT NOT NULL,
     description TEXT,
     created INTEGER NOT NULL,
     next_fire INTEGER
   );
   CREATE TABLE events_targets (
     rule_arn TEXT NOT NULL,
     id TEXT NOT NULL,
     arn TEXT NOT NULL,
     input TEXT,
     PRIMARY KEY (rule_arn, id)
   );`,
  "ALTER TABLE events_rules ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';",
];

const RULE_COLUMNS = "arn, name, bus, pattern, schedule, state, description, created, next_fire AS nextFire";

export class EventsStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "events", MIGRATIONS);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  getRule(arn: string): RuleRow | undefined {
    return this.#db.prepare(`SELECT ${RULE_COLUMNS} FROM events_rules WHERE arn = ?`).get(arn) as RuleRow | undefined;
  }

  /** Rules of the bus whose name starts with `prefix`, in name order. */
  listRules(bus: string, prefix: string): RuleRow[] {
    return this.#db
      .prepare(`SELECT ${RULE_COLUMNS} FROM events_rules WHERE bus = ? AND substr(name, 1, ?) = ? ORDER BY name`)
      .all(bus, prefix.length, prefix) as RuleRow[];
  }

  /** Enabled pattern rules of the bus. */
  patternRules(bus: string): RuleRow[] {
    return this.#db
      .prepare(`SELECT ${RULE_COLUMNS} FROM events_rules WHERE bus = ? AND state = 'ENABLED' AND pattern IS NOT NULL ORDER BY name`)
      .all(bus) as RuleRow[];
  }

  /** The schedule rules due at `now` or earlier, and the earliest next firing of all. */
  dueSchedules(now: number): { due: RuleRow[]; next: number | undefined } {
    const due = this.#db
      .prepare(`SELECT ${RULE_COLUMNS} FROM events_rules WHERE next_fire IS NOT NULL AND next_fire <= ? ORDER BY next_fire, name`)
      .all(now) as RuleRow[];
    const next = (this.#db.prepare("SELECT min(next_fire) AS next FROM events_rules WHERE next_fire IS NOT NULL").get() as { next: number | null }).next;
    return { due, next: next ?? undefined };
  }

  putRule(rule: RuleRow): void {
    this.#db
      .prepare(
        `INSERT INTO events_rules (arn, name, bus, pattern, schedule, state, description, created, next_fire) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (arn) DO UPDATE SET pattern = excluded.pattern, schedule = excluded.schedule, state = excluded.state, description = excluded.description, next_fire = excluded.next_fire`,
      )
      .run(rule.arn, rule.name, rule.bus, rule.pattern, rule.schedule, rule.state, rule.description, rule.created, rule.nextFire);
  }

  tagsOf(arn: string): Record<string, string> | undefined {
    const row = this.#db.prepare("SELECT tags FROM events_rules WHERE arn = ?").get(arn) as { tags: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.tags) as Record<string, string>);
  }

  setTags(arn: string, tags: Record<string, string>): void {
    this.#db.prepare("UPDATE events_rules SET tags = ? WHERE arn = ?").run(JSON.stringify(tags), arn);
  }

  setNextFire(arn: string, nextFire: number | null): void {
    this.#db.prepare("UPDATE events_rules SET next_fire = ? WHERE arn = ?").run(nextFire, arn);
  }

  deleteRule(arn: string): void {
    this.#db.prepare("DELETE FROM events_rules WHERE arn = ?").run(arn);
  }

  targetsOf(ruleArn: string): TargetRow[] {
    return this.#db.prepare("SELECT rule_arn AS ruleArn, id, arn, input FROM events_targets WHERE rule_arn = ? ORDER BY id").all(ruleArn) as TargetRow[];
  }

  putTarget(target: TargetRow): void {
    this.#db
      .prepare("INSERT INTO events_targets VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET arn = excluded.arn, input = excluded.input")
      .run(target.ruleArn, target.id, target.arn, target.input);
  }

  removeTarget(ruleArn: string, id: string): void {
    this.#db.prepare("DELETE FROM events_targets WHERE rule_arn = ? AND id = ?").run(ruleArn, id);
  }
}
