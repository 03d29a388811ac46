// The request and response every service handles: the parts of an HTTP
// request an AWS protocol reads, decoded once by the server, and a response a
// service returns instead of writing to the socket itself (so the server
// alone owns status lines, keep-alive and errors of the transport).
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Http2ServerRequest } from "node:http2";
import type { Readable } from "node:stream";

/** The AWS services the daemon answers, by the name in SigV4's credential scope. */
export type ServiceName = "s3" | "lambda" | "iam" | "sts" | "logs" | "sqs" | "sns" | "dynamodb" | "kinesis" | "events" | "apigateway";

export interface AwsRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query. */
  readonly rawPath: string;
  /** Query parameters, decoded; a repeated name keeps its first value (AWS APIs never repeat one). */
  readonly query: ReadonlyMap<string, string>;
  /** As HTTP/1.1 has them, also for an HTTP/2 request: no pseudo-headers, `host` from `:authority`. */
  readonly headers: IncomingHttpHeaders;
  /** From the SigV4 credential scope, or "us-east-1" for an unsigned request. */
  readonly region: string;
  /** The access key id of the signature, or undefined for an unsigned request. */
  readonly accessKeyId: string | undefined;
  /** The Host header (HTTP/2: `:authority`), lower-cased, without the port. */
  readonly hostname: string;
  /**
   * The request body as a stream (an HTTP/1.1 or HTTP/2 request); read it at
   * most once, or use {@link AwsRequest.body}. A body cut short errors with
   * code ECONNRESET, whichever the protocol.
   */
  readonly stream: IncomingMessage | Http2ServerRequest;
  /** Reads the whole body (cached; at most `limit` bytes, default 64 MiB, or an AwsError 413). */
  body(limit?: number): Promise<Buffer>;
}

/** What a service answers. `body` may be a stream (S3 GetObject), which the server pipes. */
export interface AwsResponse {
  status: number;
  headers?: Record<string, string | number | string[]>;
  body?: string | Buffer | Readable;
}
