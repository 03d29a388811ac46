// What a service of the local cloud is to the server: a name, a handler for
// the requests routed to it, and a lifecycle. Services reach each other only
// through CloudContext (S3 notifications go to Lambda's durable async queue),
// never by importing one another's internals.
import type Database from "better-sqlite3";
import type { AwsRequest, AwsResponse, ServiceName } from "../server/aws-request.js";
import type { Clock } from "../clock.js";
import type { Protocol } from "../protocols/error-response.js";

/** The account id of every ARN the local cloud makes. */
export const ACCOUNT_ID = "000000000000";

export interface Service {
  readonly name: ServiceName;
  /** How its AwsErrors are rendered on the wire. */
  readonly protocol: Protocol;
  /** Answers one request. Throw AwsError for AWS's error responses; anything else is answered as a 500 InternalError and logged. */
  handle(request: AwsRequest): Promise<AwsResponse>;
  /**
   * Answers closure-pack's own control calls under `/_closure-pack/<service>/…`
   * (not AWS APIs: failed-event records, test hooks); `path` is the part after
   * the service name. Answer JSON; undefined means 404.
   */
  handleControl?(request: AwsRequest, path: string): Promise<AwsResponse | undefined>;
  /** Starts background work (delivery loops, timers) once every service exists. */
  start?(): void;
  /**
   * Resolves once what start() began serves (API Gateway's servers reopened
   * on their ports); the cloud counts as started, and the daemon says it is
   * ready, only after every service's ready().
   */
  ready?(): Promise<void>;
  /** Stops background work and releases resources; in-flight work may be abandoned (it is durable). */
  close?(): Promise<void>;
}

/** Everything a service is given when the cloud starts. */
export interface CloudContext {
  /** The daemon's data folder (absolute). */
  readonly dataDir: string;
  /** One database for all services: metadata, queues, logs. */
  readonly db: Database.Database;
  readonly clock: Clock;
  /** http://127.0.0.1:<port>, what functions get as AWS_ENDPOINT_URL. */
  readonly endpoint: string;
  /** Services by name, for the few cross-service calls (S3 -> Lambda async invoke). Filled before start(). */
  readonly services: ReadonlyMap<ServiceName, Service>;
  /** Settings tests and users may change; see CloudOptions. */
  readonly settings: CloudSettings;
}

/**
 * What an acknowledged write survives. "process" (default): a crash of the
 * daemon, kill -9 included; the write is in the operating system's cache
 * before the answer, so only a power cut or a kernel crash can lose the last
 * writes (never corrupt the store). "machine": a power cut too; every
 * acknowledged write is flushed to the disk first (fsync), about 4 ms more
 * per write on this project's CI disks.
 */
export type Durability = "process" | "machine";

export interface CloudSettings {
  readonly durability: Durability;
  /** Delays before the retries of a failed asynchronous invocation (Lambda: 2 retries, about 1 and 2 minutes). */
  readonly asyncRetryDelaysMs: readonly number[];
}

/**
 * Lambda as the other services use it: asynchronous invocation (S3
 * notifications now; SNS, EventBridge and log subscriptions later) and the
 * resource-policy check a service makes before it agrees to send events
 * (S3 refuses a notification configuration whose function does not allow it).
 */
export interface LambdaTarget {
  /**
   * Queues one invocation of the function `functionArn` with `payload` (JSON
   * text), delivered at least once with Lambda's retry policy; `source` names
   * the producer for the failed-events record (`s3:docs-4f64efc`). Call it
   * inside the caller's own database transaction: the event is then queued
   * durably together with the write that caused it, or not at all. Throws
   * AwsError ResourceNotFoundException when the function does not exist.
   */
  enqueueInvocation(functionArn: string, payload: string, source: string): void;
  /**
   * True when the function exists and its resource policy lets `principal`
   * (`s3.amazonaws.com`) invoke it for `sourceArn` (and `sourceAccount`,
   * when the statement has that condition), as AWS evaluates AddPermission's
   * statements.
   */
  allowsInvoke(functionArn: string, principal: string, sourceArn: string, sourceAccount: string): boolean;
}

/** The Lambda service as a LambdaTarget; throws when the cloud was built without it. */
export function lambdaTarget(context: CloudContext): LambdaTarget {
  const lambda = context.services.get("lambda") as (Service & Partial<LambdaTarget>) | undefined;
  if (lambda?.enqueueInvocation === undefined || lambda.allowsInvoke === undefined)
    throw new Error("the local cloud has no Lambda service to deliver events to");
  return lambda as Service & LambdaTarget;
}

/** What a synchronous invocation by another service gives back: the function's response, or its error. */
export type InvocationOutcome = { ok: true; payload: string } | { ok: false; errorType: string; errorMessage: string };

/**
 * Lambda as a poller uses it (event source mappings: SQS, DynamoDB and
 * Kinesis batches are invoked synchronously and their answer decides what
 * is deleted or retried).
 */
export interface FunctionInvoker {
  /**
   * Runs the function with `payload` (JSON text) and resolves with its
   * response (JSON text) or its error. Waits while the function is at its
   * concurrency. Throws AwsError ResourceNotFoundException when it does not exist.
   */
  invokeFunction(functionArn: string, payload: string): Promise<InvocationOutcome>;
}

/** The Lambda service as a FunctionInvoker; throws when the cloud was built without it. */
export function functionInvoker(context: CloudContext): FunctionInvoker {
  const lambda = context.services.get("lambda") as (Service & Partial<FunctionInvoker>) | undefined;
  if (lambda?.invokeFunction === undefined) throw new Error("the local cloud has no Lambda service to invoke functions with");
  return lambda as Service & FunctionInvoker;
}

/**
 * IAM as Lambda uses it: CreateFunction refuses a role that does not exist
 * or does not trust the service principal (`lambda.amazonaws.com`), as AWS
 * does.
 */
export interface RoleDirectory {
  /** True when `roleArn` names an existing role whose trust policy lets `servicePrincipal` assume it. */
  isAssumableBy(roleArn: string, servicePrincipal: string): boolean;
}

/** The IAM service as a RoleDirectory; throws when the cloud was built without it. */
export function roleDirectory(context: CloudContext): RoleDirectory {
  const iam = context.services.get("iam") as (Service & Partial<RoleDirectory>) | undefined;
  if (iam?.isAssumableBy === undefined) throw new Error("the local cloud has no IAM service to check roles with");
  return iam as Service & RoleDirectory;
}

/**
 * S3 as Lambda uses it: the bytes of an object, for CreateFunction and
 * UpdateFunctionCode given S3Bucket/S3Key instead of a ZipFile.
 */
export interface ObjectReader {
  /** The object's bytes, or undefined when the bucket or the key (or that version) does not exist. */
  readObject(bucket: string, key: string, versionId: string | undefined): Promise<Buffer | undefined>;
}

/** The S3 service as an ObjectReader, or undefined when it does not offer one. */
export function objectReader(context: CloudContext): ObjectReader | undefined {
  const s3 = context.services.get("s3") as (Service & Partial<ObjectReader>) | undefined;
  return s3?.readObject === undefined ? undefined : (s3 as Service & ObjectReader);
}

/** One line of a log stream: when it was written (ms since the epoch) and its text. */
export interface LogLine {
  timestamp: number;
  message: string;
}

/** CloudWatch Logs as Lambda uses it: every function's lines go to its log group as they come. */
export interface LogsTarget {
  /**
   * Appends lines to `group`/`stream`, creating both when missing (as
   * Lambda's first write does). Every read answered after this call sees
   * them; they reach the disk within about 10 ms.
   */
  appendLogEvents(group: string, stream: string, lines: readonly LogLine[]): void;
}

/** The Logs service as a LogsTarget, or undefined when the cloud was built without it. */
export function logsTarget(context: CloudContext): LogsTarget | undefined {
  const logs = context.services.get("logs") as (Service & Partial<LogsTarget>) | undefined;
  return logs?.appendLogEvents === undefined ? undefined : (logs as Service & LogsTarget);
}

/** One SQS message as a poller receives it: every system attribute, every message attribute. */
export interface PolledMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  /** System attributes (SentTimestamp, ApproximateReceiveCount, MessageGroupId…), values as text. */
  attributes: Record<string, string>;
  /** Message attributes as SQS answers them (BinaryValue as base64). */
  messageAttributes: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  /** Present when the message has message attributes. */
  md5OfMessageAttributes?: string;
}

/** SQS as Lambda's event source mappings use it (the poller runs in the daemon, not over HTTP). */
export interface QueueSource {
  /** The queue `queueArn` names (its visibility timeout in seconds, FIFO or not), or undefined when there is none. */
  describeQueue(queueArn: string): { visibilityTimeoutSeconds: number; fifo: boolean } | undefined;
  /**
   * Receives up to `max` (1 to 10) messages, waiting up to `waitMs` for a
   * first one; [] when the wait ended empty or `signal` aborted. Throws
   * AwsError QueueDoesNotExist when the queue is gone.
   */
  receiveMessages(queueArn: string, max: number, waitMs: number, signal: AbortSignal): Promise<PolledMessage[]>;
  /** Deletes the received messages (a handle from an older receive deletes nothing, as on SQS). */
  deleteMessages(queueArn: string, receiptHandles: readonly string[]): void;
}

/** The SQS service as a QueueSource, or undefined when the cloud was built without it. */
export function queueSource(context: CloudContext): QueueSource | undefined {
  const sqs = context.services.get("sqs") as (Service & Partial<QueueSource>) | undefined;
  return sqs?.receiveMessages === undefined ? undefined : (sqs as Service & QueueSource);
}

/** One record of a stream as Lambda's pollers read it. */
export interface StreamRecord {
  /** Orders the records of a shard; compare with compareSequenceNumbers. */
  sequenceNumber: string;
  /** When the stream accepted it (ms since the epoch, daemon clock). */
  arrivalMs: number;
  /** The record as Lambda's event carries it, without eventSourceARN (added by the poller). */
  record: Record<string, unknown>;
}

/** A shard's starting point for a new reader. */
export type StreamStart = { position: "TRIM_HORIZON" | "LATEST" } | { position: "AT_TIMESTAMP"; timestampMs: number };

/**
 * DynamoDB Streams and Kinesis as Lambda's event source mappings read them
 * (in the daemon, without HTTP). A position in a shard is the sequence
 * number of the last record read, or "" before its first record.
 */
export interface StreamSource {
  /** The stream's shards in order (parents before children), or undefined when there is no such stream. */
  listShards(streamArn: string): Array<{ shardId: string; closed: boolean }> | undefined;
  /** The position a reader starting at `start` begins after. */
  startPosition(streamArn: string, shardId: string, start: StreamStart): string;
  /** Up to `max` records of the shard after `after`, oldest first, skipping those trimmed by retention. */
  readRecords(streamArn: string, shardId: string, after: string, max: number): StreamRecord[];
  /** Resolves when the stream may have new records, after `ms` of the daemon clock, or when `signal` aborts. */
  waitForRecords(streamArn: string, ms: number, signal: AbortSignal): Promise<void>;
}

/** The service (dynamodb, kinesis) as a StreamSource, or undefined when it does not offer one. */
export function streamSource(context: CloudContext, service: ServiceName): StreamSource | undefined {
  const found = context.services.get(service) as (Service & Partial<StreamSource>) | undefined;
  return found?.readRecords === undefined ? undefined : (found as Service & StreamSource);
}

/** Orders two sequence numbers (decimal strings of any length). */
export function compareSequenceNumbers(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  return a.length !== b.length ? Math.sign(a.length - b.length) : a < b ? -1 : 1;
}

/** One message another service delivers into a queue (SNS's sqs subscriptions). */
export interface DeliveredMessage {
  body: string;
  /** Message attributes as SQS takes them (BinaryValue as base64). */
  attributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  /** Required by FIFO queues, ignored by standard ones. */
  groupId?: string;
  deduplicationId?: string;
}

/** SQS as SNS delivers to it: the queue's access policy decides, as on AWS, and the message is stored in the caller's transaction. */
export interface QueueTarget {
  /**
   * True when the queue exists and its access policy (the Policy attribute)
   * allows `principal` (`sns.amazonaws.com`) sqs:SendMessage for `sourceArn`;
   * a queue without a policy allows no service, as on AWS.
   */
  allowsSend(queueArn: string, principal: string, sourceArn: string): boolean;
  /**
   * Stores the message in the queue. Call it inside the caller's own
   * database transaction: the message is then stored durably together with
   * the write that caused it, or not at all; long polls wake once that
   * transaction has ended. Throws AwsError QueueDoesNotExist when the queue is gone.
   */
  enqueueMessage(queueArn: string, message: DeliveredMessage): void;
}

/** The SQS service as a QueueTarget, or undefined when the cloud was built without it. */
export function queueTarget(context: CloudContext): QueueTarget | undefined {
  const sqs = context.services.get("sqs") as (Service & Partial<QueueTarget>) | undefined;
  return sqs?.enqueueMessage === undefined ? undefined : (sqs as Service & QueueTarget);
}
