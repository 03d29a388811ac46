// A bucket's notification configuration: parsed from PutBucketNotificationConfiguration's
// XML, checked the way S3 checks it (known events, prefix/suffix rules,
// well-formed ARNs, no two configurations sharing an event type for keys
// both could match), and written back as GetBucketNotificationConfiguration
// answers it. Destinations are checked by the caller (they need Lambda).
import { createHash } from "node:crypto";
import { asArray } from "../../protocols/xml.js";
import { invalidArgument, malformedXml } from "./s3-errors.js";
import { element, objectOf, textOf } from "./s3-xml.js";

export type DestinationKind = "lambda" | "queue" | "topic";

/** One configuration: a destination, its events and an optional key filter. */
export interface NotificationRule {
  kind: DestinationKind;
  id: string;
  arn: string;
  /** As configured: `s3:ObjectCreated:*`, `s3:ObjectRemoved:Delete`… */
  events: string[];
  prefix?: string;
  suffix?: string;
}

export interface NotificationConfig {
  rules: NotificationRule[];
  eventBridge: boolean;
}

// The wire names of each kind: list element and ARN element (botocore's model).
const KINDS: ReadonlyArray<{ kind: DestinationKind; list: string; arn: string }> = [
  { kind: "topic", list: "TopicConfiguration", arn: "Topic" },
  { kind: "queue", list: "QueueConfiguration", arn: "Queue" },
  { kind: "lambda", list: "CloudFunctionConfiguration", arn: "CloudFunction" },
];

const EVENT_TYPES: ReadonlySet<string> = new Set([
  "s3:ReducedRedundancyLostObject",
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
  "s3:ObjectRestore:*",
  "s3:ObjectRestore:Post",
  "s3:ObjectRestore:Completed",
  "s3:ObjectRestore:Delete",
  "s3:Replication:*",
  "s3:Replication:OperationFailedReplication",
  "s3:Replication:OperationNotTracked",
  "s3:Replication:OperationMissedThreshold",
  "s3:Replication:OperationReplicatedAfterThreshold",
  "s3:LifecycleTransition",
  "s3:IntelligentTiering",
  "s3:ObjectAcl:Put",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleExpiration:Delete",
  "s3:LifecycleExpiration:DeleteMarkerCreated",
  "s3:ObjectTagging:*",
  "s3:ObjectTagging:Put",
  "s3:ObjectTagging:Delete",
]);

const ARN_PATTERNS: Readonly<Record<DestinationKind, RegExp>> = {
  lambda: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/,
  queue: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/,
  topic: /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/,
};

/** Parses and validates a NotificationConfiguration document. */
export function parseNotificationConfig(document: Record<string, unknown>): NotificationConfig {
  const root = objectOf(document.NotificationConfiguration);
  if (root === undefined) throw malformedXml();
  const rules: NotificationRule[] = [];
  for (const { kind, list, arn } of KINDS) {
    for (const entry of asArray(root[list])) rules.push(parseRule(kind, objectOf(entry), arn, rules.length));
  }
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw invalidArgument("Same ID used for multiple configurations. IDs must be unique.", "Id", rule.id);
    ids.add(rule.id);
  }
  checkNoOverlap(rules);
  return { rules, eventBridge: root.EventBridgeConfiguration !== undefined };
}

function parseRule(kind: DestinationKind, entry: Record<string, unknown> | undefined, arnElement: string, index: number): NotificationRule {
  if (entry === undefined) throw malformedXml();
  const arn = textOf(entry[arnElement]);
  const events = asArray(entry.Event).map(textOf);
  if (arn === undefined || events.length === 0 || events.some((event) => event === undefined)) throw malformedXml();
  if (!ARN_PATTERNS[kind].test(arn)) throw invalidArgument("The ARN is not well formed", arnElement, arn);
  for (const event of events as string[]) {
    if (!EVENT_TYPES.has(event)) throw invalidArgument("The event is not supported for notifications", "Event", event);
  }
  const rule: NotificationRule = { kind, id: "", arn, events: [...new Set(events as string[])], ...parseFilter(entry.Filter) };
  rule.id = textOf(entry.Id) || generatedId(rule, index);
  return rule;
}

function parseFilter(filter: unknown): Pick<NotificationRule, "prefix" | "suffix"> {
  const key = objectOf(objectOf(filter)?.S3Key);
  const result: { prefix?: string; suffix?: string } = {};
  for (const each of asArray(key?.FilterRule)) {
    const rule = objectOf(each);
    const name = textOf(rule?.Name)?.toLowerCase();
    const value = textOf(rule?.Value) ?? "";
    if (name !== "prefix" && name !== "suffix")
      throw invalidArgument("filter rule name must be either prefix or suffix", "FilterRule.Name", textOf(rule?.Name) ?? "");
    if (result[name] !== undefined) throw invalidArgument(`Cannot specify more than one ${name} rule in a filter.`, "FilterRule.Name", name);
    if (value.length > 1024) throw invalidArgument("The filter rule value is longer than 1024 characters", "FilterRule.Value", value);
    result[name] = value;
  }
  return result;
}

// AWS makes up an Id when none is given; this one is derived from the rule,
// so the same configuration always reads back the same.
function generatedId(rule: NotificationRule, index: number): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([index, rule.kind, rule.arn, rule.events, rule.prefix, rule.suffix]))
    .digest("hex");
  const uuid = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
  return Buffer.from(uuid).toString("base64");
}

/** True when configured event type `a` and `b` can name the same event (`s3:ObjectCreated:*` covers `s3:ObjectCreated:Put`). */
export function eventTypesOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const family = (type: string): string | undefined => (type.endsWith(":*") ? type.slice(0, -1) : undefined);
  const familyA = family(a);
  const familyB = family(b);
  return (familyA !== undefined && b.startsWith(familyA)) || (familyB !== undefined && a.startsWith(familyB));
}

// S3 refuses two configurations that share an event type when some key could
// match both: their prefixes overlap (one starts the other) and so do their
// suffixes (one ends the other). An absent filter overlaps everything.
function checkNoOverlap(rules: readonly NotificationRule[]): void {
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      if (rulesOverlap(rules[i]!, rules[j]!)) {
        throw invalidArgument("Configurations overlap. Configurations on the same bucket cannot share a common event type.");
      }
    }
  }
}

export function rulesOverlap(a: NotificationRule, b: NotificationRule): boolean {
  const sharesEvent = a.events.some((x) => b.events.some((y) => eventTypesOverlap(x, y)));
  if (!sharesEvent) return false;
  const prefixA = a.prefix ?? "";
  const prefixB = b.prefix ?? "";
  const suffixA = a.suffix ?? "";
  const suffixB = b.suffix ?? "";
  const prefixes = prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA);
  const suffixes = suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA);
  return prefixes && suffixes;
}

/** The configuration as GetBucketNotificationConfiguration answers it (inner XML). */
export function notificationConfigXml(config: NotificationConfig | undefined): string {
  if (config === undefined) return "";
  const parts: string[] = [];
  for (const { kind, list, arn } of KINDS) {
    for (const rule of config.rules.filter((each) => each.kind === kind)) {
      const events = rule.events.map((event) => element("Event", event)).join("");
      parts.push(`<${list}>${element("Id", rule.id)}${element(arn, rule.arn)}${events}${filterXml(rule)}</${list}>`);
    }
  }
  if (config.eventBridge) parts.push("<EventBridgeConfiguration></EventBridgeConfiguration>");
  return parts.join("");
}

// S3 answers filter rule names capitalised, whatever case they were sent in.
function filterXml(rule: NotificationRule): string {
  const rules: string[] = [];
  if (rule.prefix !== undefined) rules.push(`<FilterRule>${element("Name", "Prefix")}${element("Value", rule.prefix)}</FilterRule>`);
  if (rule.suffix !== undefined) rules.push(`<FilterRule>${element("Name", "Suffix")}${element("Value", rule.suffix)}</FilterRule>`);
  return rules.length === 0 ? "" : `<Filter><S3Key>${rules.join("")}</S3Key></Filter>`;
}
