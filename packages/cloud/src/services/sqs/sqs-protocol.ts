// SQS's wire protocol: JSON 1.0 (X-Amz-Target AmazonSQS.<Action>) in "query
// compatible" mode: an error also carries the old query protocol's code in
// x-amzn-query-error ("AWS.SimpleQueueService.NonExistentQueue;Sender"),
// which the SDK and the aws CLI report as the error's Code. Also the input
// readers every action shares, with SQS's own messages for bad input.
import { AwsError } from "../../errors.js";
import type { AwsResponse } from "../../server/aws-request.js";

/** An SQS error: `code` is the JSON shape (QueueDoesNotExist), `queryCode` what the query protocol called it. */
export class SqsError extends AwsError {
  readonly queryCode: string;

  constructor(code: string, message: string, queryCode = code, status = 400) {
    super(code, message, status);
    this.queryCode = queryCode;
  }
}

export type SqsInput = Record<string, unknown>;

export const queueDoesNotExist = (): SqsError =>
  new SqsError("QueueDoesNotExist", "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue");
export const invalidParameter = (message: string): SqsError => new SqsError("InvalidParameterValue", message);
export const missingParameter = (name: string): SqsError => new SqsError("MissingParameter", `The request must contain the parameter ${name}.`);
export const invalidReceipt = (handle: string): SqsError =>
  new SqsError("ReceiptHandleIsInvalid", `The input receipt handle "${handle}" is not a valid receipt handle.`, "ReceiptHandleIsInvalid", 404);

/** The JSON answer of an action (`{}` for actions without output). */
export function sqsReply(output: object | undefined): AwsResponse {
  return { status: 200, headers: { "content-type": "application/x-amz-json-1.0" }, body: JSON.stringify(output ?? {}) };
}

/** An error as SQS answers it in JSON mode, with its query-protocol code in the header. */
export function sqsErrorReply(error: AwsError): AwsResponse {
  const queryCode = error instanceof SqsError ? error.queryCode : error.code;
  const fault = error.status >= 500 ? "Receiver" : "Sender";
  return {
    status: error.status,
    headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-query-error": `${queryCode};${fault}` },
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${error.code}`, message: error.message }),
  };
}

/** Parses a request body: a JSON object, or `{}` when empty. */
export function parseInput(bytes: Buffer): SqsInput {
  if (bytes.length === 0) return {};
  try {
    const input: unknown = JSON.parse(bytes.toString("utf8"));
    if (input !== null && typeof input === "object" && !Array.isArray(input)) return input as SqsInput;
  } catch {
    // Answered below.
  }
  throw new SqsError("SerializationException", "The request body could not be parsed as a JSON object.");
}

export function requiredString(input: SqsInput, field: string): string {
  const value = input[field];
  if (value === undefined || value === null || value === "") throw missingParameter(field);
  if (typeof value !== "string") throw invalidParameter(`Value ${JSON.stringify(value)} for parameter ${field} is invalid. Reason: must be a string.`);
  return value;
}

export function optionalString(input: SqsInput, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidParameter(`Value ${JSON.stringify(value)} for parameter ${field} is invalid. Reason: must be a string.`);
  return value;
}

/** An integer field within [min, max] (a number, or digits as the CLI may send), or undefined. */
export function optionalInteger(input: SqsInput, field: string, min: number, max: number, reason: string): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < min || number > max) {
    throw invalidParameter(`Value ${String(value)} for parameter ${field} is invalid. Reason: ${reason}`);
  }
  return number;
}

export function stringList(input: SqsInput, field: string): string[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((each) => typeof each !== "string"))
    throw invalidParameter(`Value for parameter ${field} is invalid. Reason: must be a list of strings.`);
  return value as string[];
}

/** A string-to-string map field (Attributes, Tags), or {}. */
export function stringMap(input: SqsInput, field: string): Record<string, string> {
  const value = input[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalidParameter(`Value for parameter ${field} is invalid. Reason: must be a map.`);
  const out: Record<string, string> = {};
  for (const [key, each] of Object.entries(value as Record<string, unknown>)) {
    if (typeof each !== "string" && typeof each !== "number" && typeof each !== "boolean")
      throw invalidParameter(`Value for parameter ${field}.${key} is invalid. Reason: must be a string.`);
    out[key] = String(each);
  }
  return out;
}

/** Validates a batch request's entries as SQS does: 1 to 10 of them, ids distinct and well formed. */
export function batchEntries(input: SqsInput, field: string, kind: string): SqsInput[] {
  const entries = input[field];
  if (entries === undefined || entries === null || (Array.isArray(entries) && entries.length === 0)) {
    throw new SqsError(
      "EmptyBatchRequest",
      `There should be at least one ${kind}BatchRequestEntry in the request.`,
      "AWS.SimpleQueueService.EmptyBatchRequest",
    );
  }
  if (!Array.isArray(entries) || entries.some((entry) => entry === null || typeof entry !== "object" || Array.isArray(entry))) {
    throw invalidParameter(`Value for parameter ${field} is invalid. Reason: must be a list of entries.`);
  }
  if (entries.length > 10) {
    throw new SqsError(
      "TooManyEntriesInBatchRequest",
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
      "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
    );
  }
  const seen = new Set<string>();
  for (const entry of entries as SqsInput[]) {
    const id = entry.Id;
    if (typeof id !== "string" || !/^[\w-]{1,80}$/.test(id)) {
      throw new SqsError(
        "InvalidBatchEntryId",
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
        "AWS.SimpleQueueService.InvalidBatchEntryId",
      );
    }
    if (seen.has(id)) throw new SqsError("BatchEntryIdsNotDistinct", `Id ${id} repeated.`, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
    seen.add(id);
  }
  return entries as SqsInput[];
}

/** A failed entry of a batch answer, from the error that entry raised. */
export function batchFailure(id: string, error: unknown): { Id: string; SenderFault: boolean; Code: string; Message: string } {
  if (error instanceof AwsError)
    return { Id: id, SenderFault: error.status < 500, Code: error instanceof SqsError ? error.queryCode : error.code, Message: error.message };
  throw error;
}
