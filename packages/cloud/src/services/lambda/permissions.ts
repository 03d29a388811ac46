// A function's resource policy: the statement AddPermission builds (as
// Lambda writes it, with SourceArn as ArnLike and SourceAccount as
// StringEquals conditions), and the evaluation other services ask for
// before sending events (S3 refuses a notification to a function that does
// not allow s3.amazonaws.com for that bucket).
import { AwsError } from "../../errors.js";
import { ACCOUNT_ID } from "../service.js";
import { validation } from "./function-config.js";
import type { PolicyStatement } from "./function-store.js";

export interface PermissionInput {
  StatementId?: unknown;
  Action?: unknown;
  Principal?: unknown;
  SourceArn?: unknown;
  SourceAccount?: unknown;
  PrincipalOrgID?: unknown;
  EventSourceToken?: unknown;
}

/** The statement AddPermission adds; throws on a malformed input. */
export function buildStatement(input: PermissionInput, resource: string): PolicyStatement {
  const sid = required(input.StatementId, "statementId", /^[a-zA-Z0-9-_.]{1,100}$/, "([a-zA-Z0-9-_.]+)");
  const action = required(input.Action, "action", /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/, "(lambda:[*]|lambda:[a-zA-Z]+|[*])");
  const principal = required(input.Principal, "principal", /^[^\s]+$/, "[^\\s]+");
  const statement: PolicyStatement = { Sid: sid, Effect: "Allow", Principal: principalOf(principal), Action: action, Resource: resource };
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceAccount !== undefined) condition.StringEquals = { "AWS:SourceAccount": String(input.SourceAccount) };
  if (input.PrincipalOrgID !== undefined) condition.StringEquals = { ...condition.StringEquals, "aws:PrincipalOrgID": String(input.PrincipalOrgID) };
  if (input.EventSourceToken !== undefined) condition.StringEquals = { ...condition.StringEquals, "lambda:EventSourceToken": String(input.EventSourceToken) };
  if (input.SourceArn !== undefined) condition.ArnLike = { "AWS:SourceArn": String(input.SourceArn) };
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return statement;
}

function principalOf(principal: string): PolicyStatement["Principal"] {
  if (principal === "*") return "*";
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith("arn:")) return { AWS: principal };
  return { Service: principal };
}

/** Adds `statement`, refusing a Sid already used, as Lambda does. */
export function addStatement(policy: PolicyStatement[], statement: PolicyStatement): PolicyStatement[] {
  if (policy.some((each) => each.Sid === statement.Sid)) {
    throw new AwsError(
      "ResourceConflictException",
      `The statement id (${statement.Sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      409,
    );
  }
  return [...policy, statement];
}

export function removeStatement(policy: PolicyStatement[], sid: string): PolicyStatement[] {
  if (!policy.some((each) => each.Sid === sid)) throw new AwsError("ResourceNotFoundException", `Statement ${sid} is not found in resource policy.`, 404);
  return policy.filter((each) => each.Sid !== sid);
}

/** The policy document GetPolicy returns (as text, as Lambda returns it). */
export function policyDocument(policy: PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: policy });
}

/**
 * True when some statement lets `principal` (a service, e.g.
 * s3.amazonaws.com) invoke the function for `sourceArn` from
 * `sourceAccount`: its action covers lambda:InvokeFunction, its principal is
 * that service or "*", and each of its conditions holds.
 */
export function allowsInvoke(policy: readonly PolicyStatement[], principal: string, sourceArn: string, sourceAccount: string): boolean {
  return policy.some((statement) => {
    if (!["lambda:InvokeFunction", "lambda:*", "*"].includes(statement.Action)) return false;
    const who = statement.Principal;
    if (who !== "*" && !(typeof who === "object" && "Service" in who && who.Service === principal)) return false;
    return conditionsHold(statement.Condition ?? {}, { "aws:sourcearn": sourceArn, "aws:sourceaccount": sourceAccount || ACCOUNT_ID });
  });
}

function conditionsHold(condition: Record<string, Record<string, string>>, context: Record<string, string>): boolean {
  for (const [operator, entries] of Object.entries(condition)) {
    for (const [key, expected] of Object.entries(entries)) {
      // Condition keys are case-insensitive in IAM.
      const actual = context[key.toLowerCase()];
      if (actual === undefined) return false;
      if (operator === "StringEquals" || operator === "ArnEquals") {
        if (actual !== expected) return false;
      } else if (operator === "ArnLike" || operator === "StringLike") {
        if (!globMatches(expected, actual)) return false;
      } else return false;
    }
  }
  return true;
}

/** IAM's wildcards: `*` any run of characters, `?` one character. */
function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(text);
}

function required(value: unknown, field: string, pattern: RegExp, shown: string): string {
  if (value === undefined || value === null) throw validation("null", field, "Member must not be null");
  const text = String(value);
  if (!pattern.test(text)) throw validation(`'${text}'`, field, `Member must satisfy regular expression pattern: ${shown}`);
  return text;
}
