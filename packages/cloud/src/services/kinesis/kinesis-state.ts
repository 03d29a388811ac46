// What Kinesis's actions share: the store, the clock, durable writes, the
// stream a request names (by StreamName or StreamARN), and the wake-up of
// pollers waiting on a stream.
import { AwsError } from "../../errors.js";
import type { AwsRequest } from "../../server/aws-request.js";
import { ACCOUNT_ID, type CloudContext } from "../service.js";
import { validation, type KinesisInput } from "./kinesis-protocol.js";
import type { KinesisStore, StreamRow } from "./kinesis-store.js";

export interface KinesisState {
  readonly context: CloudContext;
  readonly store: KinesisStore;
  /** Runs `work` in a transaction; its commit is what the durability setting promises before the answer. */
  durably<T>(work: () => T): Promise<T>;
  /** Wakes the pollers of a stream after records were appended. */
  written(streamId: number): void;
}

export type KinesisAction = (state: KinesisState, input: KinesisInput, request: AwsRequest) => Promise<object> | object;

const STREAM_ARN = /^arn:aws[a-z-]*:kinesis:([a-z0-9-]+):\d{12}:stream\/([a-zA-Z0-9_.-]+)$/;

export function streamArn(stream: Pick<StreamRow, "region" | "name">): string {
  return `arn:aws:kinesis:${stream.region}:${ACCOUNT_ID}:stream/${stream.name}`;
}

export const notFound = (name: string): AwsError => new AwsError("ResourceNotFoundException", `Stream ${name} under account ${ACCOUNT_ID} not found.`);

/** The stream an ARN names, or undefined. */
export function streamByArn(state: KinesisState, arn: string): StreamRow | undefined {
  const match = STREAM_ARN.exec(arn);
  return match === null ? undefined : state.store.find(match[1]!, match[2]!);
}

/** The stream the input names (StreamName in the request's region, or StreamARN); ResourceNotFoundException otherwise. */
export function requireStream(state: KinesisState, input: KinesisInput, region: string): StreamRow {
  if (typeof input.StreamARN === "string") {
    const stream = streamByArn(state, input.StreamARN);
    if (stream === undefined) throw notFound(input.StreamARN.slice(input.StreamARN.lastIndexOf("/") + 1));
    return stream;
  }
  const name = input.StreamName;
  if (typeof name !== "string" || name === "") throw validation(undefined, "streamName", "Member must not be null");
  const stream = state.store.find(region, name);
  if (stream === undefined) throw notFound(name);
  return stream;
}
