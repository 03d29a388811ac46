// Message events: SQS (SQSEvent) and SNS (SNSEvent), as the Lambda developer
// guide's "Using Lambda with Amazon SQS / SNS" pages show them.
import type { SNSEvent, SQSEvent, SQSRecord } from "aws-lambda";
import { createHash } from "node:crypto";
import { fixedId, md5Hex, nth, records } from "./sample-values.js";
import type { EventContext } from "./sample-event.js";
import { ACCOUNT_ID } from "../environment.js";

export function sqsEvent(c: EventContext): object {
  const queue = c.options.queue ?? "example-queue";
  const body = c.options.body ?? "Hello from SQS!";
  const sent = String(c.time.getTime());
  return {
    Records: records(
      c.options.count,
      (index) =>
        ({
          messageId: fixedId(nth(`sqs:${queue}:${body}`, index)),
          receiptHandle: index === 0 ? RECEIPT_HANDLE : `AQEB${createHash("sha512").update(nth(queue, index)).digest("base64")}`,
          body,
          attributes: { ApproximateReceiveCount: "1", SentTimestamp: sent, SenderId: "AIDAIENQZJOLO23YVJ4VO", ApproximateFirstReceiveTimestamp: sent },
          messageAttributes: {},
          md5OfBody: md5Hex(body),
          eventSource: "aws:sqs",
          eventSourceARN: `arn:aws:sqs:${c.region}:${ACCOUNT_ID}:${queue}`,
          awsRegion: c.region,
        }) satisfies SQSRecord,
    ),
  } satisfies SQSEvent;
}

// The Lambda developer guide's example handle; further records get handles of the same shape.
const RECEIPT_HANDLE = "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a/Tw7uUgS7Vg4D8M1Sp6JWpYcbYgKhDT7gO3zjgcLNUCJ8X/9NtA3R6L/SgHOTMPXQ==";

export function snsEvent(c: EventContext): object {
  const topic = c.options.topic ?? "example-topic";
  const message = c.options.body ?? "Hello from SNS!";
  const topicArn = `arn:aws:sns:${c.region}:${ACCOUNT_ID}:${topic}`;
  const subscriptionArn = `${topicArn}:${fixedId(`sns-subscription:${topic}`)}`;
  return {
    Records: [
      {
        EventVersion: "1.0",
        EventSubscriptionArn: subscriptionArn,
        EventSource: "aws:sns",
        Sns: {
          SignatureVersion: "1",
          Timestamp: c.time.toISOString(),
          Signature:
            "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
          SigningCertUrl: `https://sns.${c.region}.amazonaws.com/SimpleNotificationService-7ff5318490ec183fbaddaa2a969abfda.pem`,
          MessageId: fixedId(`sns:${topic}:${message}`),
          Message: message,
          MessageAttributes: {},
          Type: "Notification",
          UnsubscribeUrl: `https://sns.${c.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
          TopicArn: topicArn,
          Subject: "Sample",
        },
      },
    ],
  } satisfies SNSEvent;
}
