// aws:sqs:QueuePolicy through SQS: the queue's Policy attribute, written
// whole with SetQueueAttributes (create and update alike, so a write cut
// short is simply made again), read with GetQueueAttributes, removed by
// setting it to "". The id is the queue's URL; a queue that is gone has no
// policy to read or remove. A queue with no policy reads as no resource, so
// recovery forgets a create that never reached SQS.
import { UNKNOWN } from "../core/brand.js";
import { containsUnknown } from "../core/output.js";
import { TYPES } from "../core/types.js";
import { isNotFound } from "./calls.js";
import type { ApplyContext, Provider } from "./provider.js";
import { sqsApi } from "./sdk.js";

const GONE = ["QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"];

/** The document as SQS takes it: text as given, an object as JSON. */
function policyText(policy: unknown): string {
  return typeof policy === "string" ? policy : JSON.stringify(policy);
}

async function readPolicy(context: ApplyContext, url: string): Promise<string | undefined> {
  try {
    const { Attributes } = await context.clients.sqs.send(new (sqsApi().GetQueueAttributesCommand)({ QueueUrl: url, AttributeNames: ["Policy"] }));
    return Attributes?.Policy === undefined || Attributes.Policy === "" ? undefined : Attributes.Policy;
  } catch (error) {
    if (isNotFound(error, ...GONE)) return undefined;
    throw error;
  }
}

async function write(context: ApplyContext, url: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const policy = policyText(inputs.policy);
  await context.clients.sqs.send(new (sqsApi().SetQueueAttributesCommand)({ QueueUrl: url, Attributes: { Policy: policy } }));
  return { queueUrl: url, policy };
}

export const queuePolicyProvider: Provider = {
  type: TYPES.queuePolicy,
  nameRule: { max: 80 },
  replaceKeys: ["queueUrl"],
  identity: (inputs) => String(inputs.queueUrl),
  // A new queue's URL is known once SQS made it (AWS, moto and the local cloud shape it differently).
  predict: (_account, _region, id, inputs) => ({
    ...(id.includes(String(UNKNOWN)) ? {} : { queueUrl: id }),
    ...(containsUnknown(inputs.policy) ? {} : { policy: policyText(inputs.policy) }),
  }),

  async read(context, id) {
    const policy = await readPolicy(context, id);
    return policy === undefined ? undefined : { queueUrl: id, policy };
  },

  create: (context, id, inputs) => write(context, id, inputs),
  update: (context, id, _olds, inputs) => write(context, id, inputs),

  async delete(context, id) {
    try {
      await context.clients.sqs.send(new (sqsApi().SetQueueAttributesCommand)({ QueueUrl: id, Attributes: { Policy: "" } }));
    } catch (error) {
      if (!isNotFound(error, ...GONE)) throw error;
    }
  },
};
