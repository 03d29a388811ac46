// What differs between an HTTP/2 request and an HTTP/1.1 one, made alike
// for the services: the Host header (HTTP/2 clients send `:authority`),
// pseudo-headers, a stream the client reset, and the connection-specific
// response headers HTTP/2 forbids.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { Http2ServerRequest } from "node:http2";

// RFC 9113, section 8.2.2: a message with one of these is malformed; Node
// refuses to send it (ERR_HTTP2_INVALID_CONNECTION_HEADERS).
const CONNECTION_HEADERS = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"];

/**
 * The request's headers as an HTTP/1.1 request has them: no pseudo-headers
 * (`:method`, `:path`…, which S3 would otherwise read as fields), and `host`
 * from `:authority` (SigV4 signs it as `host`; S3 finds a virtual-hosted
 * bucket in it).
 */
export function http2Headers(raw: IncomingHttpHeaders): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const name of Object.keys(raw)) if (name.charCodeAt(0) !== 0x3a) headers[name] = raw[name];
  const authority = raw[":authority"];
  if (headers.host === undefined && typeof authority === "string") headers.host = authority;
  return headers;
}

/**
 * Makes a reset stream (RST_STREAM, or the connection lost) an error of the
 * request body, as an HTTP/1.1 body cut short is: Node's compatibility
 * request otherwise just ends, and a cut-off upload would read as complete.
 */
export function watchAbort(incoming: Http2ServerRequest): void {
  incoming.once("aborted", () => {
    if (!incoming.readableEnded) incoming.destroy(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
  });
}

/** The response headers without those HTTP/2 forbids (the stream's framing replaces them). */
export function withoutConnectionHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  for (const name of CONNECTION_HEADERS) if (name in headers) delete headers[name];
  return headers;
}
