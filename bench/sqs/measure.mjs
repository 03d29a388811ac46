// The SQS benchmark's measurements: when the handler started on each message
// (read from its file as it grows), sequential send → handler latencies,
// a backlog drained by an event source mapping (send → handler → delete:
// until the queue is empty), and the same backlog drained by one SDK client
// loop (receive 10, handle in-process, DeleteMessageBatch), the anchor's way.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { createQueue, fill, remaining, subscribe } from "./setup.mjs";

export const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Reads the handler's file as it grows: body -> the time the handler started on it. */
export class Arrivals {
  #offset = 0;
  #partial = "";
  seen = new Map();

  constructor(file) {
    this.file = file;
  }

  poll() {
    let size;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size <= this.#offset) return;
    const fd = openSync(this.file, "r");
    const buffer = Buffer.alloc(size - this.#offset);
    readSync(fd, buffer, 0, buffer.length, this.#offset);
    closeSync(fd);
    this.#offset = size;
    const lines = (this.#partial + buffer.toString("utf8")).split("\n");
    this.#partial = lines.pop() ?? "";
    for (const line of lines) {
      const space = line.lastIndexOf(" ");
      if (!this.seen.has(line.slice(0, space))) this.seen.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }

  /** The handler's time for `key`, once it is in the file (polled every `everyMs`; 1 ms keeps latencies honest without spinning). */
  async waitFor(key, everyMs = 1) {
    for (;;) {
      this.poll();
      const at = this.seen.get(key);
      if (at !== undefined) return at;
      await sleep(everyMs);
    }
  }
}

/** Sequential sends, each waited for at its handler: latencies in ms. */
export async function latencies(arrivals, count, prefix, send) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}-${i}`;
    const sent = now();
    await send(key);
    times.push((await arrivals.waitFor(key)) - sent);
  }
  return times;
}

/** A long-polling consumer in this process: stamps each body as it arrives (an Arrivals-like waitFor), deletes it. */
export function startConsumer(sqs, url) {
  const seen = new Map();
  const waiting = new Map();
  const abort = new AbortController();
  const loop = (async () => {
    while (!abort.signal.aborted) {
      const { Messages = [] } = await sqs
        .send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }), { abortSignal: abort.signal })
        .catch(() => ({ Messages: [] }));
      const at = now();
      for (const message of Messages) {
        seen.set(message.Body, at);
        waiting.get(message.Body)?.(at);
      }
      if (Messages.length > 0)
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));
    }
  })();
  return {
    waitFor: (key) => (seen.has(key) ? Promise.resolve(seen.get(key)) : new Promise((resolve) => waiting.set(key, resolve))),
    stop: async () => (abort.abort(), await loop),
  };
}

/** `count` messages queued, then a mapping made: messages/s from the mapping's creation until every one was handled and the queue is empty. */
export async function drainByMapping(clients, arrivals, prefix, count) {
  const queue = await createQueue(clients, `bench-${prefix}`);
  const filled = now();
  await fill(clients.sqs, queue.url, prefix, count);
  const sentPerSecond = (count / (now() - filled)) * 1000;
  const started = now();
  await subscribe(clients, queue);
  for (let i = 0; i < count; i++) await arrivals.waitFor(`${prefix}-${i}`, 10);
  while ((await remaining(clients.sqs, queue.url)) > 0) await sleep(10);
  return { perSecond: (count / (now() - started)) * 1000, sentPerSecond };
}

/** `count` messages queued, then one client loop (receive 10, handle, DeleteMessageBatch) until all are handled: messages/s. */
export async function drainByClient(clients, prefix, count) {
  const queue = await createQueue(clients, `bench-${prefix}`);
  await fill(clients.sqs, queue.url, prefix, count);
  const handled = new Set();
  const started = now();
  while (handled.size < count) {
    const { Messages = [] } = await clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const message of Messages) handled.add(message.Body);
    if (Messages.length > 0)
      await clients.sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: queue.url, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }),
      );
  }
  return { perSecond: (count / (now() - started)) * 1000 };
}
