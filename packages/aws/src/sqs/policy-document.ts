// A queue's access policy document: its shape (what the SDK accepts and
// checks when the program loads, as SQS would refuse it), and whether a
// document lets a service send to the queue for a source resource (the
// plan's notice about a topic that cannot deliver to its queue). Only the
// condition keys such a request carries are known: aws:SourceArn and
// aws:SourceAccount.
import { UNKNOWN } from "../core/brand.js";
import { containsUnknown, isOutput, type Input } from "../core/output.js";

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: "*" | { AWS?: Input<string> | Input<string>[]; Service?: string | string[] };
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: Input<string> | Input<string>[];
  Condition?: Record<string, Record<string, Input<string> | Input<string>[]>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** Why a known document is not one SQS takes, or undefined when it is (parts still unknown are not judged). */
export function policyProblem(policy: unknown): { problem: string; hint: string } | undefined {
  const shape = `{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queue.arn, Condition: { ArnEquals: { "aws:SourceArn": topic.arn } } }] }`;
  let document = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch {
      return {
        problem: `"policy" is not JSON: ${JSON.stringify(policy.length > 60 ? `${policy.slice(0, 60)}…` : policy)}`,
        hint: `give the document as an object, e.g. ${shape}`,
      };
    }
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { problem: `"policy" must be a policy document (an object with a Statement), got ${JSON.stringify(document)}`, hint: `e.g. ${shape}` };
  }
  const statement = (document as { Statement?: unknown }).Statement;
  if (isOutput(statement) || statement === UNKNOWN) return undefined;
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (list.length === 0) return { problem: `"policy" has no Statement: SQS refuses a policy that grants nothing`, hint: `e.g. ${shape}` };
  for (const [i, each] of list.entries()) {
    const problem = statementProblem(each);
    if (problem !== undefined) return { problem: `"policy" Statement[${i}]: ${problem}`, hint: `e.g. ${shape}` };
  }
  return undefined;
}

function statementProblem(statement: unknown): string | undefined {
  if (isOutput(statement) || statement === UNKNOWN) return undefined;
  if (typeof statement !== "object" || statement === null || Array.isArray(statement)) return `must be an object, got ${JSON.stringify(statement)}`;
  const { Effect, Principal, NotPrincipal, Action, NotAction } = statement as Record<string, unknown>;
  if (isOutput(Effect) || Effect === UNKNOWN) return undefined;
  if (Effect !== "Allow" && Effect !== "Deny") return `"Effect" must be "Allow" or "Deny", got ${JSON.stringify(Effect ?? null)}`;
  if (Principal === undefined && NotPrincipal === undefined)
    return `has no "Principal": a queue's policy names who may act on it (e.g. { Service: "sns.amazonaws.com" })`;
  if (Action === undefined && NotAction === undefined) return `has no "Action" (e.g. "sqs:SendMessage")`;
  return undefined;
}

/** A request a service makes on the queue's behalf of a source (SNS delivering for a topic). */
export interface SendRequest {
  principal: string;
  queueArn: string;
  sourceArn: string;
}

/**
 * "allows" when some Allow statement matches the request and no Deny does;
 * "unknown" when a value it depends on is known only after apply.
 */
export function policyAllowsSend(policy: unknown, request: SendRequest): "allows" | "denies" | "unknown" {
  if (containsUnknown(policy) || Object.values(request).includes(UNKNOWN as never)) return "unknown";
  let document = policy;
  try {
    if (typeof policy === "string") document = JSON.parse(policy);
  } catch {
    return "denies";
  }
  const statement = (document as { Statement?: unknown } | null)?.Statement;
  const list = (Array.isArray(statement) ? statement : statement === undefined ? [] : [statement]) as Array<Record<string, unknown>>;
  const matching = list.filter((each) => typeof each === "object" && each !== null && statementMatches(each, request));
  return matching.some((each) => each.Effect === "Allow") && !matching.some((each) => each.Effect === "Deny") ? "allows" : "denies";
}

function statementMatches(statement: Record<string, unknown>, request: SendRequest): boolean {
  const resources = statement.Resource === undefined ? ["*"] : listOf(statement.Resource);
  return (
    principalMatches(statement.Principal, request.principal) &&
    listOf(statement.Action).some((action) => matchesGlob(action.toLowerCase(), "sqs:sendmessage")) &&
    resources.some((resource) => matchesGlob(resource, request.queueArn)) &&
    conditionsHold(statement.Condition, request)
  );
}

function principalMatches(principal: unknown, service: string): boolean {
  if (principal === "*") return true;
  if (typeof principal !== "object" || principal === null) return false;
  const { AWS, Service } = principal as { AWS?: unknown; Service?: unknown };
  return listOf(AWS).includes("*") || listOf(Service).includes(service);
}

const OPERATORS: Readonly<Record<string, (actual: string, wanted: string) => boolean>> = {
  ArnEquals: (actual, wanted) => actual === wanted,
  ArnLike: (actual, wanted) => matchesGlob(wanted, actual),
  StringEquals: (actual, wanted) => actual === wanted,
  StringLike: (actual, wanted) => matchesGlob(wanted, actual),
};

function conditionsHold(condition: unknown, request: SendRequest): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== "object" || condition === null) return false;
  const context: Record<string, string> = { "aws:sourcearn": request.sourceArn, "aws:sourceaccount": request.sourceArn.split(":")[4] ?? "" };
  return Object.entries(condition as Record<string, unknown>).every(([operator, keys]) => {
    const compare = OPERATORS[operator];
    if (compare === undefined || typeof keys !== "object" || keys === null) return false;
    return Object.entries(keys as Record<string, unknown>).every(([key, wanted]) => {
      const actual = context[key.toLowerCase()];
      return actual !== undefined && listOf(wanted).some((value) => compare(actual, value));
    });
  });
}

/** IAM's wildcards: `*` any run of characters, `?` one character. */
function matchesGlob(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "s").test(value);
}

function listOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
