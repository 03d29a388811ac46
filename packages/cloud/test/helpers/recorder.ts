// A function that records every event it gets (fixtures/cloud/event-record.mjs)
// into a file of its own, for the event-source tests: its ARN, the events so
// far, and a wait for the nth one (polled; the deliveries are asynchronous).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AddPermissionCommand } from "@aws-sdk/client-lambda";
import type { Clients } from "./clients.js";
import { createFixtureFunction } from "./functions.js";

export interface Recorder {
  name: string;
  arn: string;
  /** The events received so far, parsed. */
  events(): unknown[];
  /** Resolves with the events once there are at least `count` (fails after about 20 s). */
  waitFor(count: number): Promise<unknown[]>;
  /** Lets `principal` invoke it for `sourceArn` (AddPermission). */
  allow(principal: string, sourceArn: string): Promise<void>;
  remove(): void;
}

export async function createRecorder(aws: Clients, name: string, options: { fails?: number } = {}): Promise<Recorder> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const out = join(dir, "events.jsonl");
  const variables: Record<string, string> = { OUT: out, ...(options.fails === undefined ? {} : { FAILS: String(options.fails) }) };
  const made = await createFixtureFunction(aws, name, "event-record", { Environment: { Variables: variables } });
  const events = (): unknown[] =>
    existsSync(out)
      ? readFileSync(out, "utf8")
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown)
      : [];
  let statements = 0;
  return {
    name,
    arn: made.FunctionArn!,
    events,
    async waitFor(count) {
      for (let attempt = 0; attempt < 400; attempt++) {
        const seen = events();
        if (seen.length >= count) return seen;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`${name} received ${events().length} event(s), expected ${count}`);
    },
    async allow(principal, sourceArn) {
      await aws.lambda.send(
        new AddPermissionCommand({
          FunctionName: name,
          StatementId: `allow-${++statements}`,
          Action: "lambda:InvokeFunction",
          Principal: principal,
          SourceArn: sourceArn,
        }),
      );
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Resolves once Lambda's asynchronous queue holds no event (every queued delivery has been made). */
export async function queueDrained(endpoint: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const queue = (await (await fetch(`${endpoint}/_closure-pack/lambda/queue`)).json()) as { pending: number; inFlight: number };
    if (queue.pending === 0 && queue.inFlight === 0) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error("Lambda's queue did not drain");
}
