// queue.onEvent: a handler subscribed to a queue through an event source
// mapping. AWS's refusals are made when the program is declared (a batch
// over 10 without a batching window, FIFO limits, a function whose timeout
// exceeds the queue's visibility timeout); a closure's function gets the
// queue's visibility timeout as its timeout (at most 180 s), and a role made
// for the function gets exactly what Lambda's polling needs (as AWS's
// AWSLambdaSQSQueueExecutionRole): sqs:ReceiveMessage, DeleteMessage and
// GetQueueAttributes on this queue only.
import { invalidArgument } from "../core/check.js";
import type { Output } from "../core/output.js";
import { descriptorOf } from "../core/registry.js";
import { TYPES } from "../core/types.js";
import { RolePolicy } from "../iam/role-policy.js";
import type { Role } from "../iam/role.js";
import { CallbackFunction, type Callback } from "../lambda/callback-function.js";
import { EventSourceMapping } from "../lambda/event-source-mapping.js";
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";
import type { QueueEvent, QueueEventSubscriptionArgs } from "./events.js";
import type { Queue } from "./queue.js";

/** What a subscription made: the function, the mapping, and the role policy when the role was made here. */
export interface QueueEventSubscription {
  func: FunctionLike;
  eventSourceMapping: EventSourceMapping;
  policy: RolePolicy | undefined;
}

/** The actions an SQS event source mapping needs on its queue. */
export const QUEUE_CONSUMER_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];
const DEFAULT_TIMEOUT = 180;

export function subscribeQueue(queue: Queue, name: string, handler: Handler<QueueEvent>, args: QueueEventSubscriptionArgs): QueueEventSubscription {
  const queueName = descriptorOf(queue)!.name;
  const refuse: Refuse = (problem, hint) => invalidArgument(TYPES.queue, queueName, `onEvent "${name}": ${problem}`, hint);
  checkBatching(queue, args, refuse);
  const visibility = queue.visibilityTimeoutSeconds;
  let func: FunctionLike;
  if (typeof handler === "function") {
    if (visibility === 0)
      throw refuse(
        "the queue's visibilityTimeoutSeconds is 0, so no function timeout fits in it",
        "give the queue a visibilityTimeoutSeconds of at least the function's timeout",
      );
    func = new CallbackFunction<QueueEvent>(name, {
      callback: handler as Callback<QueueEvent>,
      timeout: Math.min(DEFAULT_TIMEOUT, visibility ?? DEFAULT_TIMEOUT),
    });
  } else func = toFunction(name, handler);
  const timeout = descriptorOf(func)?.inputs.timeout;
  if (visibility !== undefined && typeof timeout === "number" && timeout > visibility) {
    throw refuse(
      `the function's timeout (${timeout} s) is above the queue's visibility timeout (${visibility} s): AWS refuses such a mapping`,
      `set the queue's visibilityTimeoutSeconds to at least ${timeout} (AWS advises 6 times the function's timeout), or lower the function's timeout`,
    );
  }
  const role = (func as { role?: Role }).role;
  const policy = role === undefined ? undefined : new RolePolicy(`${name}-sqs`, { role, policy: consumerPolicy(queue.arn) });
  const eventSourceMapping = new EventSourceMapping(
    name,
    {
      eventSourceArn: queue.arn,
      functionName: func as { name: Output<string> },
      batchSize: args.batchSize ?? 10,
      ...(args.maximumBatchingWindowInSeconds === undefined ? {} : { maximumBatchingWindowInSeconds: args.maximumBatchingWindowInSeconds }),
      ...(args.functionResponseTypes === undefined ? {} : { functionResponseTypes: args.functionResponseTypes }),
      ...(args.maximumConcurrency === undefined ? {} : { scalingConfig: { maximumConcurrency: args.maximumConcurrency } }),
      ...(args.enabled === undefined ? {} : { enabled: args.enabled }),
    },
    // Lambda checks the role's permissions when the mapping is created.
    policy === undefined ? {} : { dependsOn: policy },
  );
  return { func, eventSourceMapping, policy };
}

type Refuse = (problem: string, hint?: string) => Error;

function checkRange(refuse: Refuse, key: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw refuse(`"${key}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
}

function checkBatching(queue: Queue, args: QueueEventSubscriptionArgs, refuse: Refuse): void {
  checkRange(refuse, "batchSize", args.batchSize, 1, 10000);
  checkRange(refuse, "maximumBatchingWindowInSeconds", args.maximumBatchingWindowInSeconds, 0, 300);
  checkRange(refuse, "maximumConcurrency", args.maximumConcurrency, 2, 1000);
  if (args.enabled !== undefined && typeof args.enabled !== "boolean") throw refuse(`"enabled" must be true or false`);
  const batch = args.batchSize ?? 10;
  const window = args.maximumBatchingWindowInSeconds ?? 0;
  if (queue.fifoQueue && batch > 10) throw refuse(`batchSize ${batch} is above 10, the most AWS allows for a FIFO queue`, "use a batchSize of 1 to 10");
  if (queue.fifoQueue && window > 0) throw refuse("AWS allows no batching window on a FIFO queue", "leave maximumBatchingWindowInSeconds out");
  if (batch > 10 && window === 0) {
    throw refuse(
      `batchSize ${batch} needs a batching window: AWS refuses a batch of more than 10 messages without one`,
      "set maximumBatchingWindowInSeconds (1 to 300), or a batchSize of at most 10",
    );
  }
  const types = args.functionResponseTypes;
  if (types !== undefined && (!Array.isArray(types) || types.some((type) => type !== "ReportBatchItemFailures"))) {
    throw refuse(`"functionResponseTypes" may only hold "ReportBatchItemFailures"`, 'functionResponseTypes: ["ReportBatchItemFailures"]');
  }
}

function consumerPolicy(queueArn: Output<string>): Output<string> {
  return queueArn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: QUEUE_CONSUMER_ACTIONS, Resource: arn }] }));
}
