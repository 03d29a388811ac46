// Subscription filters of log groups: at most two per group, each a filter
// pattern and a destination (a Lambda function's ARN here). Kept in their
// own table beside the groups; a group's filters go with the group.
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";

export interface SubscriptionRow {
  groupName: string;
  filterName: string;
  filterPattern: string;
  destinationArn: string;
  roleArn: string | null;
  distribution: string;
  created: number;
}

const MIGRATIONS = [
  `CREATE TABLE logs_subscriptions (
     group_name TEXT NOT NULL,
     filter_name TEXT NOT NULL,
     filter_pattern TEXT NOT NULL,
     destination_arn TEXT NOT NULL,
     role_arn TEXT,
     distribution TEXT NOT NULL,
     created INTEGER NOT NULL,
     PRIMARY KEY (group_name, filter_name)
   );`,
];

const COLUMNS =
  "group_name AS groupName, filter_name AS filterName, filter_pattern AS filterPattern, destination_arn AS destinationArn, role_arn AS roleArn, distribution, created";

export class SubscriptionStore {
  readonly #db: Database.Database;
  readonly #ofGroup: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "logs-subscriptions", MIGRATIONS);
    // Read for every batch of lines written to any group: prepared once.
    this.#ofGroup = db.prepare(`SELECT ${COLUMNS} FROM logs_subscriptions WHERE group_name = ? ORDER BY filter_name`);
  }

  /** The group's filters in name order. */
  ofGroup(group: string): SubscriptionRow[] {
    return this.#ofGroup.all(group) as SubscriptionRow[];
  }

  /** Every filter of every group (the graph a new filter is checked against for loops). */
  all(): SubscriptionRow[] {
    return this.#db.prepare(`SELECT ${COLUMNS} FROM logs_subscriptions ORDER BY group_name, filter_name`).all() as SubscriptionRow[];
  }

  /** Creates the filter, or replaces the one of that name (keeping its creation time, as CloudWatch does). */
  put(row: SubscriptionRow): void {
    this.#db
      .prepare(
        `INSERT INTO logs_subscriptions (group_name, filter_name, filter_pattern, destination_arn, role_arn, distribution, created) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (group_name, filter_name) DO UPDATE SET filter_pattern = excluded.filter_pattern, destination_arn = excluded.destination_arn,
           role_arn = excluded.role_arn, distribution = excluded.distribution`,
      )
      .run(row.groupName, row.filterName, row.filterPattern, row.destinationArn, row.roleArn, row.distribution, row.created);
  }

  /** False when there is no such filter. */
  delete(group: string, filterName: string): boolean {
    return this.#db.prepare("DELETE FROM logs_subscriptions WHERE group_name = ? AND filter_name = ?").run(group, filterName).changes > 0;
  }

  deleteGroup(group: string): void {
    this.#db.prepare("DELETE FROM logs_subscriptions WHERE group_name = ?").run(group);
  }
}
