// What an account holds, kind by kind, listed through the SDK the way a user
// would check it: each resource's name and tags. The ownership and tags
// tests compare these lists before and after `up` and `destroy`.
import { GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { GetApisCommand } from "@aws-sdk/client-apigatewayv2";
import { ListTablesCommand, ListTagsOfResourceCommand } from "@aws-sdk/client-dynamodb";
import { ListRulesCommand, ListTagsForResourceCommand as ListRuleTagsCommand } from "@aws-sdk/client-eventbridge";
import { DescribeLogGroupsCommand, ListTagsForResourceCommand as ListLogGroupTagsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { ListStreamsCommand, ListTagsForStreamCommand } from "@aws-sdk/client-kinesis";
import { ListRolesCommand, ListRoleTagsCommand } from "@aws-sdk/client-iam";
import { ListEventSourceMappingsCommand, ListFunctionsCommand, ListTagsCommand } from "@aws-sdk/client-lambda";
import { ListTagsForResourceCommand as ListTopicTagsCommand, ListTopicsCommand } from "@aws-sdk/client-sns";
import { ListQueuesCommand, ListQueueTagsCommand } from "@aws-sdk/client-sqs";
import type { ProviderContext } from "../../src/provider/context.js";

export interface Held {
  name: string;
  tags: Record<string, string>;
}

type Lister = (sdk: ProviderContext) => Promise<Held[]>;

const record = (tags: Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined) =>
  Object.fromEntries((tags ?? []).map((t) => [t.Key!, t.Value ?? ""]));
const last = (arn: string, separator: string) => arn.slice(arn.lastIndexOf(separator) + 1);

/** One lister per resource type, named by the engine's type token. */
export const LISTERS: Record<string, Lister> = {
  "aws:dynamodb:Table": async (sdk) => {
    const names = (await sdk.clients.dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
    const account = await sdk.accountId();
    const arn = (name: string) => `arn:aws:dynamodb:${sdk.target.region}:${account}:table/${name}`;
    return Promise.all(
      names.map(async (name) => ({ name, tags: record((await sdk.clients.dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: arn(name) }))).Tags) })),
    );
  },
  "aws:kinesis:Stream": async (sdk) => {
    const names = (await sdk.clients.kinesis.send(new ListStreamsCommand({}))).StreamNames ?? [];
    return Promise.all(
      names.map(async (name) => ({ name, tags: record((await sdk.clients.kinesis.send(new ListTagsForStreamCommand({ StreamName: name }))).Tags) })),
    );
  },
  "aws:sns:Topic": async (sdk) => {
    const arns = ((await sdk.clients.sns.send(new ListTopicsCommand({}))).Topics ?? []).map((t) => t.TopicArn!);
    return Promise.all(
      arns.map(async (arn) => ({ name: last(arn, ":"), tags: record((await sdk.clients.sns.send(new ListTopicTagsCommand({ ResourceArn: arn }))).Tags) })),
    );
  },
  "aws:sqs:Queue": async (sdk) => {
    const urls = (await sdk.clients.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
    return Promise.all(
      urls.map(async (url) => ({ name: last(url, "/"), tags: (await sdk.clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {} })),
    );
  },
  "aws:cloudwatch:EventRule": async (sdk) => {
    const rules = (await sdk.clients.events.send(new ListRulesCommand({}))).Rules ?? [];
    return Promise.all(
      rules.map(async (rule) => ({
        name: rule.Name!,
        tags: record((await sdk.clients.events.send(new ListRuleTagsCommand({ ResourceARN: rule.Arn! }))).Tags),
      })),
    );
  },
  "aws:cloudwatch:LogGroup": async (sdk) => {
    const groups = (await sdk.clients.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
    const account = await sdk.accountId();
    const arn = (name: string) => `arn:aws:logs:${sdk.target.region}:${account}:log-group:${name}`;
    return Promise.all(
      groups.map(async (group) => ({
        name: group.logGroupName!,
        tags: (await sdk.clients.logs.send(new ListLogGroupTagsCommand({ resourceArn: arn(group.logGroupName!) }))).tags ?? {},
      })),
    );
  },
  "aws:apigatewayv2:Api": async (sdk) =>
    ((await sdk.clients.apigatewayv2.send(new GetApisCommand({}))).Items ?? []).map((api) => ({ name: api.Name!, tags: api.Tags ?? {} })),
  "aws:apigateway:RestApi": async (sdk) =>
    ((await sdk.clients.apigateway.send(new GetRestApisCommand({}))).items ?? []).map((api) => ({ name: api.name!, tags: api.tags ?? {} })),
  "aws:lambda:Function": async (sdk) => {
    const functions = (await sdk.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    return Promise.all(
      functions.map(async (f) => ({
        name: f.FunctionName!,
        tags: (await sdk.clients.lambda.send(new ListTagsCommand({ Resource: f.FunctionArn! }))).Tags ?? {},
      })),
    );
  },
  "aws:iam:Role": async (sdk) => {
    const roles = (await sdk.clients.iam.send(new ListRolesCommand({}))).Roles ?? [];
    return Promise.all(
      roles.map(async (role) => ({
        name: role.RoleName!,
        tags: record((await sdk.clients.iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName! }))).Tags),
      })),
    );
  },
  "aws:lambda:EventSourceMapping": async (sdk) => {
    const mappings = (await sdk.clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [];
    return Promise.all(
      mappings.map(async (m) => ({
        name: `${last(m.FunctionArn!, ":")}|${m.EventSourceArn!}`,
        tags: (await sdk.clients.lambda.send(new ListTagsCommand({ Resource: m.EventSourceMappingArn! }))).Tags ?? {},
      })),
    );
  },
};

/** Every resource of `type` in the account, sorted by name then tags. */
export async function held(sdk: ProviderContext, type: string): Promise<Held[]> {
  const found = await LISTERS[type]!(sdk);
  return found.sort((a, b) => (JSON.stringify([a.name, a.tags]) < JSON.stringify([b.name, b.tags]) ? -1 : 1));
}

/** The tags a resource of this stack carries: the program's, then the stack's. */
export function stackTags(name: string, given: Record<string, string> = {}): Record<string, string> {
  return { ...given, "closure-pack:project": "shop", "closure-pack:stack": "dev", "closure-pack:name": name };
}
