// sqs.Queue: a queue (physical name `<name>-<7 hex>`, with `.fifo` for a
// FIFO queue, unless `name` is given; changing the name or the queue type
// replaces it), outputs name, arn and url, and its subscription:
// onEvent turns a handler into a function fed by an event source mapping.
import { checkInteger, checkObject, checkString, checkTags, defined, invalidArgument } from "../core/check.js";
import { isOutput, type Input, type Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES, type Tags } from "../core/types.js";
import type { Handler } from "../lambda/handler.js";
import type { QueueEvent, QueueEventSubscriptionArgs } from "./events.js";
import { subscribeQueue, type QueueEventSubscription } from "./subscription.js";

export interface RedrivePolicy {
  /** The dead-letter queue's ARN (e.g. `dlq.arn`). */
  deadLetterTargetArn: Input<string>;
  /** Receives before a message moves to the dead-letter queue, 1 to 1,000. */
  maxReceiveCount: number;
}

export interface QueueArgs {
  /** The queue's name; default `<name>-<7 hex>` (with `.fifo` for a FIFO queue). */
  name?: Input<string>;
  /** Seconds a received message stays invisible, 0 to 43,200. Default 30. */
  visibilityTimeoutSeconds?: number;
  /** Seconds a message is kept, 60 to 1,209,600. Default 345,600 (4 days). */
  messageRetentionSeconds?: number;
  /** Seconds every new message waits before it can be received, 0 to 900. Default 0. */
  delaySeconds?: number;
  /** Default long-polling wait of ReceiveMessage, 0 to 20. Default 0. */
  receiveWaitTimeSeconds?: number;
  /** Bytes, 1,024 to 1,048,576. Default 262,144. */
  maxMessageSize?: number;
  fifoQueue?: boolean;
  /** FIFO only: deduplicate by a SHA-256 of the body. */
  contentBasedDeduplication?: boolean;
  /** Where messages go after maxReceiveCount receives: an object, or its JSON text as Pulumi takes it. */
  redrivePolicy?: RedrivePolicy | Input<string>;
  tags?: Tags;
}

const RANGES: ReadonlyArray<readonly [keyof QueueArgs, number, number]> = [
  ["visibilityTimeoutSeconds", 0, 43200],
  ["messageRetentionSeconds", 60, 1209600],
  ["delaySeconds", 0, 900],
  ["receiveWaitTimeSeconds", 0, 20],
  ["maxMessageSize", 1024, 1048576],
];

export class Queue extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;
  /** The queue's URL, what SendMessage and ReceiveMessage take. */
  readonly url: Output<string>;
  /** Seconds, when declared here (undefined for a queue from get()). */
  readonly visibilityTimeoutSeconds: number | undefined;
  readonly fifoQueue: boolean;

  constructor(name: string, args?: QueueArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    const given = checkObject(TYPES.queue, name, args) as QueueArgs;
    const inputs = read ? {} : queueInputs(name, given);
    super(TYPES.queue, name, inputs, options, ["name", "arn", "url"]);
    this.name = this.output("name");
    this.arn = this.output("arn");
    this.url = this.output("url");
    this.visibilityTimeoutSeconds = read ? undefined : (given.visibilityTimeoutSeconds ?? 30);
    this.fifoQueue = given.fifoQueue === true;
  }

  /** The existing queue named `id` (its name or URL), read and never changed. */
  static get(name: string, id: Input<string>): Queue {
    return new Queue(name, {}, { readId: id } as ResourceOptions);
  }

  /** Runs `handler` with batches of the queue's messages (Lambda polls the queue through an event source mapping). */
  onEvent(name: string, handler: Handler<QueueEvent>, args: QueueEventSubscriptionArgs = {}): QueueEventSubscription {
    return subscribeQueue(this, name, handler, args);
  }
}

function queueInputs(name: string, given: QueueArgs): Record<string, unknown> {
  const type = TYPES.queue;
  checkString(type, name, "name", given.name);
  checkTags(type, name, given.tags);
  for (const [key, min, max] of RANGES) checkInteger(type, name, key, given[key], min, max);
  for (const key of ["fifoQueue", "contentBasedDeduplication"] as const) {
    if (given[key] !== undefined && typeof given[key] !== "boolean") throw invalidArgument(type, name, `"${key}" must be true or false`);
  }
  const fifo = given.fifoQueue === true;
  if (given.contentBasedDeduplication === true && !fifo)
    throw invalidArgument(type, name, `"contentBasedDeduplication" applies to FIFO queues only`, "set fifoQueue: true, or leave contentBasedDeduplication out");
  if (typeof given.name === "string" && given.name.endsWith(".fifo") !== fifo) {
    throw invalidArgument(
      type,
      name,
      fifo ? `the name of a FIFO queue must end in ".fifo", got ${JSON.stringify(given.name)}` : `a name ending in ".fifo" needs fifoQueue: true`,
    );
  }
  return defined({
    name: given.name,
    fifoQueue: fifo,
    visibilityTimeoutSeconds: given.visibilityTimeoutSeconds ?? 30,
    messageRetentionSeconds: given.messageRetentionSeconds ?? 345600,
    delaySeconds: given.delaySeconds ?? 0,
    receiveWaitTimeSeconds: given.receiveWaitTimeSeconds ?? 0,
    maxMessageSize: given.maxMessageSize ?? 262144,
    contentBasedDeduplication: fifo ? (given.contentBasedDeduplication ?? false) : undefined,
    redrivePolicy: redriveOf(name, given.redrivePolicy),
    tags: given.tags,
  });
}

function redriveOf(name: string, policy: QueueArgs["redrivePolicy"]): unknown {
  if (policy === undefined || isOutput(policy)) return policy;
  let value: unknown = policy;
  if (typeof policy === "string") {
    try {
      value = JSON.parse(policy);
    } catch {
      throw invalidArgument(TYPES.queue, name, `"redrivePolicy" is not JSON: ${JSON.stringify(policy)}`);
    }
  }
  const { deadLetterTargetArn, maxReceiveCount } = (value ?? {}) as Partial<RedrivePolicy>;
  if (deadLetterTargetArn === undefined || (typeof deadLetterTargetArn !== "string" && !isOutput(deadLetterTargetArn))) {
    throw invalidArgument(
      TYPES.queue,
      name,
      `"redrivePolicy.deadLetterTargetArn" is required`,
      "redrivePolicy: { deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 5 }",
    );
  }
  checkInteger(TYPES.queue, name, "redrivePolicy.maxReceiveCount", Number(maxReceiveCount), 1, 1000);
  return { deadLetterTargetArn, maxReceiveCount: Number(maxReceiveCount) };
}
