// The STS service (query protocol): GetCallerIdentity names the local
// account (what the engine reads to build ARNs), and AssumeRole hands out
// temporary credentials for any existing role. Credentials are not checked
// anywhere in the local cloud, so these are well-formed tokens and no more.
import { randomBytes } from "node:crypto";
import { AwsError } from "../../errors.js";
import { queryResponse, readQueryParams, type QueryParams, type XmlValue } from "../../protocols/query.js";
import type { AwsRequest, AwsResponse } from "../../server/aws-request.js";
import { ACCOUNT_ID, type CloudContext, type Service } from "../service.js";

const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

export function createStsService(context: CloudContext): Service {
  return {
    name: "sts",
    protocol: "query",
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const params = await readQueryParams(request);
      switch (params.action) {
        case "GetCallerIdentity":
          return queryResponse(params.action, NAMESPACE, { UserId: ACCOUNT_ID, Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:root` });
        case "AssumeRole":
          return queryResponse(params.action, NAMESPACE, assumeRole(params, context.clock.now()));
        default:
          throw new AwsError("InvalidAction", `Could not find operation ${params.action} for version 2011-06-15`, 400);
      }
    },
  };
}

function assumeRole(params: QueryParams, now: number): Record<string, XmlValue> {
  const roleArn = params.required("RoleArn");
  const session = params.required("RoleSessionName");
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  if (match === null) throw new AwsError("ValidationError", `${roleArn} is invalid`, 400);
  if (!/^[\w+=,.@-]{2,64}$/.test(session)) {
    throw new AwsError(
      "ValidationError",
      `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      400,
    );
  }
  const seconds = params.integer("DurationSeconds", 3600);
  return {
    Credentials: {
      AccessKeyId: `ASIA${token(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`,
      SecretAccessKey: randomBytes(30).toString("base64"),
      SessionToken: randomBytes(96).toString("base64"),
      Expiration: new Date(now + seconds * 1000),
    },
    AssumedRoleUser: {
      AssumedRoleId: `AROA${token(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}:${session}`,
      Arn: `arn:aws:sts::${match[1]}:assumed-role/${match[2]}/${session}`,
    },
    PackedPolicySize: params.get("Policy") === undefined ? undefined : 6,
  };
}

function token(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}
