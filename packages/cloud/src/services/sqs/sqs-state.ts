// What SQS's actions share: the stores, the long-polling waiters, the clock,
// and the two ways of writing. Sends are durable before they are answered
// (synchronous=FULL) and group-committed: the sends of one turn of the event
// loop share one transaction and one flush to disk. Receives, deletes and
// visibility changes commit without waiting for the disk: a power cut (never
// a crash) may undo one, and the message is then delivered again.
import type { AwsRequest } from "../../server/aws-request.js";
import { transactionWithoutFlush } from "../../store/database.js";
import type { CloudContext } from "../service.js";
import type { MessageStore } from "./message-store.js";
import { nameFromUrl, type QueueRow, type QueueStore } from "./queue-store.js";
import { queueDoesNotExist, requiredString, type SqsInput } from "./sqs-protocol.js";
import type { Waiters } from "./waiters.js";

export interface SqsState {
  readonly context: CloudContext;
  readonly queues: QueueStore;
  readonly messages: MessageStore;
  readonly waiters: Waiters;
  /** Runs `work` in the next group commit; resolves with its result once it is on disk. */
  durably<T>(work: () => T): Promise<T>;
  /** Runs `work` in a transaction that a power cut may undo. */
  quickly<T>(work: () => T): T;
  /** When each queue was last purged (PurgeQueue allows one a minute). */
  readonly purgedAt: Map<number, number>;
}

/** One SQS action: the request's JSON input to its JSON output. */
export type SqsAction = (state: SqsState, input: SqsInput, request: AwsRequest) => Promise<object | undefined>;

/** The queue the input's QueueUrl names, in the request's region; QueueDoesNotExist otherwise. */
export function requireQueue(state: SqsState, input: SqsInput, region: string): QueueRow {
  const queue = state.queues.find(region, nameFromUrl(requiredString(input, "QueueUrl")));
  if (queue === undefined) throw queueDoesNotExist();
  return queue;
}

/** A delete may end a FIFO message group's wait: receivers of the queue look again. */
export function unblocked(state: SqsState, queueId: number): void {
  if (state.queues.byId(queueId)?.attributes.FifoQueue === "true") state.waiters.notify(queueId);
}

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** `durably` and `quickly` over the daemon's database. */
export function writers(context: CloudContext): Pick<SqsState, "durably" | "quickly"> {
  const db = context.db;
  let queue: Pending[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    const outcomes: Array<{ ok: boolean; value: unknown }> = [];
    try {
      db.transaction(() => {
        for (const pending of batch) {
          // A nested transaction is a savepoint: a throw undoes that write alone.
          try {
            outcomes.push({ ok: true, value: db.transaction(pending.work)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      })();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => (outcomes[index]!.ok ? pending.resolve(outcomes[index]!.value) : pending.reject(outcomes[index]!.value)));
  };
  return {
    durably: <T>(work: () => T) =>
      new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        // setImmediate: every request whose body arrived in this turn joins the batch.
        if (queue.length === 1) setImmediate(flush);
      }),
    quickly: (work) => transactionWithoutFlush(db, work),
  };
}
