// A queue's attributes: the ones CreateQueue and SetQueueAttributes take,
// with SQS's defaults and ranges, checked as SQS checks them (FIFO-only
// attributes on a FIFO queue, a redrive policy naming an existing queue of
// the same type); and the read-only ones GetQueueAttributes adds (counts,
// timestamps, the ARN).
import { invalidParameter, SqsError } from "./sqs-protocol.js";

/** The stored, settable attributes of a queue, as SQS spells them, values as text. */
export type QueueAttributes = Record<string, string>;

interface Rule {
  /** Default value; undefined for attributes absent until set. */
  fallback?: string;
  /** Inclusive integer range, for numeric attributes. */
  range?: readonly [number, number];
  /** Allowed values, for enumerations. */
  values?: readonly string[];
  /** Only on FIFO queues (FifoQueue itself is given at creation only). */
  fifoOnly?: boolean;
}

const BOOLEAN = ["true", "false"] as const;

const RULES: Readonly<Record<string, Rule>> = {
  DelaySeconds: { fallback: "0", range: [0, 900] },
  MaximumMessageSize: { fallback: "262144", range: [1024, 1048576] },
  MessageRetentionPeriod: { fallback: "345600", range: [60, 1209600] },
  ReceiveMessageWaitTimeSeconds: { fallback: "0", range: [0, 20] },
  VisibilityTimeout: { fallback: "30", range: [0, 43200] },
  SqsManagedSseEnabled: { fallback: "true", values: BOOLEAN },
  KmsDataKeyReusePeriodSeconds: { range: [60, 86400] },
  KmsMasterKeyId: {},
  Policy: {},
  RedrivePolicy: {},
  RedriveAllowPolicy: {},
  FifoQueue: { values: BOOLEAN },
  ContentBasedDeduplication: { values: BOOLEAN, fifoOnly: true },
  DeduplicationScope: { values: ["messageQueue", "messageGroup"], fifoOnly: true },
  FifoThroughputLimit: { values: ["perQueue", "perMessageGroupId"], fifoOnly: true },
};

/** Attributes GetQueueAttributes computes; they cannot be set. */
export const COMPUTED_ATTRIBUTES = [
  "ApproximateNumberOfMessages",
  "ApproximateNumberOfMessagesNotVisible",
  "ApproximateNumberOfMessagesDelayed",
  "CreatedTimestamp",
  "LastModifiedTimestamp",
  "QueueArn",
] as const;

const FIFO_DEFAULTS: QueueAttributes = { ContentBasedDeduplication: "false", DeduplicationScope: "messageQueue", FifoThroughputLimit: "perQueue" };

/** A redrive policy as SQS reads it. */
export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

/** The attributes of a new queue: `given` checked, with SQS's defaults. */
export function newQueueAttributes(name: string, given: QueueAttributes): QueueAttributes {
  const fifo = given.FifoQueue === "true";
  if (fifo !== name.endsWith(".fifo")) {
    throw invalidParameter(
      fifo
        ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
        : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
    );
  }
  const defaults: QueueAttributes = {};
  for (const [key, rule] of Object.entries(RULES)) if (rule.fallback !== undefined) defaults[key] = rule.fallback;
  const attributes = { ...defaults, ...(fifo ? { FifoQueue: "true", ...FIFO_DEFAULTS } : {}) };
  return applyAttributes(attributes, given, true);
}

/** `current` with `changes` applied (SetQueueAttributes); FifoQueue may not change. */
export function applyAttributes(current: QueueAttributes, changes: QueueAttributes, creating = false): QueueAttributes {
  const fifo = current.FifoQueue === "true";
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const rule = Object.hasOwn(RULES, key) ? RULES[key]! : undefined;
    if (rule === undefined) throw new SqsError("InvalidAttributeName", `Unknown Attribute ${key}.`);
    if ((rule.fifoOnly === true && !fifo) || (key === "FifoQueue" && !creating && value !== current.FifoQueue)) {
      throw new SqsError("InvalidAttributeName", `Unknown Attribute ${key}.`);
    }
    checkValue(key, value, rule);
    if ((key === "RedrivePolicy" || key === "Policy" || key === "RedriveAllowPolicy") && value === "") delete next[key];
    else next[key] = key === "RedrivePolicy" ? normalRedrive(value) : value;
  }
  if (next.FifoQueue === "false") delete next.FifoQueue;
  return next;
}

function checkValue(key: string, value: string, rule: Rule): void {
  const bad = (): SqsError => new SqsError("InvalidAttributeValue", `Invalid value for the parameter ${key}.`);
  if (rule.range !== undefined) {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < rule.range[0] || number > rule.range[1]) throw bad();
  }
  if (rule.values !== undefined && !rule.values.includes(value)) throw bad();
  if ((key === "Policy" || key === "RedriveAllowPolicy") && value !== "" && !isJsonObject(value)) throw bad();
}

// Stored as SQS answers it: {"deadLetterTargetArn":"…","maxReceiveCount":5}.
function normalRedrive(text: string): string {
  const policy = readRedrive(text);
  return JSON.stringify({ deadLetterTargetArn: policy.deadLetterTargetArn, maxReceiveCount: policy.maxReceiveCount });
}

/** The redrive policy in `text`, checked; InvalidParameterValue as SQS words it otherwise. */
export function readRedrive(text: string): RedrivePolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter(`Value ${text} for parameter RedrivePolicy is invalid. Reason: Invalid JSON.`);
  }
  const policy = (parsed ?? {}) as Record<string, unknown>;
  const arn = policy.deadLetterTargetArn;
  const count = Number(policy.maxReceiveCount);
  if (typeof arn !== "string" || arn === "")
    throw invalidParameter(`Value ${text} for parameter RedrivePolicy is invalid. Reason: Redrive policy does not contain deadLetterTargetArn.`);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw invalidParameter(
      `Value ${text} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: ${String(policy.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`,
    );
  }
  return { deadLetterTargetArn: arn, maxReceiveCount: count };
}

/** The first attribute `given` sets to another value than `current` has (CreateQueue of an existing name). */
export function differingAttribute(current: QueueAttributes, given: QueueAttributes, name: string): string | undefined {
  const wanted = newQueueAttributes(name, given);
  return Object.keys(given).find((key) => (wanted[key] ?? "") !== (current[key] ?? ""));
}

/** Every name GetQueueAttributes accepts. */
export function isKnownAttribute(name: string): boolean {
  return name === "All" || Object.hasOwn(RULES, name) || (COMPUTED_ATTRIBUTES as readonly string[]).includes(name);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false;
  }
}
