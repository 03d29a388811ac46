// IAM's tables: roles (trust policy, path, tags), their inline policies,
// their attached managed policies, and customer-managed policies. Stored and
// returned, never enforced. Role names are unique regardless of case, as in
// IAM; documents are kept exactly as given (IAM returns them URL-encoded).
import { randomBytes } from "node:crypto";
import type { Database } from "../../store/database.js";
import { migrate } from "../../store/database.js";
import { ACCOUNT_ID } from "../service.js";

// A type, not an interface: it is written as XML through XmlValue's index signature.
export type Tag = { Key: string; Value: string };

export interface RoleRow {
  name: string;
  roleId: string;
  path: string;
  arn: string;
  assumeRolePolicy: string;
  description: string | null;
  maxSessionDuration: number;
  createdAt: number;
  tags: Tag[];
}

export interface PolicyRow {
  arn: string;
  name: string;
  policyId: string;
  path: string;
  description: string | null;
  document: string;
  createdAt: number;
  tags: Tag[];
}

const MIGRATIONS = [
  `CREATE TABLE iam_roles (
     name TEXT PRIMARY KEY COLLATE NOCASE,
     role_id TEXT NOT NULL,
     path TEXT NOT NULL,
     assume_role_policy TEXT NOT NULL,
     description TEXT,
     max_session_duration INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     tags TEXT NOT NULL
   );
   CREATE TABLE iam_role_policies (
     role_name TEXT NOT NULL COLLATE NOCASE,
     policy_name TEXT NOT NULL,
     document TEXT NOT NULL,
     PRIMARY KEY (role_name, policy_name)
   );
   CREATE TABLE iam_role_attachments (
     role_name TEXT NOT NULL COLLATE NOCASE,
     policy_arn TEXT NOT NULL,
     PRIMARY KEY (role_name, policy_arn)
   );
   CREATE TABLE iam_policies (
     arn TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     policy_id TEXT NOT NULL,
     path TEXT NOT NULL,
     description TEXT,
     document TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     tags TEXT NOT NULL
   );`,
];

interface RoleRecord {
  name: string;
  role_id: string;
  path: string;
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  created_at: number;
  tags: string;
}

interface PolicyRecord {
  arn: string;
  name: string;
  policy_id: string;
  path: string;
  description: string | null;
  document: string;
  created_at: number;
  tags: string;
}

export function roleArn(path: string, name: string): string {
  return `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`;
}

export function policyArn(path: string, name: string): string {
  return `arn:aws:iam::${ACCOUNT_ID}:policy${path}${name}`;
}

/** IAM's unique ids: a 4-letter prefix naming the kind (AROA role, ANPA policy) and 17 characters. */
export function uniqueId(prefix: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return prefix + [...randomBytes(17)].map((byte) => alphabet[byte % 32]).join("");
}

export class IamStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    migrate(db, "iam", MIGRATIONS);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  getRole(name: string): RoleRow | undefined {
    const record = this.#db.prepare("SELECT * FROM iam_roles WHERE name = ?").get(name) as RoleRecord | undefined;
    return record === undefined ? undefined : toRole(record);
  }

  listRoles(pathPrefix: string): RoleRow[] {
    const records = this.#db
      .prepare("SELECT * FROM iam_roles WHERE substr(path, 1, length(?)) = ? ORDER BY name COLLATE BINARY")
      .all(pathPrefix, pathPrefix) as RoleRecord[];
    return records.map(toRole);
  }

  insertRole(role: RoleRow): void {
    this.#db
      .prepare(
        "INSERT INTO iam_roles (name, role_id, path, assume_role_policy, description, max_session_duration, created_at, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(role.name, role.roleId, role.path, role.assumeRolePolicy, role.description, role.maxSessionDuration, role.createdAt, JSON.stringify(role.tags));
  }

  updateRole(name: string, fields: { assumeRolePolicy?: string; description?: string; maxSessionDuration?: number; tags?: Tag[] }): void {
    const role = this.getRole(name);
    if (role === undefined) return;
    this.#db
      .prepare("UPDATE iam_roles SET assume_role_policy = ?, description = ?, max_session_duration = ?, tags = ? WHERE name = ?")
      .run(
        fields.assumeRolePolicy ?? role.assumeRolePolicy,
        fields.description ?? role.description,
        fields.maxSessionDuration ?? role.maxSessionDuration,
        JSON.stringify(fields.tags ?? role.tags),
        name,
      );
  }

  deleteRole(name: string): void {
    this.#db.prepare("DELETE FROM iam_roles WHERE name = ?").run(name);
  }

  inlinePolicyNames(roleName: string): string[] {
    const rows = this.#db.prepare("SELECT policy_name FROM iam_role_policies WHERE role_name = ? ORDER BY policy_name").all(roleName) as Array<{
      policy_name: string;
    }>;
    return rows.map((row) => row.policy_name);
  }

  getInlinePolicy(roleName: string, policyName: string): string | undefined {
    const row = this.#db.prepare("SELECT document FROM iam_role_policies WHERE role_name = ? AND policy_name = ?").get(roleName, policyName) as
      { document: string } | undefined;
    return row?.document;
  }

  putInlinePolicy(roleName: string, policyName: string, document: string): void {
    this.#db
      .prepare(
        "INSERT INTO iam_role_policies (role_name, policy_name, document) VALUES (?, ?, ?) ON CONFLICT(role_name, policy_name) DO UPDATE SET document = excluded.document",
      )
      .run(roleName, policyName, document);
  }

  deleteInlinePolicy(roleName: string, policyName: string): boolean {
    return this.#db.prepare("DELETE FROM iam_role_policies WHERE role_name = ? AND policy_name = ?").run(roleName, policyName).changes > 0;
  }

  attachedPolicyArns(roleName: string): string[] {
    const rows = this.#db.prepare("SELECT policy_arn FROM iam_role_attachments WHERE role_name = ? ORDER BY policy_arn").all(roleName) as Array<{
      policy_arn: string;
    }>;
    return rows.map((row) => row.policy_arn);
  }

  attach(roleName: string, arn: string): void {
    this.#db.prepare("INSERT OR IGNORE INTO iam_role_attachments (role_name, policy_arn) VALUES (?, ?)").run(roleName, arn);
  }

  detach(roleName: string, arn: string): boolean {
    return this.#db.prepare("DELETE FROM iam_role_attachments WHERE role_name = ? AND policy_arn = ?").run(roleName, arn).changes > 0;
  }

  attachmentCount(arn: string): number {
    return (this.#db.prepare("SELECT count(*) AS n FROM iam_role_attachments WHERE policy_arn = ?").get(arn) as { n: number }).n;
  }

  getPolicy(arn: string): PolicyRow | undefined {
    const record = this.#db.prepare("SELECT * FROM iam_policies WHERE arn = ?").get(arn) as PolicyRecord | undefined;
    return record === undefined ? undefined : toPolicy(record);
  }

  listPolicies(): PolicyRow[] {
    return (this.#db.prepare("SELECT * FROM iam_policies ORDER BY name").all() as PolicyRecord[]).map(toPolicy);
  }

  insertPolicy(policy: PolicyRow): void {
    this.#db
      .prepare("INSERT INTO iam_policies (arn, name, policy_id, path, description, document, created_at, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(policy.arn, policy.name, policy.policyId, policy.path, policy.description, policy.document, policy.createdAt, JSON.stringify(policy.tags));
  }

  deletePolicy(arn: string): void {
    this.#db.prepare("DELETE FROM iam_policies WHERE arn = ?").run(arn);
  }
}

function toRole(record: RoleRecord): RoleRow {
  return {
    name: record.name,
    roleId: record.role_id,
    path: record.path,
    arn: roleArn(record.path, record.name),
    assumeRolePolicy: record.assume_role_policy,
    description: record.description,
    maxSessionDuration: record.max_session_duration,
    createdAt: record.created_at,
    tags: JSON.parse(record.tags) as Tag[],
  };
}

function toPolicy(record: PolicyRecord): PolicyRow {
  return {
    arn: record.arn,
    name: record.name,
    policyId: record.policy_id,
    path: record.path,
    description: record.description,
    document: record.document,
    createdAt: record.created_at,
    tags: JSON.parse(record.tags) as Tag[],
  };
}
