// How a function's resource policy is evaluated when a service asks whether
// it may send events (LambdaTarget.allowsInvoke): principal, action, and the
// SourceArn / SourceAccount conditions AddPermission writes. One table: the
// statement AddPermission would build, the caller, the answer.
import { describe, expect, it } from "vitest";
import { allowsInvoke, buildStatement, type PermissionInput } from "../src/services/lambda/permissions.js";

const FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:f";
const S3 = "s3.amazonaws.com";

const cases: Array<[string, PermissionInput, [principal: string, sourceArn: string, sourceAccount: string], boolean]> = [
  ["policy: the service with no conditions", { Principal: S3 }, [S3, "arn:aws:s3:::any", "000000000000"], true],
  ["policy: another service", { Principal: "sns.amazonaws.com" }, [S3, "arn:aws:s3:::docs", "000000000000"], false],
  ["policy: any principal", { Principal: "*" }, [S3, "arn:aws:s3:::docs", "000000000000"], true],
  ["policy: the source ARN matches", { Principal: S3, SourceArn: "arn:aws:s3:::docs" }, [S3, "arn:aws:s3:::docs", "000000000000"], true],
  ["policy: another bucket", { Principal: S3, SourceArn: "arn:aws:s3:::docs" }, [S3, "arn:aws:s3:::docs2", "000000000000"], false],
  ["policy: a wildcard source ARN", { Principal: S3, SourceArn: "arn:aws:s3:::docs-*" }, [S3, "arn:aws:s3:::docs-4f64efc", "000000000000"], true],
  ["policy: the source account matches", { Principal: S3, SourceAccount: "000000000000" }, [S3, "arn:aws:s3:::docs", "000000000000"], true],
  ["policy: another source account", { Principal: S3, SourceAccount: "111111111111" }, [S3, "arn:aws:s3:::docs", "000000000000"], false],
  ["policy: an action other than invoke", { Principal: S3, Action: "lambda:GetFunction" }, [S3, "arn:aws:s3:::docs", "000000000000"], false],
  ["policy: lambda:* covers invoke", { Principal: S3, Action: "lambda:*" }, [S3, "arn:aws:s3:::docs", "000000000000"], true],
];

describe("resource policy", () => {
  it.each(cases)("%s", (_name, input, [principal, sourceArn, sourceAccount], expected) => {
    const statement = buildStatement({ StatementId: "sid", Action: "lambda:InvokeFunction", ...input }, FUNCTION);
    expect(allowsInvoke([statement], principal, sourceArn, sourceAccount)).toBe(expected);
  });

  it("policy: no statements allow nothing", () => {
    expect(allowsInvoke([], S3, "arn:aws:s3:::docs", "000000000000")).toBe(false);
  });
});
