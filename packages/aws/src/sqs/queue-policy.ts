// sqs.QueuePolicy: a queue's access policy, its one Policy attribute (SNS
// delivers to a queue only when it allows the topic). Its physical id is the
// queue's URL; another queue replaces it. A queue has one policy, so a second
// QueuePolicy of the same queue is refused when declared (two would overwrite
// each other on every up); topic.subscribeQueue adds its statements to the
// queue's one policy (statementsOf). A document SQS would refuse is refused
// when the program loads, or when a policy known only from outputs resolves.
import { checkObject, invalidArgument } from "../core/check.js";
import { callSite } from "../core/call-site.js";
import { isOutput, isPlainObject, type Input, type Output } from "../core/output.js";
import { descriptorOf, registry } from "../core/registry.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import { AwsError, describeResource } from "../errors.js";
import { policyProblem, type PolicyDocument, type PolicyStatement } from "./policy-document.js";

export interface QueuePolicyArgs {
  /** The queue's URL (e.g. `queue.url`). */
  queueUrl: Input<string>;
  /** The policy document: an object (outputs allowed inside) or its JSON text. */
  policy: Input<string> | PolicyDocument;
}

export class QueuePolicy extends Resource {
  readonly queueUrl: Output<string>;
  /** The policy as SQS holds it (JSON text). */
  readonly policy: Output<string>;

  constructor(name: string, args: QueuePolicyArgs, options: ResourceOptions = {}) {
    const read = (options as { readId?: unknown }).readId !== undefined;
    super(TYPES.queuePolicy, name, read ? {} : policyInputs(name, args), options, ["queueUrl", "policy"]);
    this.queueUrl = this.output("queueUrl");
    this.policy = this.output("policy");
  }

  /** The policy of the existing queue with this URL, read and never changed. */
  static get(name: string, id: Input<string>): QueuePolicy {
    return new QueuePolicy(name, { queueUrl: "", policy: "" }, { readId: id } as ResourceOptions);
  }
}

function policyInputs(name: string, args: QueuePolicyArgs): Record<string, unknown> {
  const type = TYPES.queuePolicy;
  const given = checkObject(type, name, args) as Partial<QueuePolicyArgs>;
  if (given.queueUrl === undefined) throw invalidArgument(type, name, `"queueUrl" is required`, "queueUrl: queue.url");
  if (typeof given.queueUrl !== "string" && !isOutput(given.queueUrl))
    throw invalidArgument(type, name, `"queueUrl" must be a string, got ${JSON.stringify(given.queueUrl)}`, "queueUrl: queue.url");
  if (given.policy === undefined) throw invalidArgument(type, name, `"policy" is required`);
  const other = policyOfQueue(given.queueUrl);
  if (other !== undefined) {
    const first = descriptorOf(other)!;
    throw invalidArgument(
      type,
      name,
      `the queue already has ${describeResource(first.type, first.name)}${first.declaredAt ? ` (declared at ${first.declaredAt})` : ""}: a queue has one policy, and two would overwrite each other`,
      "put every statement in one QueuePolicy",
    );
  }
  const where = `${callSite() ? `${callSite()}: ` : ""}${describeResource(type, name)}`;
  const check = (policy: unknown) => {
    const found = policyProblem(policy);
    if (found !== undefined) throw new AwsError("INVALID_ARGUMENT", where, found.problem, { hint: found.hint });
    return policy;
  };
  // Known parts are checked now; a policy that is an output is checked when the plan resolves it.
  if (isOutput(given.policy)) return { queueUrl: given.queueUrl, policy: given.policy.apply(check) };
  check(given.policy);
  if (typeof given.policy === "string") return { queueUrl: given.queueUrl, policy: given.policy };
  const { Statement, ...rest } = given.policy as PolicyDocument;
  return { queueUrl: given.queueUrl, policy: { ...rest, Statement: Array.isArray(Statement) ? [...Statement] : [Statement] } };
}

/** The QueuePolicy the program declared for this queue URL (the same output, or the same text), if any. */
export function policyOfQueue(queueUrl: unknown): QueuePolicy | undefined {
  return registry().resources.find((resource) => {
    const descriptor = descriptorOf(resource)!;
    return descriptor.type === TYPES.queuePolicy && descriptor.readId === undefined && descriptor.inputs.queueUrl === queueUrl;
  }) as QueuePolicy | undefined;
}

/**
 * The statement list of a policy given as a document, which topic.subscribeQueue
 * adds to; undefined for a policy given as text or as an output (it cannot be added to).
 */
export function statementsOf(policy: QueuePolicy): PolicyStatement[] | undefined {
  const document = descriptorOf(policy)!.inputs.policy;
  return isPlainObject(document) && Array.isArray(document.Statement) ? (document.Statement as PolicyStatement[]) : undefined;
}
