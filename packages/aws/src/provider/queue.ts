// aws:sqs:Queue through SQS: CreateQueue with every attribute (a queue this
// stack already made is brought up to date), GetQueueUrl and
// GetQueueAttributes to read, SetQueueAttributes with the whole set (so an
// attribute left out of the program returns to SQS's default), tags by
// difference, DeleteQueue. AWS refuses to recreate a name for 60 s after a
// delete (QueueDeletedRecently): creates wait that out.
import { sqsApi } from "./sdk.js";
import { TYPES } from "../core/types.js";
import { errorCode, isNotFound, isOwnResource, notMadeByThisStack, resourceTags, sleep, tagRecord } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";

const DELETED_RECENTLY_WAIT_MS = 70_000;

function arnOf(account: string, region: string, id: string): string {
  return `arn:aws:sqs:${region}:${account}:${id}`;
}

/** The attributes SQS takes, from the queue's inputs (defaults already filled in by the SDK class). */
function attributesOf(inputs: Record<string, unknown>, creating: boolean): Record<string, string> {
  const policy = inputs.redrivePolicy;
  const attributes: Record<string, string> = {
    VisibilityTimeout: String(inputs.visibilityTimeoutSeconds ?? 30),
    MessageRetentionPeriod: String(inputs.messageRetentionSeconds ?? 345600),
    DelaySeconds: String(inputs.delaySeconds ?? 0),
    ReceiveMessageWaitTimeSeconds: String(inputs.receiveWaitTimeSeconds ?? 0),
    MaximumMessageSize: String(inputs.maxMessageSize ?? 262144),
    RedrivePolicy: policy === undefined ? "" : typeof policy === "string" ? policy : JSON.stringify(policy),
  };
  if (inputs.fifoQueue === true) {
    if (creating) attributes.FifoQueue = "true";
    attributes.ContentBasedDeduplication = String(inputs.contentBasedDeduplication === true);
  }
  // An empty RedrivePolicy removes one; CreateQueue has none to remove.
  if (creating && attributes.RedrivePolicy === "") delete attributes.RedrivePolicy;
  return attributes;
}

async function urlOf(context: ApplyContext, id: string): Promise<string | undefined> {
  try {
    return (await context.clients.sqs.send(new (sqsApi().GetQueueUrlCommand)({ QueueName: id }))).QueueUrl;
  } catch (error) {
    if (isNotFound(error, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue")) return undefined;
    throw error;
  }
}

async function outputsOf(context: ApplyContext, id: string, url: string): Promise<Record<string, unknown>> {
  const { Attributes } = await context.clients.sqs.send(new (sqsApi().GetQueueAttributesCommand)({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  return { name: id, arn: Attributes?.QueueArn ?? arnOf(await context.accountId(), context.target.region, id), url };
}

/**
 * CreateQueue; `existed` when this stack made the queue before a crash (with
 * attributes perhaps since changed). A queue of that name someone else made
 * is refused, never adopted: SQS answers CreateQueue with the existing URL
 * when the attributes match, so ownership is read from the queue's tags
 * (set by the CreateQueue that made it, in the same call).
 */
async function create(
  context: ApplyContext,
  id: string,
  inputs: Record<string, unknown>,
): Promise<{ url: string; existed: boolean; tags: Record<string, string> }> {
  const made = await createOrFind(context, id, inputs);
  const tags = await tagsOf(context, made.url);
  if (!isOwnResource(context, tags)) {
    throw notMadeByThisStack("queue", id, "QueueAlreadyExists");
  }
  return { ...made, tags };
}

async function tagsOf(context: ApplyContext, url: string): Promise<Record<string, string>> {
  return tagRecord((await context.clients.sqs.send(new (sqsApi().ListQueueTagsCommand)({ QueueUrl: url }))).Tags);
}

async function createOrFind(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<{ url: string; existed: boolean }> {
  const started = Date.now();
  for (;;) {
    try {
      const made = await context.clients.sqs.send(
        new (sqsApi().CreateQueueCommand)({ QueueName: id, Attributes: attributesOf(inputs, true), tags: resourceTags(context, inputs.tags) }),
      );
      return { url: made.QueueUrl!, existed: false };
    } catch (error) {
      const code = errorCode(error);
      if ((code === "QueueDeletedRecently" || code === "AWS.SimpleQueueService.QueueDeletedRecently") && Date.now() - started < DELETED_RECENTLY_WAIT_MS) {
        await sleep(Math.max(context.retryDelayMs, 1000));
        continue;
      }
      // Made before a crash with other attributes: the update below brings it in line.
      if (code === "QueueNameExists" || code === "QueueAlreadyExists") return { url: (await urlOf(context, id))!, existed: true };
      throw error;
    }
  }
}

async function tag(context: ApplyContext, url: string, inputs: Record<string, unknown>, known?: Record<string, string>): Promise<void> {
  const sqs = context.clients.sqs;
  const wanted = resourceTags(context, inputs.tags);
  const current = known ?? (await tagsOf(context, url));
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  if (removed.length > 0) await sqs.send(new (sqsApi().UntagQueueCommand)({ QueueUrl: url, TagKeys: removed }));
  if (Object.entries(wanted).some(([key, value]) => current[key] !== value)) await sqs.send(new (sqsApi().TagQueueCommand)({ QueueUrl: url, Tags: wanted }));
}

/** Sets the queue's attributes and tags to what `inputs` say; `tags` when they were just read. */
async function bringInLine(
  context: ApplyContext,
  id: string,
  url: string,
  inputs: Record<string, unknown>,
  tags?: Record<string, string>,
): Promise<Record<string, unknown>> {
  await context.clients.sqs.send(new (sqsApi().SetQueueAttributesCommand)({ QueueUrl: url, Attributes: attributesOf(inputs, false) }));
  await tag(context, url, inputs, tags);
  return outputsOf(context, id, url);
}

export const queueProvider: Provider = {
  type: TYPES.queue,
  // SQS allows 80 characters; 5 stay free for ".fifo".
  nameRule: { max: 75 },
  replaceKeys: ["name", "fifoQueue"],
  identity: (inputs, generated) => {
    if (typeof inputs.name === "string") return inputs.name;
    const base = generated.replace(/[^A-Za-z0-9_-]/g, "-");
    return inputs.fifoQueue === true ? `${base}.fifo` : base;
  },
  predict: (account, region, id) => ({ name: id, arn: arnOf(account, region, id) }),

  async isOwn(context, id) {
    const url = await urlOf(context, id);
    return url !== undefined && isOwnResource(context, await tagsOf(context, url));
  },

  async read(context, id) {
    // get() may name a queue by its URL.
    const name = id.includes("/") ? id.slice(id.lastIndexOf("/") + 1) : id;
    const url = await urlOf(context, name);
    return url === undefined ? undefined : outputsOf(context, name, url);
  },

  async create(context, id, inputs) {
    const made = await create(context, id, inputs);
    return made.existed ? bringInLine(context, id, made.url, inputs, made.tags) : outputsOf(context, id, made.url);
  },

  async update(context, id, _olds, inputs) {
    const url = await urlOf(context, id);
    if (url !== undefined) return bringInLine(context, id, url, inputs);
    // Deleted behind the stack's back: made again.
    const made = await create(context, id, inputs);
    return bringInLine(context, id, made.url, inputs, made.tags);
  },

  async delete(context, id) {
    const url = await urlOf(context, id);
    if (url === undefined) return;
    try {
      await context.clients.sqs.send(new (sqsApi().DeleteQueueCommand)({ QueueUrl: url }));
    } catch (error) {
      if (!isNotFound(error, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue")) throw error;
    }
  },
};
