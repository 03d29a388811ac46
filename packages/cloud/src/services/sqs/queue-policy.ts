// A queue's access policy (its Policy attribute) as SQS evaluates it for a
// service that sends on a resource's behalf (an SNS topic delivering to its
// sqs subscriptions): some Allow statement matches the principal, the
// action, the queue and every condition, and no Deny statement does. Only
// the condition keys such a request carries are known (aws:SourceArn,
// aws:SourceAccount); a statement that asks for others does not match.

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/** What is asked: `principal` (a service) sending to `queueArn` for `sourceArn`. */
export interface SendRequest {
  principal: string;
  queueArn: string;
  sourceArn: string;
}

/** True when the policy text allows the request; no policy (or an unreadable one) allows nothing. */
export function policyAllowsSend(policyText: string | undefined, request: SendRequest): boolean {
  if (policyText === undefined || policyText === "") return false;
  let statements: Statement[];
  try {
    const policy = JSON.parse(policyText) as { Statement?: Statement | Statement[] };
    statements = Array.isArray(policy.Statement) ? policy.Statement : policy.Statement === undefined ? [] : [policy.Statement];
  } catch {
    return false;
  }
  const matching = statements.filter((statement) => statementMatches(statement, request));
  return matching.some((statement) => statement.Effect === "Allow") && !matching.some((statement) => statement.Effect === "Deny");
}

function statementMatches(statement: Statement, request: SendRequest): boolean {
  return (
    principalMatches(statement.Principal, request.principal) &&
    listOf(statement.Action).some((action) => globMatches(action.toLowerCase(), "sqs:sendmessage")) &&
    (statement.Resource === undefined || listOf(statement.Resource).some((resource) => globMatches(resource, request.queueArn))) &&
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
  ArnLike: (actual, wanted) => globMatches(wanted, actual),
  StringEquals: (actual, wanted) => actual === wanted,
  StringLike: (actual, wanted) => globMatches(wanted, actual),
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
function globMatches(pattern: string, value: string): boolean {
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
