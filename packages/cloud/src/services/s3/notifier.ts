// Sends a bucket's event records to their destinations. Called inside the
// transaction that commits the change, so the change and its queued
// invocations are durable together or not at all. Lambda destinations go to
// Lambda's durable async queue through LambdaTarget; SQS and SNS
// destinations are kept in the configuration for the services that will
// deliver them (issue 13) and are not delivered yet.
import { AwsError } from "../../errors.js";
import { lambdaTarget, type CloudContext, type LambdaTarget } from "../service.js";
import { deliveriesFor, formatSequencer, type ObjectChange } from "./notification-events.js";
import type { BucketRow, S3Store } from "./s3-store.js";

/** A change as the operations describe it; the notifier adds the bucket's facts and the sequencer. */
export type ChangeFacts = Omit<ObjectChange, "bucket" | "region" | "sequencer">;

export class Notifier {
  readonly #cloud: CloudContext;
  readonly #store: S3Store;

  constructor(cloud: CloudContext, store: S3Store) {
    this.#cloud = cloud;
    this.#store = store;
  }

  /**
   * Queues the records the change `facts` describes produces (asked only
   * when the bucket has notifications). Call inside the change's transaction.
   */
  emit(bucket: BucketRow, facts: () => ChangeFacts): void {
    const config = bucket.notification;
    if (config === undefined || config.rules.length === 0) return;
    const sequencer = formatSequencer(this.#store.nextSequence());
    const deliveries = deliveriesFor(config, { ...facts(), bucket: bucket.name, region: bucket.region, sequencer });
    for (const { rule, record } of deliveries) {
      if (rule.kind !== "lambda") continue;
      this.#enqueue(rule.arn, JSON.stringify({ Records: [record] }), `s3:${bucket.name}`);
    }
  }

  /** Lambda's resource-policy check, or undefined when the cloud runs without Lambda. */
  lambdaPolicy(): Pick<LambdaTarget, "allowsInvoke"> | undefined {
    const lambda = this.#cloud.services.get("lambda") as Partial<LambdaTarget> | undefined;
    return lambda?.allowsInvoke === undefined ? undefined : (lambda as Pick<LambdaTarget, "allowsInvoke">);
  }

  // A function deleted after the configuration was made: S3 drops the event
  // (AWS does the same), and the write that caused it still succeeds.
  #enqueue(functionArn: string, payload: string, source: string): void {
    let lambda: LambdaTarget;
    try {
      lambda = lambdaTarget(this.#cloud);
    } catch {
      return;
    }
    try {
      lambda.enqueueInvocation(functionArn, payload, source);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
    }
  }
}
