// The payload SNS sends a subscribed function, as @types/aws-lambda has it,
// under the names Pulumi's users know; and the arguments of topic.onEvent.
import type { Context, SNSEvent, SNSEventRecord, SNSMessage } from "aws-lambda";

export type TopicEvent = SNSEvent;
export type TopicEventRecord = SNSEventRecord;
export type TopicMessage = SNSMessage;
export type TopicEventHandler = (event: TopicEvent, context: Context) => void | Promise<void>;

export type FilterPolicyScope = "MessageAttributes" | "MessageBody";

export interface TopicEventSubscriptionArgs {
  /**
   * Only messages this policy matches reach the handler: an object or its
   * JSON text (`{ store: ["example_corp"], price: [{ numeric: [">=", 100] }] }`).
   */
  filterPolicy?: string | Record<string, unknown>;
  /** What the policy looks at. Default "MessageAttributes". */
  filterPolicyScope?: FilterPolicyScope;
}
