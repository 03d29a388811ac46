// A receive that waits: tries at once, and while nothing was received and
// the wait time is not over, sleeps until a send wakes the queue, the next
// in-flight message becomes visible again, the wait ends or the caller gives
// up. ReceiveMessage and Lambda's pollers both receive through here.
import { receiveNow, type Received } from "./receive.js";
import { queueDoesNotExist } from "./sqs-protocol.js";
import type { SqsState } from "./sqs-state.js";

export interface ReceiveRequest {
  queueId: number;
  max: number;
  /** Visibility timeout of what is received, in ms; undefined: the queue's. */
  visibilityMs: number | undefined;
  /** How long to wait for a first message, in ms (0: answer at once). */
  waitMs: number;
  /** Ends the wait early (the client went away, the poller stopped). */
  signal?: AbortSignal;
}

export async function receiveWaiting(state: SqsState, request: ReceiveRequest): Promise<Received[]> {
  const deadline = state.context.clock.now() + request.waitMs;
  for (;;) {
    const queue = state.queues.byId(request.queueId);
    if (queue === undefined) throw queueDoesNotExist();
    const now = state.context.clock.now();
    const visibilityMs = request.visibilityMs ?? Number(queue.attributes.VisibilityTimeout) * 1000;
    const { received, deadLettered } = state.quickly(() => receiveNow(state.queues, state.messages, queue, request.max, visibilityMs, now));
    for (const id of deadLettered) state.waiters.notify(id);
    if (received.length > 0 || now >= deadline || request.signal?.aborted === true || state.waiters.closed) return received;
    const next = state.messages.nextVisibleAt(queue.id, now);
    await state.waiters.wait(queue.id, Math.min(deadline, next ?? deadline), request.signal);
  }
}
