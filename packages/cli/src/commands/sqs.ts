// `closure-pack sqs send`: a message to a queue for users without the aws
// CLI, through @aws-sdk/client-sqs, against the local cloud by default
// (--endpoint-url, AWS_ENDPOINT_URL_SQS or AWS_ENDPOINT_URL point it
// elsewhere). A queue is named by its name or URL; a program's logical name
// that matches no queue gets the deployed names as a hint.
import { GetQueueUrlCommand, ListQueuesCommand, SendMessageCommand, SQSClient, SQSServiceException } from "@aws-sdk/client-sqs";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import type { SqsCommand } from "../sqs-args.js";

const LOCAL_CLOUD_ENDPOINT = "http://127.0.0.1:4566";
const NOT_FOUND = ["QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"];

export async function runSqs(command: SqsCommand, io: Io): Promise<number> {
  const endpoint = command.endpointUrl ?? io.env.AWS_ENDPOINT_URL_SQS ?? io.env.AWS_ENDPOINT_URL ?? LOCAL_CLOUD_ENDPOINT;
  const sqs = clientFor(endpoint, io.env);
  try {
    const body = command.body === "-" ? await readStdin(io) : command.body;
    const url = await queueUrl(sqs, command.queue);
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        ...(command.group === undefined ? {} : { MessageGroupId: command.group }),
        ...(command.dedupId === undefined ? {} : { MessageDeduplicationId: command.dedupId }),
        ...(command.delay === undefined ? {} : { DelaySeconds: command.delay }),
        ...(command.attributes.length === 0 ? {} : { MessageAttributes: Object.fromEntries(command.attributes.map(([name, value]) => [name, { DataType: "String", StringValue: value }])) }),
      }),
    );
    const answer = { MessageId: sent.MessageId, MD5OfMessageBody: sent.MD5OfMessageBody, ...(sent.SequenceNumber === undefined ? {} : { SequenceNumber: sent.SequenceNumber }) };
    io.out(command.json ? `${JSON.stringify(answer, null, 2)}\n` : `${sent.MessageId ?? ""}\n`);
    return 0;
  } catch (error) {
    throw await describeFailure(sqs, error, endpoint, command);
  } finally {
    sqs.destroy();
  }
}

// The local cloud accepts any credentials; without configured ones, a
// loopback endpoint gets the conventional test pair instead of the SDK's
// "could not load credentials".
function clientFor(endpoint: string, env: NodeJS.ProcessEnv): SQSClient {
  const configured = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(endpoint);
  return new SQSClient({
    endpoint,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    ...(configured || !loopback ? {} : { credentials: { accessKeyId: "test", secretAccessKey: "test" } }),
  });
}

async function readStdin(io: Io): Promise<string> {
  if (io.readStdin === undefined) throw new CliError("INVALID_EVENT", "-", "there is no standard input to read the body from");
  return io.readStdin();
}

async function queueUrl(sqs: SQSClient, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return queue;
  return (await sqs.send(new GetQueueUrlCommand({ QueueName: queue }))).QueueUrl!;
}

function codeOf(error: SQSServiceException): string {
  // Query-compatible answers carry SQS's historical code beside the JSON error's name.
  return NOT_FOUND.includes(error.name) || NOT_FOUND.includes((error as { Code?: string }).Code ?? "") ? "QueueDoesNotExist" : error.name;
}

/** One CliError for anything the send failed with. */
async function describeFailure(sqs: SQSClient, error: unknown, endpoint: string, command: SqsCommand): Promise<unknown> {
  if (error instanceof CliError) return error;
  if (error instanceof SQSServiceException) {
    const code = codeOf(error);
    if (code === "QueueDoesNotExist") return new CliError("QUEUE_NOT_FOUND", command.queue, "no such queue", { hint: await missingQueueHint(sqs, command.queue), cause: error });
    const hint = HINTS[code]?.(error.message);
    return new CliError("SQS_REQUEST_FAILED", command.queue, `${code}: ${error.message}`, { ...(hint === undefined ? {} : { hint }), cause: error });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ECONNRESET") {
    return new CliError("ENDPOINT_NOT_REACHABLE", endpoint, `cannot connect (${code})`, {
      hint: endpoint === LOCAL_CLOUD_ENDPOINT ? "start the local cloud with `closure-pack cloud start` (or `closure-pack up`), or pass --endpoint-url" : "check --endpoint-url or AWS_ENDPOINT_URL",
      cause: error,
    });
  }
  return error;
}

// A program's queue "jobs" is deployed as jobs-<7 hex>: name what exists.
async function missingQueueHint(sqs: SQSClient, queue: string): Promise<string> {
  if (/^https?:\/\//.test(queue)) return "check the URL: `closure-pack stack output` prints a program's queue URLs";
  const listed = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: `${queue}-` })).catch(() => ({ QueueUrls: [] as string[] }));
  const names = (listed.QueueUrls ?? []).map((url) => url.slice(url.lastIndexOf("/") + 1)).sort();
  if (names.length > 0) return `a program's queue gets a generated name: ${names.join(", ")}`;
  return "deploy the program that declares it (`closure-pack up`), or give the queue's URL";
}

const FIFO_HINT = "a FIFO queue takes --group <id>, and --dedup-id <id> unless it has contentBasedDeduplication";
const HINTS: Readonly<Record<string, (message: string) => string | undefined>> = {
  MissingParameter: (message) => (/MessageGroupId/.test(message) ? FIFO_HINT : undefined),
  InvalidParameterValue: (message) => (/Deduplication/i.test(message) ? FIFO_HINT : undefined),
  InvalidClientTokenId: () => "check the credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
  AccessDenied: () => "check the credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
};
