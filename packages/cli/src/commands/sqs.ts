// `closure-pack sqs send`: a message to a queue for users without the aws
// CLI, through @aws-sdk/client-sqs, sent where data-target.ts says (the
// local cloud's daemon on whatever port it runs, unless told otherwise). A
// queue is named as the program names it (resolved through the stack's
// state), by its name or by its URL; one that matches nothing gets the
// stack's queues, or the deployed names it resembles, as a hint.
import { GetQueueUrlCommand, ListQueuesCommand, SendMessageCommand, SQSServiceException } from "@aws-sdk/client-sqs";
import { TYPES } from "@closure-pack/aws/engine";
import { describeCallFailure, openDataTarget, stackResource, textOrStdin, unknownNameHint, type DataTarget, type Hints } from "../data-target.js";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import type { SqsCommand } from "../sqs-args.js";

const NOT_FOUND = ["QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"];

export async function runSqs(command: SqsCommand, io: Io): Promise<number> {
  const target = await openDataTarget(command, "SQS", io);
  try {
    const body = await textOrStdin(command.body, io, "body");
    const url = await queueUrl(target, command.queue);
    const sent = await target.context.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        ...(command.group === undefined ? {} : { MessageGroupId: command.group }),
        ...(command.dedupId === undefined ? {} : { MessageDeduplicationId: command.dedupId }),
        ...(command.delay === undefined ? {} : { DelaySeconds: command.delay }),
        ...(command.attributes.length === 0
          ? {}
          : { MessageAttributes: Object.fromEntries(command.attributes.map(([name, value]) => [name, { DataType: "String", StringValue: value }])) }),
      }),
    );
    const answer = {
      MessageId: sent.MessageId,
      MD5OfMessageBody: sent.MD5OfMessageBody,
      ...(sent.SequenceNumber === undefined ? {} : { SequenceNumber: sent.SequenceNumber }),
    };
    io.out(command.json ? `${JSON.stringify(answer, null, 2)}\n` : `${sent.MessageId ?? ""}\n`);
    return 0;
  } catch (error) {
    throw await describeFailure(target, error, command);
  } finally {
    target.context.destroy();
  }
}

/** A URL as given; the program's name through the stack; else the queue of that name. */
async function queueUrl(target: DataTarget, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return queue;
  const declared = stackResource(target, TYPES.queue, queue);
  if (declared !== undefined && typeof declared.outputs.url === "string") return declared.outputs.url;
  return (await target.context.clients.sqs.send(new GetQueueUrlCommand({ QueueName: declared?.id ?? queue }))).QueueUrl!;
}

function codeOf(error: SQSServiceException): string {
  // Query-compatible answers carry SQS's historical code beside the JSON error's name.
  return NOT_FOUND.includes(error.name) || NOT_FOUND.includes((error as { Code?: string }).Code ?? "") ? "QueueDoesNotExist" : error.name;
}

/** One CliError for anything the send failed with. */
async function describeFailure(target: DataTarget, error: unknown, command: SqsCommand): Promise<unknown> {
  if (error instanceof SQSServiceException && codeOf(error) === "QueueDoesNotExist") {
    return new CliError("QUEUE_NOT_FOUND", command.queue, "no such queue", { hint: await missingQueueHint(target, command.queue), cause: error });
  }
  return describeCallFailure(error, target, command.queue, "SQS_REQUEST_FAILED", HINTS);
}

// The stack's queues by their program names; else, a program's queue "jobs"
// deployed as jobs-<7 hex>: name what exists.
async function missingQueueHint(target: DataTarget, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return "check the URL: `closure-pack stack output` prints a program's queue URLs";
  const otherwise = "deploy the program that declares it (`closure-pack up`), or give the queue's URL";
  const hint = unknownNameHint(target, TYPES.queue, "queues", otherwise);
  if (hint !== otherwise) return hint;
  const listed = await target.context.clients.sqs.send(new ListQueuesCommand({ QueueNamePrefix: `${queue}-` })).catch(() => ({ QueueUrls: [] as string[] }));
  const names = (listed.QueueUrls ?? []).map((url) => url.slice(url.lastIndexOf("/") + 1)).sort();
  return names.length > 0 ? `a program's queue gets a generated name: ${names.join(", ")}` : otherwise;
}

const FIFO_HINT = "a FIFO queue takes --group <id>, and --dedup-id <id> unless it has contentBasedDeduplication";
const HINTS: Hints = {
  MissingParameter: (message) => (/MessageGroupId/.test(message) ? FIFO_HINT : undefined),
  InvalidParameterValue: (message) => (/Deduplication/i.test(message) ? FIFO_HINT : undefined),
};
