// Get/PutBucketNotificationConfiguration. A new configuration replaces the
// bucket's whole configuration (an empty one turns notifications off). As on
// AWS, S3 checks each Lambda destination before accepting it: the function
// must exist and its resource policy must let s3.amazonaws.com invoke it for
// this bucket; every destination that fails is named in one InvalidArgument.
import type { AwsResponse } from "../../server/aws-request.js";
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import { checkBodyDigests } from "./body-digests.js";
import { notificationConfigXml, parseNotificationConfig, type NotificationConfig } from "./notification-config.js";
import { emptyResponse, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { parseXmlBody, xmlResponse } from "./s3-xml.js";

export function getBucketNotification(context: S3Context, call: S3Call): AwsResponse {
  const bucket = requireBucket(context, call);
  return xmlResponse("NotificationConfiguration", notificationConfigXml(bucket.notification));
}

export async function putBucketNotification(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const body = await call.http.body(1024 * 1024);
  checkBodyDigests(call.http.headers, body);
  const config = parseNotificationConfig(parseXmlBody(body));
  checkDestinations(context, call.bucket, config);
  const empty = config.rules.length === 0 && !config.eventBridge;
  context.store.setNotification(call.bucket, empty ? undefined : config);
  return emptyResponse(200);
}

// Queue and topic destinations are stored unchecked until the cloud has SQS
// and SNS (issue 13); Lambda destinations are checked now. Without a Lambda
// service no function exists, so every Lambda destination fails the check.
function checkDestinations(context: S3Context, bucket: string, config: NotificationConfig): void {
  const lambda = context.notifier.lambdaPolicy();
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const failed = config.rules
    .filter((rule) => rule.kind === "lambda")
    .filter((rule) => lambda === undefined || !lambda.allowsInvoke(rule.arn, "s3.amazonaws.com", bucketArn, ACCOUNT_ID));
  if (failed.length === 0) return;
  const extra: Record<string, string> = {};
  failed.forEach((rule, index) => {
    extra[`ArgumentName${index + 1}`] = rule.arn;
    extra[`ArgumentValue${index + 1}`] = `Not authorized to invoke function [${rule.arn}]`;
  });
  throw new AwsError("InvalidArgument", "Unable to validate the following destination configurations", 400, extra);
}
