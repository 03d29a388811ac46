// The on-failure destination of a stream mapping: Lambda sends a record
// describing the skipped batch to an SQS queue through SQS's API, as it does
// on AWS; here over the daemon's own port (the request names the queue's
// region in its credential scope, which the local cloud does not verify).
import { ACCOUNT_ID } from "../../service.js";

const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([\w.-]+)$/;

/** True when `arn` names a destination the local cloud can send to (an SQS queue). */
export function isSupportedDestination(arn: string): boolean {
  return QUEUE_ARN.test(arn);
}

/** Sends `body` to the queue `arn` names; throws with SQS's message when it refuses. */
export async function sendToDestination(endpoint: string, arn: string, body: string): Promise<void> {
  const match = QUEUE_ARN.exec(arn);
  if (match === null) throw new Error(`${arn} is not an SQS queue ARN`);
  const [, region, account, name] = match;
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": "AmazonSQS.SendMessage",
      authorization: `AWS4-HMAC-SHA256 Credential=lambda/20000101/${region}/sqs/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({ QueueUrl: `${endpoint}/${account ?? ACCOUNT_ID}/${name}`, MessageBody: body }),
  });
  if (!response.ok) throw new Error(((await response.json()) as { message?: string }).message ?? `SQS answered ${response.status}`);
}
