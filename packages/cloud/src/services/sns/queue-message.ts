// What an sqs subscription puts in its queue: the JSON notification
// envelope SNS sends to queues and HTTP endpoints (keys in AWS's order,
// Subject and MessageAttributes only when there are some, SequenceNumber
// for FIFO topics), or with RawMessageDelivery the message itself with its
// attributes as SQS message attributes. FIFO topics pass their message
// group and deduplication id on to FIFO queues.
import { createHash } from "node:crypto";
import type { DeliveredMessage } from "../service.js";
import type { PublishedMessage } from "./deliveries.js";
import { regionOf } from "./sns-input.js";
import type { SubscriptionRow, TopicRow } from "./sns-store.js";

type Delivered = PublishedMessage & { message: string };

export function queueMessage(topic: TopicRow, subscription: SubscriptionRow, message: Delivered): DeliveredMessage {
  const fifo = message.fifo === undefined ? {} : { groupId: message.fifo.groupId, deduplicationId: message.fifo.deduplicationId };
  if (subscription.attributes.RawMessageDelivery === "true") return { body: message.message, attributes: message.attributes, ...fifo };
  return { body: JSON.stringify(envelope(topic, subscription, message)), ...fifo };
}

function envelope(topic: TopicRow, subscription: SubscriptionRow, message: Delivered): object {
  const region = regionOf(topic.arn);
  const attributes = Object.entries(message.attributes);
  return {
    Type: "Notification",
    MessageId: message.id,
    ...(message.fifo === undefined ? {} : { SequenceNumber: message.fifo.sequence }),
    TopicArn: topic.arn,
    ...(message.subject === undefined ? {} : { Subject: message.subject }),
    Message: message.message,
    Timestamp: new Date(message.timestamp).toISOString(),
    SignatureVersion: topic.attributes.SignatureVersion ?? "1",
    Signature: signatureOf(message),
    SigningCertURL: signingCertUrl(region),
    UnsubscribeURL: unsubscribeUrl(region, subscription.arn),
    ...(attributes.length === 0
      ? {}
      : {
          MessageAttributes: Object.fromEntries(
            attributes.map(([name, value]) => [name, { Type: value.DataType, Value: value.StringValue ?? value.BinaryValue ?? "" }]),
          ),
        }),
  };
}

/** Not a real signature (the local cloud has no signing key): well-formed, and the same for the same message. */
export function signatureOf(message: Delivered): string {
  return createHash("sha256").update(`${message.id}\n${message.message}`).digest("base64");
}

export function signingCertUrl(region: string): string {
  return `https://sns.${region}.amazonaws.com/SimpleNotificationService-closure-pack-local.pem`;
}

export function unsubscribeUrl(region: string, subscriptionArn: string): string {
  return `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;
}
