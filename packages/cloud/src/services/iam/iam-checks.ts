// What IAM checks in a request before storing anything: names, paths, policy
// documents (JSON, as IAM's first check), tags, and list pagination. The
// messages are IAM's own, so clients and the engine see what AWS would say.
import { AwsError } from "../../errors.js";
import type { QueryParams } from "../../protocols/query.js";
import type { Tag } from "./iam-store.js";

const NAME = /^[\w+=,.@-]{1,64}$/;
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const PATH = /^(\/|\/[\u0021-\u007F]+\/)$/;

export function checkRoleName(name: string): string {
  if (!NAME.test(name))
    throw validation(name, "roleName", "Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length less than or equal to 64");
  return name;
}

export function checkPolicyName(name: string, field = "policyName"): string {
  if (!POLICY_NAME.test(name)) throw validation(name, field, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
  return name;
}

export function checkPath(path: string | undefined): string {
  if (path === undefined) return "/";
  if (!PATH.test(path) || path.length > 512) {
    throw validation(path, "path", "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)");
  }
  return path;
}

/** A policy document must at least be a JSON object; IAM's grammar checks go no further here. */
export function checkPolicyDocument(document: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new AwsError("MalformedPolicyDocument", "This policy contains invalid Json", 400);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new AwsError("MalformedPolicyDocument", "Syntax errors in policy.", 400);
  return document;
}

/** `Tags.member.N.Key/Value`, at most 50, keys unique. */
export function readTags(params: QueryParams, name = "Tags"): Tag[] {
  const tags = params.structList(name).map((item) => ({ Key: item.Key ?? "", Value: item.Value ?? "" }));
  if (tags.length > 50) throw new AwsError("LimitExceeded", "Cannot exceed quota for TagsPerRole: 50.", 409);
  const keys = new Set<string>();
  for (const tag of tags) {
    if (tag.Key === "" || tag.Key.length > 128) throw validation(tag.Key, "tags.member.key", "Member must have length between 1 and 128");
    if (keys.has(tag.Key.toLowerCase())) throw new AwsError("InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive.", 400);
    keys.add(tag.Key.toLowerCase());
  }
  return tags;
}

/** Tags after TagRole: new keys added, existing keys (any case) given the new value. */
export function mergeTags(current: Tag[], added: Tag[]): Tag[] {
  const merged = current.filter((tag) => !added.some((each) => each.Key.toLowerCase() === tag.Key.toLowerCase()));
  return [...merged, ...added];
}

/** One page of `items` after `Marker`, at most `MaxItems` (default 100), with IAM's IsTruncated/Marker fields. */
export function page<T>(items: T[], params: QueryParams): { items: T[]; IsTruncated: boolean; Marker: string | undefined } {
  const start = Number(params.get("Marker") ?? "0");
  const max = params.integer("MaxItems", 100);
  if (!Number.isInteger(start) || start < 0) throw new AwsError("InvalidInput", "Invalid Marker.", 400);
  if (max < 1 || max > 1000) throw validation(String(max), "maxItems", "Member must have value between 1 and 1000");
  const slice = items.slice(start, start + max);
  const truncated = start + max < items.length;
  return { items: slice, IsTruncated: truncated, Marker: truncated ? String(start + max) : undefined };
}

export function validation(value: string, field: string, constraint: string): AwsError {
  return new AwsError("ValidationError", `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`, 400);
}

/** What IAM returns for a document: URL-encoded, as AWS does (clients decode it with decodeURIComponent). */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document);
}
