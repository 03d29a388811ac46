// What every SNS action reads and refuses alike: InvalidParameter and
// NotFound as SNS words them, attribute maps (`Attributes.entry.N.key`),
// tags, the topic of an ARN, and page tokens.
import { AwsError } from "../../errors.js";
import type { QueryParams } from "../../protocols/query.js";
import type { SnsStore, SubscriptionRow, TopicRow } from "./sns-store.js";

export const PAGE_SIZE = 100;

/** SNS's InvalidParameter: `Invalid parameter: <what>`. */
export function invalidParameter(what: string): AwsError {
  return new AwsError("InvalidParameter", `Invalid parameter: ${what}`, 400);
}

export function requireTopic(store: SnsStore, arn: string): TopicRow {
  const topic = store.getTopic(arn);
  if (topic === undefined) throw new AwsError("NotFound", "Topic does not exist", 404);
  return topic;
}

export function requireSubscription(store: SnsStore, arn: string): SubscriptionRow {
  const subscription = store.getSubscription(arn);
  if (subscription === undefined) throw new AwsError("NotFound", "Subscription does not exist", 404);
  return subscription;
}

/** `Name.entry.N.key` / `Name.entry.N.value` pairs, in order. */
export function readMap(params: QueryParams, name: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (let index = 1; ; index++) {
    const key = params.get(`${name}.entry.${index}.key`);
    if (key === undefined) return map;
    map[key] = params.get(`${name}.entry.${index}.value`) ?? "";
  }
}

/** `Tags.member.N.Key` / `.Value`; SNS's limits on keys, values and count. */
export function readTags(params: QueryParams): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of params.structList("Tags")) {
    if (Key === undefined || Key === "" || Key.length > 128) throw invalidParameter("Tags Reason: a tag key must be 1 to 128 characters long");
    if ((Value ?? "").length > 256) throw invalidParameter("Tags Reason: a tag value must be at most 256 characters long");
    tags[Key] = Value ?? "";
  }
  return tags;
}

/** The XML of an attribute map: `<entry><key>…</key><value>…</value></entry>`. */
export function entriesOf(map: Record<string, string>): Array<{ key: string; value: string }> {
  return Object.keys(map)
    .sort()
    .map((key) => ({ key, value: map[key]! }));
}

export function encodeToken(value: string): string {
  return Buffer.from(value).toString("base64url");
}

export function decodeToken(token: string | undefined): string {
  return token === undefined ? "" : Buffer.from(token, "base64url").toString("utf8");
}

/** An ARN's region (arn:aws:sns:<region>:…). */
export function regionOf(arn: string): string {
  return arn.split(":")[3] ?? "us-east-1";
}
