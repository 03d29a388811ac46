// Physical names: `<name>-<7 hex>`, where the hex is a hash of the account,
// region, project, stack, type, name and replacement generation. No
// randomness: the same program plans the same names on any machine, and a
// replacement (the next generation) gets a new name so it can be created
// before the old resource is deleted.
import { createHash } from "node:crypto";

export interface NamingContext {
  accountId: string;
  region: string;
  project: string;
  stack: string;
}

/** AWS's limits on a generated name (IAM role 64, Lambda function 64, bucket 63 lowercase). */
export interface NameRule {
  max: number;
  /** Buckets: lowercase letters, digits and '-' only. */
  lowercase?: boolean;
}

const HEX_LENGTH = 7;

export function nameHash(context: NamingContext, type: string, name: string, generation: number): string {
  const key = JSON.stringify([context.accountId, context.region, context.project, context.stack, type, name, generation]);
  return createHash("sha256").update(key).digest("hex").slice(0, HEX_LENGTH);
}

export function physicalName(context: NamingContext, type: string, name: string, generation: number, rule: NameRule): string {
  const suffix = `-${nameHash(context, type, name, generation)}`;
  let base = rule.lowercase
    ? name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+/, "")
    : name;
  base = base.slice(0, rule.max - suffix.length).replace(/-+$/, "");
  return `${base || "r"}${suffix}`;
}
