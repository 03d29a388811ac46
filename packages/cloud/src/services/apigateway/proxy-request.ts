// A client's request to an API as the proxy events need it: method, raw path
// and query as sent, headers in the order and case they came (node's
// rawHeaders: repeated headers stay apart), the body's bytes, the client's
// address; and the query string split as API Gateway splits it.
import type { IncomingMessage } from "node:http";

export interface ProxyRequest {
  method: string;
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  /** The query string as sent, without `?` ("" when none). */
  rawQuery: string;
  /** Header name (as sent) and value, one entry per header line. */
  headers: Array<[string, string]>;
  body: Buffer;
  sourceIp: string;
  protocol: string;
}

/** Reads the whole request; undefined when the body is over `limit` bytes. */
export async function readProxyRequest(incoming: IncomingMessage, limit: number): Promise<ProxyRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Most API requests (GETs) have no body: no stream to wait on.
  const hasBody = incoming.headers["content-length"] !== undefined || incoming.headers["transfer-encoding"] !== undefined;
  for await (const chunk of hasBody ? incoming : []) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  const url = incoming.url ?? "/";
  const mark = url.indexOf("?");
  const headers: Array<[string, string]> = [];
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) headers.push([incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!]);
  return {
    method: incoming.method ?? "GET",
    rawPath: mark === -1 ? url : url.slice(0, mark),
    rawQuery: mark === -1 ? "" : url.slice(mark + 1),
    headers,
    body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
    sourceIp: (incoming.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, ""),
    protocol: `HTTP/${incoming.httpVersion}`,
  };
}

/** The value of the first header named `name` (case-insensitive), if any. */
export function headerValue(request: ProxyRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** Query parameters in order, each value decoded (`+` is a space, as in forms). */
export function queryValues(rawQuery: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  if (rawQuery === "") return values;
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? "" : decodeComponent(pair.slice(equals + 1));
    const list = values.get(name);
    if (list === undefined) values.set(name, [value]);
    else list.push(value);
  }
  return values;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

/** The request's headers grouped by name (`lower` lower-cases the names), values in order. */
export function groupHeaders(request: ProxyRequest, lower: boolean): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of request.headers) {
    const key = lower ? name.toLowerCase() : name;
    const list = grouped.get(key);
    if (list === undefined) grouped.set(key, [value]);
    else list.push(value);
  }
  return grouped;
}
