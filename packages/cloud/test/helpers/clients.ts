// AWS clients pointed at a daemon, configured as users configure them for the
// local cloud: its endpoint, any region, the test/test credentials; and the
// `aws` CLI (v1) run as a child process with the same settings.
import { execFile } from "node:child_process";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { IAMClient } from "@aws-sdk/client-iam";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { STSClient } from "@aws-sdk/client-sts";

const credentials = { accessKeyId: "test", secretAccessKey: "test" };

export interface Clients {
  iam: IAMClient;
  sts: STSClient;
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
  destroy(): void;
}

export function clientsFor(endpoint: string): Clients {
  // No retries: a test sees the daemon's first answer, not a retried one.
  const config = { endpoint, region: "us-east-1", credentials, maxAttempts: 1 };
  const clients = { iam: new IAMClient(config), sts: new STSClient(config), lambda: new LambdaClient(config), logs: new CloudWatchLogsClient(config) };
  return { ...clients, destroy: () => Object.values(clients).forEach((client) => client.destroy()) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aws --endpoint-url <endpoint> <args>` with the test credentials. */
export function awsCli(endpoint: string, args: string[], cwd?: string): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
  };
  return new Promise((resolve) => {
    execFile("aws", ["--endpoint-url", endpoint, ...args], { env, cwd, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

export const LAMBDA_TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
