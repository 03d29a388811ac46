// SQS for tests: a client pointed at a daemon as users configure one for the
// local cloud (no retries: a test sees the daemon's first answer), the
// daemon's clock advanced instead of waiting, and a few shorthands.
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient, type Message } from "@aws-sdk/client-sqs";

export function sqsClient(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}

/** Moves the daemon's clock forward by `ms` (visibility timeouts, delays, retention end sooner). */
export async function advanceClock(endpoint: string, ms: number): Promise<void> {
  const response = await fetch(`${endpoint}/_closure-pack/clock/advance?ms=${ms}`, { method: "POST" });
  if (!response.ok) throw new Error(`clock advance failed: ${response.status}`);
}

/** CreateQueue; returns the URL. */
export async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string> = {}): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
}

/** ReceiveMessage without waiting, up to `max` messages, with every attribute. */
export async function receive(sqs: SQSClient, queueUrl: string, max = 10, extra: { VisibilityTimeout?: number } = {}): Promise<Message[]> {
  const output = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: max,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ["All"],
      MessageAttributeNames: ["All"],
      ...extra,
    }),
  );
  return output.Messages ?? [];
}

/** The message ids in order. */
export function bodies(messages: readonly Message[]): string[] {
  return messages.map((message) => message.Body ?? "");
}
