// The IAM policy documents the SDK writes itself: the trust policy that lets
// Lambda assume a function's role, and the least-privilege logging policy
// (a function writes its own log group and nothing else).
import { contextOutput, interpolate, isOutput, type Output } from "../core/output.js";

export const LAMBDA_ASSUME_ROLE_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

/** logs:CreateLogGroup on the function's log group, CreateLogStream and PutLogEvents on its streams. */
export function functionLoggingPolicy(functionName: Output<string>): Output<string> {
  const region = contextOutput("region");
  const account = contextOutput("accountId");
  const group = interpolate`arn:aws:logs:${region}:${account}:log-group:/aws/lambda/${functionName}`;
  return group.apply((arn) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "logs:CreateLogGroup", Resource: `${arn}:*` },
        { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:log-stream:*` },
      ],
    }),
  );
}

/** A policy given as an object is stored and sent as JSON text. */
export function policyText(policy: unknown): unknown {
  return typeof policy === "object" && policy !== null && !isOutput(policy) ? JSON.stringify(policy) : policy;
}
