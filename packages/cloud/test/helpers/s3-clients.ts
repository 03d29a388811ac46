// S3 clients pointed at a daemon the way users configure them for the local
// cloud: path-style, or virtual-hosted (`<bucket>.localhost:<port>`, which
// this machine's resolver may not know, so the client's agent resolves
// `*.localhost` to 127.0.0.1 itself: the SDK still builds and sends the
// virtual-hosted request). No retries: a test sees the daemon's first answer.
import { Agent } from "node:http";
import { lookup as dnsLookup, type LookupAddress, type LookupOneOptions } from "node:dns";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

export const TEST_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export interface S3ClientOptions {
  /** Virtual-hosted style (bucket in the Host header) instead of path style. */
  virtualHosted?: boolean;
  region?: string;
  extra?: Partial<S3ClientConfig>;
}

export function s3Client(endpoint: string, options: S3ClientOptions = {}): S3Client {
  const config: S3ClientConfig = {
    endpoint: options.virtualHosted ? endpoint.replace("127.0.0.1", "localhost") : endpoint,
    region: options.region ?? "us-east-1",
    credentials: TEST_CREDENTIALS,
    forcePathStyle: !options.virtualHosted,
    maxAttempts: 1,
    ...options.extra,
  };
  if (options.virtualHosted) config.requestHandler = { httpAgent: new Agent({ keepAlive: true, lookup: lookupLocalhost } as object) };
  return new S3Client(config);
}

// `<anything>.localhost` is loopback (RFC 6761); everything else as usual.
function lookupLocalhost(
  hostname: string,
  options: LookupOneOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  if (hostname === "localhost" || hostname.endsWith(".localhost")) {
    if ((options as { all?: boolean }).all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
    else callback(null, "127.0.0.1", 4);
    return;
  }
  dnsLookup(hostname, options, callback);
}
