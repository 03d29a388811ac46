// Create/UpdateEventSourceMapping's input read as Lambda reads it: each
// field's type and range (ValidationException with Lambda's wording), the
// fields the local cloud does not support (refused by name rather than
// ignored), and the EventSourceMappingConfiguration Get/List/Create answer.
import { AwsError } from "../../../errors.js";
import { ACCOUNT_ID } from "../../service.js";
import { functionArn, validation } from "../function-config.js";
import type { EventSourceKind, MappingSettings } from "./event-source.js";
import type { MappingRow } from "./mapping-store.js";

export type MappingInput = Record<string, unknown>;

// Fields of Kafka, MQ, DocumentDB and other sources, and features not emulated.
const UNSUPPORTED = [
  "FilterCriteria",
  "Topics",
  "Queues",
  "SourceAccessConfigurations",
  "SelfManagedEventSource",
  "AmazonManagedKafkaEventSourceConfig",
  "SelfManagedKafkaEventSourceConfig",
  "DocumentDBEventSourceConfig",
  "KMSKeyArn",
  "MetricsConfig",
  "LoggingConfig",
  "ProvisionedPollerConfig",
];

const INTEGER_FIELDS: ReadonlyArray<readonly [keyof MappingSettings, string, number, number]> = [
  ["BatchSize", "batchSize", 1, 10000],
  ["MaximumBatchingWindowInSeconds", "maximumBatchingWindowInSeconds", 0, 300],
  ["ParallelizationFactor", "parallelizationFactor", 1, 10],
  ["MaximumRetryAttempts", "maximumRetryAttempts", -1, 10000],
  ["MaximumRecordAgeInSeconds", "maximumRecordAgeInSeconds", -1, 604800],
  ["TumblingWindowInSeconds", "tumblingWindowInSeconds", 0, 900],
];

/** The settings `input` gives (only those present), checked field by field. */
export function readSettings(input: MappingInput): Partial<MappingSettings> {
  const unsupported = UNSUPPORTED.find((field) => input[field] !== undefined && input[field] !== null);
  if (unsupported !== undefined)
    throw new AwsError("InvalidParameterValueException", `The local cloud does not support ${unsupported} on event source mappings.`);
  const out: Partial<MappingSettings> = {};
  for (const [field, name, min, max] of INTEGER_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number" || !Number.isInteger(value)) throw validation(`'${String(value)}'`, name, "Member must be an integer");
    if (value < min) throw validation(`'${value}'`, name, `Member must have value greater than or equal to ${min}`);
    if (value > max) throw validation(`'${value}'`, name, `Member must have value less than or equal to ${max}`);
    (out as Record<string, number>)[field] = value;
  }
  readChoices(input, out);
  return out;
}

function readChoices(input: MappingInput, out: Partial<MappingSettings>): void {
  const types = input.FunctionResponseTypes;
  if (types !== undefined && types !== null) {
    if (!Array.isArray(types) || types.some((type) => type !== "ReportBatchItemFailures")) {
      throw validation(
        `'${JSON.stringify(types)}'`,
        "functionResponseTypes",
        "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]",
      );
    }
    out.FunctionResponseTypes = [...new Set(types as string[])];
  }
  const position = input.StartingPosition;
  if (position !== undefined && position !== null) {
    if (!["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"].includes(String(position)))
      throw validation(`'${String(position)}'`, "startingPosition", "Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
    out.StartingPosition = String(position);
  }
  if (typeof input.StartingPositionTimestamp === "number") out.StartingPositionTimestamp = input.StartingPositionTimestamp;
  if (typeof input.BisectBatchOnFunctionError === "boolean") out.BisectBatchOnFunctionError = input.BisectBatchOnFunctionError;
  if (input.DestinationConfig !== undefined && input.DestinationConfig !== null)
    out.DestinationConfig = input.DestinationConfig as MappingSettings["DestinationConfig"] & object;
  const scaling = input.ScalingConfig;
  if (scaling !== undefined && scaling !== null) {
    const max = (scaling as { MaximumConcurrency?: unknown }).MaximumConcurrency;
    if (max !== undefined && (typeof max !== "number" || !Number.isInteger(max) || max < 2 || max > 1000)) {
      throw validation(`'${String(max)}'`, "scalingConfig.maximumConcurrency", "Member must have value between 2 and 1000");
    }
    out.ScalingConfig = max === undefined ? {} : { MaximumConcurrency: max };
  }
}

/** Enabled, when given: a boolean. */
export function readEnabled(input: MappingInput): boolean | undefined {
  const value = input.Enabled;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw validation(`'${String(value)}'`, "enabled", "Member must be a boolean");
  return value;
}

export function mappingArn(region: string, uuid: string): string {
  return `arn:aws:lambda:${region}:${ACCOUNT_ID}:event-source-mapping:${uuid}`;
}

/** EventSourceMappingConfiguration as Lambda answers it for `row` (of `kind`). */
export function mappingConfiguration(row: MappingRow, kind: EventSourceKind): Record<string, unknown> {
  const settings = row.settings as unknown as Record<string, unknown>;
  const optional: Record<string, unknown> = {};
  for (const [field, fallback] of Object.entries(kind.fields)) {
    const value = settings[field] ?? fallback;
    if (value !== undefined) optional[field] = value;
  }
  return {
    UUID: row.uuid,
    ...(optional.StartingPosition === undefined ? {} : { StartingPosition: optional.StartingPosition }),
    BatchSize: row.settings.BatchSize,
    ...optional,
    EventSourceArn: row.eventSourceArn,
    FunctionArn: functionArn(row.region, row.functionName),
    // Lambda's timestamps in this API are epoch seconds.
    LastModified: row.lastModified / 1000,
    ...(row.lastResult === null ? {} : { LastProcessingResult: row.lastResult }),
    State: row.state,
    StateTransitionReason: row.stateReason,
    FunctionResponseTypes: row.settings.FunctionResponseTypes,
    EventSourceMappingArn: mappingArn(row.region, row.uuid),
  };
}
