// The contract between Lambda's event source mappings and each kind of
// source (SQS now; DynamoDB streams and Kinesis next). The framework
// (mapping-actions.ts, pollers.ts) owns the API, the stored mappings, the
// states (Creating -> Enabled, Enabling/Disabling/Updating -> settled,
// Deleting) and one run per enabled mapping, restarted whenever the mapping
// or its function changes. A kind owns everything about its source:
//
//   1. `matches(arn)`: which EventSourceArns it reads. One row per kind in
//      event-sources.ts; the first kind that matches wins.
//   2. `defaults` and `check(settings, ...)`: Create/Update's input has been
//      read generically (types and ranges of every field, mapping-config.ts);
//      the kind adds its defaults (BatchSize 10 for SQS, 100 for streams) and
//      refuses what Lambda refuses for that source (a field that does not
//      apply, batch limits, a source that does not exist), throwing AwsError
//      InvalidParameterValueException with Lambda's wording.
//   3. `fields`: which optional fields Get/List answer for this kind (SQS
//      answers no StartingPosition; streams answer MaximumRetryAttempts -1...).
//   4. `run(run)`: polls the source and invokes the function until
//      `run.signal` aborts, then returns (work in flight may finish after).
//      It never throws for a source problem: it reports it (run.report) and
//      waits (run.sleep) before trying again. It decides batching, ordering,
//      retries and what counts as done; the framework knows none of that.
//
// What a run is given (MappingRun) is all a kind needs: the mapping's
// settings as they were when the run started, invoke() (which waits while
// the function is at its concurrency and never throws: a platform failure
// is a failed outcome), concurrency() (how many batches may be in flight:
// the function's concurrency capped by ScalingConfig.MaximumConcurrency),
// durable checkpoints per mapping (a stream kind keeps its position per
// shard there; they survive kill -9 and are deleted with the mapping), the
// daemon's clock (sleep() wakes early when tests advance it) and the cloud
// (to reach its source through CloudContext, as SQS's QueueSource).
// batch-failures.ts parses ReportBatchItemFailures responses for any kind.
import type { Clock } from "../../../clock.js";
import type { CloudContext, InvocationOutcome } from "../../service.js";
import type { FunctionRow } from "../function-store.js";

/** The settings of a mapping, as the API names them (every kind's fields; absent when not set). */
export interface MappingSettings {
  BatchSize: number;
  MaximumBatchingWindowInSeconds?: number;
  FunctionResponseTypes: string[];
  ScalingConfig?: { MaximumConcurrency?: number };
  StartingPosition?: string;
  /** Epoch seconds. */
  StartingPositionTimestamp?: number;
  ParallelizationFactor?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  MaximumRecordAgeInSeconds?: number;
  TumblingWindowInSeconds?: number;
  DestinationConfig?: { OnFailure?: { Destination?: string } };
}

/** A mapping as a kind sees it. */
export interface MappingView {
  uuid: string;
  functionName: string;
  /** The function's ARN, and the region of the mapping. */
  functionArn: string;
  region: string;
  eventSourceArn: string;
  settings: MappingSettings;
}

export interface MappingRun {
  readonly mapping: MappingView;
  readonly context: CloudContext;
  readonly clock: Clock;
  /** Aborts when the mapping is disabled, updated (a new run starts), deleted, or the daemon stops. */
  readonly signal: AbortSignal;
  /** Invokes the function synchronously with one batch; waits while it is at its concurrency. */
  invoke(payload: string): Promise<InvocationOutcome>;
  /** Batches that may be in flight at once now (0 while the function is throttled or missing). */
  concurrency(): number;
  /** Sets LastProcessingResult ("OK", "PROBLEM: Function call failed"...). */
  report(result: string): void;
  /** Resolves after `ms` of the daemon's clock, or at once when the run stops. */
  sleep(ms: number): Promise<void>;
  /** Durable per-mapping positions (e.g. one key per shard). */
  readonly checkpoints: { get(key: string): string | undefined; set(key: string, value: string): void };
}

/** The optional fields Get/List answer for a kind, with the value shown when unset. */
export type AnsweredFields = Partial<Record<Exclude<keyof MappingSettings, "BatchSize" | "FunctionResponseTypes">, unknown>>;

export interface EventSourceKind {
  /** "sqs", "dynamodb", "kinesis": for messages. */
  readonly name: string;
  matches(eventSourceArn: string): boolean;
  /** Settings this kind fills in when Create does not give them. */
  readonly defaults: Partial<MappingSettings> & { BatchSize: number };
  /** Answered by Get/List for this kind (others are left out), each with its value when unset. */
  readonly fields: AnsweredFields;
  /** Refuses what Lambda refuses for this source; `creating` is false for Update. */
  check(settings: MappingSettings, eventSourceArn: string, fn: FunctionRow, context: CloudContext, creating: boolean): void;
  run(run: MappingRun): Promise<void>;
}
