// The IAM policy a deploying user needs, derived from the source: every
// `<X>Command` the provider's and engine's modules name, resolved to the
// @aws-sdk client that exports it (the client factories of provider/sdk.ts
// the same file uses break ties, e.g. TagResource), then mapped to the IAM
// actions AWS checks for that call. A new module's calls join the policy
// without anyone listing them; a call whose action differs from its name
// is in ACTIONS below.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const SRC = new URL("../../src/", import.meta.url).pathname;

/** IAM's service prefix of each client package. */
const PREFIX: Record<string, string> = {
  "@aws-sdk/client-s3": "s3",
  "@aws-sdk/client-lambda": "lambda",
  "@aws-sdk/client-iam": "iam",
  "@aws-sdk/client-sts": "sts",
  "@aws-sdk/client-cloudwatch-logs": "logs",
  "@aws-sdk/client-sqs": "sqs",
  "@aws-sdk/client-sns": "sns",
  "@aws-sdk/client-dynamodb": "dynamodb",
  "@aws-sdk/client-dynamodb-streams": "dynamodb",
  "@aws-sdk/client-kinesis": "kinesis",
  "@aws-sdk/client-eventbridge": "events",
  "@aws-sdk/client-api-gateway": "apigateway",
  "@aws-sdk/client-apigatewayv2": "apigateway",
};

/** Calls whose IAM actions are not `<prefix>:<operation>` (from the AWS Service Authorization Reference). */
const ACTIONS: Record<string, string[]> = {
  "s3:HeadBucket": ["s3:ListBucket"],
  "s3:ListObjectsV2": ["s3:ListBucket"],
  "s3:ListObjectVersions": ["s3:ListBucketVersions"],
  "s3:DeleteObjects": ["s3:DeleteObject", "s3:DeleteObjectVersion"],
  "s3:GetBucketNotificationConfiguration": ["s3:GetBucketNotification"],
  "s3:PutBucketNotificationConfiguration": ["s3:PutBucketNotification"],
  // Creating or reconfiguring a function hands it its role.
  "lambda:CreateFunction": ["lambda:CreateFunction", "iam:PassRole"],
  "lambda:UpdateFunctionConfiguration": ["lambda:UpdateFunctionConfiguration", "iam:PassRole"],
  // Needs no permission: it answers who the caller is.
  "sts:GetCallerIdentity": [],
};

export interface DeployCall {
  /** The client package. */
  client: string;
  operation: string;
  /** The module(s) that make it, relative to src/. */
  files: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file))
    .sort();
}

/** The client factories of provider/sdk.ts: `s3Api` -> `@aws-sdk/client-s3`. */
function factories(): Map<string, string> {
  const text = readFileSync(join(SRC, "provider", "sdk.ts"), "utf8");
  return new Map([...text.matchAll(/export const (\w+) = \(\)[^;]*?load\("(@aws-sdk\/client-[\w-]+)"\)/g)].map((m) => [m[1]!, m[2]!]));
}

/** Every AWS call the modules under src/ can make. */
export function deployCalls(): DeployCall[] {
  const byFactory = factories();
  const exported = new Map([...new Set(byFactory.values())].map((pkg) => [pkg, require(pkg) as Record<string, unknown>]));
  const calls = new Map<string, DeployCall>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const used = [...byFactory].filter(([factory]) => text.includes(`${factory}()`)).map(([, pkg]) => pkg);
    for (const [, operation] of text.matchAll(/\b([A-Z]\w+)Command\b/g)) {
      const owners = used.filter((pkg) => typeof exported.get(pkg)![`${operation!}Command`] === "function");
      for (const client of owners) {
        const key = `${client} ${operation!}`;
        const call = calls.get(key) ?? { client, operation: operation!, files: [] };
        const relative = file.slice(SRC.length);
        if (!call.files.includes(relative)) call.files.push(relative);
        calls.set(key, call);
      }
    }
  }
  return [...calls.values()].sort((a, b) => `${a.client} ${a.operation}`.localeCompare(`${b.client} ${b.operation}`));
}

/** The IAM actions one call needs. */
export function actionsOf(call: DeployCall): string[] {
  const prefix = PREFIX[call.client];
  if (prefix === undefined) throw new Error(`deploy-policy.ts: no IAM prefix for ${call.client}: add it to PREFIX`);
  if (prefix === "apigateway") {
    // API Gateway's management actions are its HTTP methods.
    const command = (require(call.client) as Record<string, new (input: object) => { schema: unknown[] }>)[`${call.operation}Command`]!;
    const http = (new command({}).schema[3] as { http: [string] }).http[0];
    return [`apigateway:${http}`];
  }
  return ACTIONS[`${prefix}:${call.operation}`] ?? [`${prefix}:${call.operation}`];
}

/** The deploying user's policy: every action of every call, sorted. */
export function deployPolicy(calls: readonly DeployCall[] = deployCalls()): object {
  const actions = [...new Set(calls.flatMap(actionsOf))].sort();
  const passRole = actions.includes("iam:PassRole");
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ClosurePackDeploy", Effect: "Allow", Action: actions.filter((a) => a !== "iam:PassRole"), Resource: "*" },
      ...(passRole
        ? [
            {
              Sid: "PassRolesToLambda",
              Effect: "Allow",
              Action: "iam:PassRole",
              Resource: "*",
              Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } },
            },
          ]
        : []),
    ],
  };
}
