// What the client gets from a Lambda proxy integration's answer, as API
// Gateway maps it. Payload 2.0: an object with statusCode is a response
// (headers, cookies as Set-Cookie, body, isBase64Encoded); anything else
// (a string, an object without statusCode, a number) is a 200 JSON response
// whose body is that value. Payload 1.0: statusCode, headers and
// multiValueHeaders, body; REST APIs refuse unknown members and decode
// base64 only for the API's binary media types. A malformed answer is
// undefined: the caller answers 502.
import { matchesMediaType } from "./proxy-events.js";

export interface GatewayResponse {
  status: number;
  /** Name and value, one entry per header line (Set-Cookie repeats). */
  headers: Array<[string, string]>;
  body: Buffer;
}

type Json = Record<string, unknown>;

const V1_MEMBERS = new Set(["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded", "base64Encoded", "cookies"]);
// The transport's own headers are the gateway's to write, not the function's.
const HOP_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);

export function responseV2(payload: string): GatewayResponse | undefined {
  const value = parse(payload);
  if (!isObject(value) || !("statusCode" in value)) {
    // The inferred format: the function's value is the body of a 200 JSON response.
    const body = typeof value === "string" ? value : payload;
    return { status: 200, headers: [["content-type", "application/json"]], body: Buffer.from(body) };
  }
  const status = statusOf(value.statusCode);
  const headers = singleHeaders(value.headers);
  const cookies = value.cookies ?? [];
  if (status === undefined || headers === undefined || !Array.isArray(cookies) || cookies.some((c) => typeof c !== "string")) return undefined;
  const body = bodyOf(value.body, value.isBase64Encoded === true);
  if (body === undefined || !isFlag(value.isBase64Encoded)) return undefined;
  for (const cookie of cookies as string[]) headers.push(["set-cookie", cookie]);
  return { status, headers: withContentType(headers), body };
}

export interface V1Options {
  /** REST APIs are strict about members and decode base64 by media type. */
  rest: boolean;
  binaryMediaTypes: readonly string[];
  /** The request's Accept header. */
  accept: string | undefined;
}

export function responseV1(payload: string, options: V1Options): GatewayResponse | undefined {
  const value = parse(payload);
  if (!isObject(value)) return undefined;
  if (options.rest && Object.keys(value).some((key) => !V1_MEMBERS.has(key) || key === "cookies")) return undefined;
  const status = statusOf(value.statusCode);
  const single = singleHeaders(value.headers);
  const multi = multiHeaders(value.multiValueHeaders);
  if (status === undefined || single === undefined || multi === undefined) return undefined;
  const flag = options.rest && value.base64Encoded !== undefined ? value.base64Encoded : value.isBase64Encoded;
  const encoded = flag === true || flag === "true";
  if (!isFlag(flag) && flag !== "true" && flag !== "false") return undefined;
  // Both lists, a pair given in both only once (as API Gateway merges them).
  const headers = withContentType([...multi, ...single.filter(([name, v]) => !multi.some(([n, mv]) => n.toLowerCase() === name.toLowerCase() && mv === v))]);
  const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
  const decode = encoded && (!options.rest || isBinaryType(options, contentType));
  const body = bodyOf(value.body, decode);
  return body === undefined ? undefined : { status, headers, body };
}

function isBinaryType(options: V1Options, contentType: string): boolean {
  const types = [contentType, ...(options.accept ?? "").split(",")].map((type) => type.split(";")[0]!.trim().toLowerCase());
  return types.some((type) => matchesMediaType(options.binaryMediaTypes, type));
}

function parse(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isFlag(value: unknown): boolean {
  return value === undefined || value === null || typeof value === "boolean";
}

function statusOf(value: unknown): number | undefined {
  const status = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function scalar(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function singleHeaders(value: unknown): Array<[string, string]> | undefined {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) return undefined;
  const headers: Array<[string, string]> = [];
  for (const [name, item] of Object.entries(value)) {
    const text = scalar(item);
    if (text === undefined) return undefined;
    if (!HOP_HEADERS.has(name.toLowerCase())) headers.push([name, text]);
  }
  return headers;
}

function multiHeaders(value: unknown): Array<[string, string]> | undefined {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) return undefined;
  const headers: Array<[string, string]> = [];
  for (const [name, items] of Object.entries(value)) {
    if (!Array.isArray(items)) return undefined;
    for (const item of items) {
      const text = scalar(item);
      if (text === undefined) return undefined;
      if (!HOP_HEADERS.has(name.toLowerCase())) headers.push([name, text]);
    }
  }
  return headers;
}

function bodyOf(value: unknown, base64: boolean): Buffer | undefined {
  if (value === undefined || value === null) return Buffer.alloc(0);
  if (typeof value !== "string") return undefined;
  return Buffer.from(value, base64 ? "base64" : "utf8");
}

function withContentType(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.some(([name]) => name.toLowerCase() === "content-type") ? headers : [...headers, ["content-type", "application/json"]];
}
