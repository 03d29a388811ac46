// aws:cloudwatch:LogGroup through CloudWatch Logs: CreateLogGroup (with the
// stack's tags), PutRetentionPolicy / DeleteRetentionPolicy, tags by
// difference (TagResource / UntagResource), DescribeLogGroups to read,
// DeleteLogGroup (unless skipDestroy). A group of the planned name is
// adopted when this stack made it (its tags say so: a run cut short) or
// when it is a function's own `/aws/lambda/<name>` group with no
// closure-pack tags (Lambda makes it on the function's first line);
// anything else is refused as a name taken.
import { logsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, notMadeByThisStack, resourceTags } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

function arnOf(account: string, region: string, id: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${id}`;
}

async function currentTags(context: ApplyContext, arn: string): Promise<Record<string, string>> {
  return (await context.clients.logs.send(new (logsApi().ListTagsForResourceCommand)({ resourceArn: arn }))).tags ?? {};
}

async function create(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const arn = arnOf(await context.accountId(), context.target.region, id);
  try {
    await context.clients.logs.send(
      new (logsApi().CreateLogGroupCommand)({
        logGroupName: id,
        tags: resourceTags(context, inputs.tags),
        ...(typeof inputs.kmsKeyId === "string" ? { kmsKeyId: inputs.kmsKeyId } : {}),
        ...(typeof inputs.logGroupClass === "string" ? { logGroupClass: inputs.logGroupClass as "STANDARD" } : {}),
      }),
    );
  } catch (error) {
    if (errorCode(error) !== "ResourceAlreadyExistsException") throw error;
    if (!isAdoptable(context, id, await currentTags(context, arn))) throw notMadeByThisStack("log group", id, "ResourceAlreadyExistsException");
    return update(context, id, inputs);
  }
  await retention(context, id, inputs, false);
  return { name: id, arn };
}

/** Ours (a run cut short made it), or a function's own group that Lambda made (no closure-pack tags). */
function isAdoptable(context: ApplyContext, id: string, tags: Record<string, string>): boolean {
  const lambdaMade = id.startsWith("/aws/lambda/") && !Object.keys(tags).some((key) => key.startsWith("closure-pack:"));
  return isOwnResource(context, tags) || lambdaMade;
}

/** Retention and tags as the program says; the name and class do not change in place. */
async function update(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const arn = arnOf(await context.accountId(), context.target.region, id);
  await retention(context, id, inputs, true);
  const logs = context.clients.logs;
  const wanted = resourceTags(context, inputs.tags);
  const current = await currentTags(context, arn);
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  if (removed.length > 0) await logs.send(new (logsApi().UntagResourceCommand)({ resourceArn: arn, tagKeys: removed }));
  if (Object.entries(wanted).some(([key, value]) => current[key] !== value))
    await logs.send(new (logsApi().TagResourceCommand)({ resourceArn: arn, tags: wanted }));
  return { name: id, arn };
}

// A new group keeps events forever: only a retention given needs a call. An
// existing one may hold any retention (`existing`): none wanted is a delete.
async function retention(context: ApplyContext, id: string, inputs: Record<string, unknown>, existing: boolean): Promise<void> {
  const days = inputs.retentionInDays;
  if (typeof days === "number") await context.clients.logs.send(new (logsApi().PutRetentionPolicyCommand)({ logGroupName: id, retentionInDays: days }));
  else if (existing) await context.clients.logs.send(new (logsApi().DeleteRetentionPolicyCommand)({ logGroupName: id }));
}

export const logGroupProvider: Provider = {
  type: TYPES.logGroup,
  nameRule: { max: 512 },
  replaceKeys: ["name", "logGroupClass", "kmsKeyId"],
  identity: (inputs, generated) => (typeof inputs.name === "string" ? inputs.name : generated.replace(/[^.\-_/#A-Za-z0-9]/g, "-")),
  predict: (account, region, id) => ({ name: id, arn: arnOf(account, region, id) }),

  isOwn: async (context, id) => isAdoptable(context, id, await currentTags(context, arnOf(await context.accountId(), context.target.region, id))),

  async read(context, id) {
    const { logGroups = [] } = await context.clients.logs.send(new (logsApi().DescribeLogGroupsCommand)({ logGroupNamePrefix: id }));
    const found = logGroups.find((group) => group.logGroupName === id);
    return found === undefined ? undefined : { name: id, arn: arnOf(await context.accountId(), context.target.region, id) };
  },
  create,
  update: (context, id, _olds, inputs) => update(context, id, inputs),

  async delete(context, id, inputs) {
    if (inputs.skipDestroy === true) return;
    try {
      await context.clients.logs.send(new (logsApi().DeleteLogGroupCommand)({ logGroupName: id }));
    } catch (error) {
      if (!isNotFound(error, "ResourceNotFoundException")) throw error;
    }
  },
};
