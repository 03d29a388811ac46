// The kinds of event source a mapping may read, one row each (the contract
// is in event-source.ts).
import { DYNAMODB_SOURCE } from "./dynamodb-source.js";
import type { EventSourceKind } from "./event-source.js";
import { KINESIS_SOURCE } from "./kinesis-source.js";
import { SQS_SOURCE } from "./sqs-source.js";

export const EVENT_SOURCES: readonly EventSourceKind[] = [SQS_SOURCE, DYNAMODB_SOURCE, KINESIS_SOURCE];

export function kindOf(eventSourceArn: string): EventSourceKind | undefined {
  return EVENT_SOURCES.find((kind) => kind.matches(eventSourceArn));
}
