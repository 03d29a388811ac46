// The plan's notices: things that deploy but will not work. One today: an SNS
// subscription (protocol sqs) to a queue of the program that no QueuePolicy of
// the program lets the topic send to. AWS (and the local cloud) accept the
// subscription and then drop every message, so the program is told at plan
// time; it is not an error, since a policy made elsewhere may allow it.
import { resolveValue, resourcesOf } from "../core/output.js";
import { TYPES } from "../core/types.js";
import { describeResource } from "../errors.js";
import { policyAllowsSend } from "../sqs/policy-document.js";
import type { ProgramNode, Program } from "./program.js";
import type { Values } from "./values.js";

export function deliveryNotices(program: Program, values: Values): string[] {
  const declared = (type: string) => program.nodes.filter((node) => node.descriptor.type === type && node.descriptor.readId === undefined);
  const queues = declared(TYPES.queue);
  const policies = declared(TYPES.queuePolicy);
  const notices: string[] = [];
  for (const node of declared(TYPES.topicSubscription)) {
    const inputs = resolveValue(node.descriptor.inputs, values) as Record<string, unknown>;
    if (inputs.protocol !== "sqs") continue;
    const queue = queues.find((each) => refersTo(node.descriptor.inputs.endpoint, each) || values.outputsOf(each.key)?.arn === inputs.endpoint);
    if (queue === undefined) continue;
    const url = values.outputsOf(queue.key)?.url;
    const request = { principal: "sns.amazonaws.com", queueArn: inputs.endpoint as string, sourceArn: inputs.topic as string };
    const verdicts = policies
      .filter((policy) => refersTo(policy.descriptor.inputs.queueUrl, queue) || (url !== undefined && policy.descriptor.inputs.queueUrl === url))
      .map((policy) => policyAllowsSend(resolveValue(policy.descriptor.inputs.policy, values), request));
    if (verdicts.some((verdict) => verdict !== "denies")) continue;
    notices.push(noticeOf(node, queue, verdicts.length > 0));
  }
  return notices;
}

function refersTo(value: unknown, node: ProgramNode): boolean {
  return resourcesOf(value).has(node.resource);
}

function noticeOf(subscription: ProgramNode, queue: ProgramNode, hasPolicy: boolean): string {
  const { name, declaredAt } = subscription.descriptor;
  const where = `${declaredAt ? `${declaredAt}: ` : ""}${describeResource(TYPES.topicSubscription, name)}`;
  const why = hasPolicy
    ? "its QueuePolicy does not let sns.amazonaws.com send to it for this topic"
    : "no QueuePolicy of the program lets sns.amazonaws.com send to it";
  return (
    `${where}: SNS will not deliver to ${describeResource(TYPES.queue, queue.descriptor.name)}: ${why}\n` +
    `hint: subscribe with topic.subscribeQueue("${name}", queue), which adds that statement to the queue's policy, or allow sqs:SendMessage for the principal sns.amazonaws.com with the condition ArnEquals aws:SourceArn = the topic's ARN in the queue's QueuePolicy`
  );
}
