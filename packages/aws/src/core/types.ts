// The type token of every resource class: the plan shows it, the state
// stores it, and the provider table is keyed by it.

export const TYPES = {
  bucket: "aws:s3:Bucket",
  bucketNotification: "aws:s3:BucketNotification",
  role: "aws:iam:Role",
  rolePolicy: "aws:iam:RolePolicy",
  rolePolicyAttachment: "aws:iam:RolePolicyAttachment",
  function: "aws:lambda:Function",
  permission: "aws:lambda:Permission",
  httpApi: "aws:apigatewayv2:Api",
  restApi: "aws:apigateway:RestApi",
  queue: "aws:sqs:Queue",
  queuePolicy: "aws:sqs:QueuePolicy",
  eventSourceMapping: "aws:lambda:EventSourceMapping",
  table: "aws:dynamodb:Table",
  topic: "aws:sns:Topic",
  topicSubscription: "aws:sns:TopicSubscription",
  eventRule: "aws:cloudwatch:EventRule",
  eventTarget: "aws:cloudwatch:EventTarget",
  logGroup: "aws:cloudwatch:LogGroup",
  logSubscriptionFilter: "aws:cloudwatch:LogSubscriptionFilter",
  stream: "aws:kinesis:Stream",
} as const;

export type ResourceType = (typeof TYPES)[keyof typeof TYPES];

/** Tags are string to string, as AWS takes them. */
export type Tags = Record<string, string>;
