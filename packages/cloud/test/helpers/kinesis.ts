// Kinesis for tests: a client pointed at a daemon (no retries: a test sees
// the daemon's first answer) over HTTP/1.1, the protocol the aws CLI uses.
// The SDK's default, HTTP/2, is tested in http2.test.ts.
import { KinesisClient } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";

export function kinesisClient(endpoint: string): KinesisClient {
  return new KinesisClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
  });
}
