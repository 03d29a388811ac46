// Where a stack deploys: only an endpoint, credentials and a region. The
// local cloud is http://127.0.0.1:<port> with test/test in us-east-1; AWS is
// the SDK's default chain (environment, profile, SSO; AWS_ENDPOINT_URL).
// The provider's code is the same for both.

export interface Target {
  kind: "local" | "aws";
  region: string;
  /** Undefined on AWS: the SDK's own endpoint resolution (and AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Undefined on AWS: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** A named profile of the shared config and credentials files (AWS only). */
  profile?: string;
  /** Attempts per call for errors AWS says to retry (retry-policy.ts); default DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

export const LOCAL_REGION = "us-east-1";
export const LOCAL_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export function localTarget(port: number): Target {
  return { kind: "local", region: LOCAL_REGION, endpoint: `http://127.0.0.1:${port}`, credentials: LOCAL_CREDENTIALS };
}

/** The name a state file records: a stack stays on the target it was made on. */
export function targetLabel(target: Target): string {
  return target.kind === "local" ? "local" : `aws:${target.region}`;
}
