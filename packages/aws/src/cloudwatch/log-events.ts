// The payloads CloudWatch Logs sends a subscribed function, as
// @types/aws-lambda has them, under the names Pulumi's users know: the
// event as it arrives ({ awslogs: { data } }, gzip + base64) and what
// onDecodedEvent hands its handler (the data decoded); and the arguments of
// both subscriptions.
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent, CloudWatchLogsLogEvent, Context } from "aws-lambda";

export type LogGroupEvent = CloudWatchLogsEvent;
export type DecodedLogGroupEvent = CloudWatchLogsDecodedData;
export type LogGroupLogEvent = CloudWatchLogsLogEvent;
export type LogGroupEventHandler = (event: LogGroupEvent, context: Context) => void | Promise<void>;
export type DecodedLogGroupEventHandler = (event: DecodedLogGroupEvent, context: Context) => void | Promise<void>;

export interface LogGroupEventSubscriptionArgs {
  /**
   * Only events this CloudWatch Logs filter pattern matches reach the
   * handler: terms (`ERROR -healthcheck`), a quoted phrase, or a JSON
   * selector (`{ $.level = "ERROR" }`). Default "": every event.
   */
  filterPattern?: string;
}
