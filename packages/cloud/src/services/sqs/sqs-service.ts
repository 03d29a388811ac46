// The SQS service (JSON 1.0, X-Amz-Target AmazonSQS.<Action>): wires the
// stores, the waiters and the group commit to the actions, answers errors in
// SQS's query-compatible JSON, and offers Lambda's pollers the QueueSource
// they receive through (in the daemon, without HTTP) and SNS the QueueTarget
// it delivers to (the queue policy decides, queue-policy.ts).
import { AwsError } from "../../errors.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import type { CloudContext, PolledMessage, QueueSource, QueueTarget, Service } from "../service.js";
import { receiveWaiting } from "./long-poll.js";
import { MessageStore } from "./message-store.js";
import { QUEUE_ACTIONS } from "./queue-actions.js";
import { parseQueueArn, QueueStore } from "./queue-store.js";
import { decodeReceipt, type Received } from "./receive.js";
import { messageOutput, RECEIVE_ACTIONS } from "./receive-actions.js";
import { policyAllowsSend } from "./queue-policy.js";
import { SEND_ACTIONS, storeDelivered } from "./send-actions.js";
import { parseInput, queueDoesNotExist, sqsErrorReply, sqsReply, SqsError } from "./sqs-protocol.js";
import { unblocked, writers, type SqsAction, type SqsState } from "./sqs-state.js";
import { Waiters } from "./waiters.js";

const ACTIONS: Readonly<Record<string, SqsAction>> = { ...QUEUE_ACTIONS, ...SEND_ACTIONS, ...RECEIVE_ACTIONS };
// SQS operations the local cloud does not implement: answered UnsupportedOperation, by name.
const NOT_IMPLEMENTED = ["AddPermission", "RemovePermission", "StartMessageMoveTask", "CancelMessageMoveTask", "ListMessageMoveTasks"];
const TARGET_PREFIX = "AmazonSQS.";
// Expired deduplication ids are forgotten every minute.
const DEDUP_SWEEP_MS = 60_000;

export function createSqsService(context: CloudContext): Service & QueueSource & QueueTarget {
  const waiters = new Waiters(context.clock);
  const state: SqsState = {
    context,
    queues: new QueueStore(context.db),
    messages: new MessageStore(context.db),
    waiters,
    purgedAt: new Map(),
    ...writers(context),
  };
  let sweep: NodeJS.Timeout | undefined;
  const queueOf = (arn: string) => {
    const parsed = parseQueueArn(arn);
    const queue = parsed === undefined ? undefined : state.queues.find(parsed.region, parsed.name);
    if (queue === undefined) throw queueDoesNotExist();
    return queue;
  };
  return {
    name: "sqs",
    protocol: "json",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      try {
        const action = actionOf(request);
        return sqsReply(await action(state, parseInput(await request.body(2 * 1024 * 1024)), request));
      } catch (error) {
        if (error instanceof AwsError) return sqsErrorReply(error);
        throw error;
      }
    },
    start() {
      sweep = setInterval(() => state.messages.forgetExpiredDedup(context.clock.now()), DEDUP_SWEEP_MS).unref();
    },
    async close() {
      clearInterval(sweep);
      waiters.close();
    },
    describeQueue(arn) {
      const parsed = parseQueueArn(arn);
      const queue = parsed === undefined ? undefined : state.queues.find(parsed.region, parsed.name);
      if (queue === undefined) return undefined;
      return { visibilityTimeoutSeconds: Number(queue.attributes.VisibilityTimeout), fifo: queue.attributes.FifoQueue === "true" };
    },
    async receiveMessages(arn, max, waitMs, signal) {
      const received = await receiveWaiting(state, { queueId: queueOf(arn).id, max, visibilityMs: undefined, waitMs, signal });
      return received.map(polled);
    },
    allowsSend(arn, principal, sourceArn) {
      const parsed = parseQueueArn(arn);
      const queue = parsed === undefined ? undefined : state.queues.find(parsed.region, parsed.name);
      return queue !== undefined && policyAllowsSend(queue.attributes.Policy, { principal, queueArn: arn, sourceArn });
    },
    enqueueMessage(arn, message) {
      const queue = queueOf(arn);
      storeDelivered(state, queue, message, context.clock.now());
      // The waiters resume on a later turn, after the caller's transaction has committed.
      waiters.notify(queue.id);
    },
    deleteMessages(arn, handles) {
      const queue = queueOf(arn);
      state.quickly(() => {
        for (const handle of handles) {
          const { seq, token } = decodeReceipt(queue.id, handle);
          state.messages.deleteByReceipt(queue.id, seq, token);
        }
      });
      unblocked(state, queue.id);
    },
  };
}

function actionOf(request: AwsRequest): SqsAction {
  const target = request.headers["x-amz-target"];
  const name = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
  if (Object.hasOwn(ACTIONS, name)) return ACTIONS[name]!;
  if (NOT_IMPLEMENTED.includes(name))
    throw new SqsError("UnsupportedOperation", `The local cloud does not implement ${name}.`, "AWS.SimpleQueueService.UnsupportedOperation");
  // No target: the query protocol (Action=… in a form body), which SQS's current clients no longer use.
  if (name === "" && typeof target !== "string")
    throw new SqsError(
      "InvalidAction",
      "The local cloud speaks SQS's JSON protocol (X-Amz-Target: AmazonSQS.<Action>); update the client to a version that uses it.",
    );
  throw new SqsError("UnknownOperationException", `Unknown operation ${String(target)}`);
}

function polled(each: Received): PolledMessage {
  const output = messageOutput(each, ["All"], ["All"]) as {
    MessageId: string;
    ReceiptHandle: string;
    Body: string;
    MD5OfBody: string;
    Attributes?: Record<string, string>;
    MessageAttributes?: PolledMessage["messageAttributes"];
    MD5OfMessageAttributes?: string;
  };
  return {
    messageId: output.MessageId,
    receiptHandle: output.ReceiptHandle,
    body: output.Body,
    md5OfBody: output.MD5OfBody,
    attributes: output.Attributes ?? {},
    messageAttributes: output.MessageAttributes ?? {},
    ...(output.MD5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes: output.MD5OfMessageAttributes }),
  };
}
