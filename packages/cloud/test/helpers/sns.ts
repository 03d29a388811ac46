// An SNS client pointed at a daemon, configured as users configure it for the local cloud.
import { SNSClient } from "@aws-sdk/client-sns";

export function snsClient(endpoint: string): SNSClient {
  return new SNSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}
