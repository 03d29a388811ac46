// S3's XML bodies: answers built as strings (fast, and in the element order
// AWS uses), request bodies parsed into plain objects, dates and ETags in
// S3's formats, and the URL encoding of `encoding-type=url` listings.
import { AwsError } from "../../errors.js";
import { escapeXml, parseXml } from "../../protocols/xml.js";
import type { AwsResponse } from "../../server/aws-request.js";
import { malformedXml } from "./s3-errors.js";

const NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** An XML answer with S3's namespace on its root element. */
export function xmlResponse(root: string, inner: string, headers: Record<string, string> = {}): AwsResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NAMESPACE}">${inner}</${root}>`;
  return { status: 200, headers: { "content-type": "application/xml", ...headers }, body };
}

/**
 * `<name>text</name>`, escaping XML's specials and the control characters
 * XML 1.0 cannot carry as text (a key may hold them), as character references.
 */
export function element(name: string, text: string | number | boolean): string {
  const escaped = escapeXml(String(text)).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (char) => `&#x${char.charCodeAt(0).toString(16)};`);
  return `<${name}>${escaped}</${name}>`;
}

/** `<name>text</name>` when text is defined, else nothing. */
export function optionalElement(name: string, text: string | number | boolean | undefined): string {
  return text === undefined ? "" : element(name, text);
}

/** ISO 8601 with milliseconds, as S3 writes LastModified in XML. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** RFC 7231 date, as S3 writes Last-Modified headers. */
export function httpTime(ms: number): string {
  return new Date(ms).toUTCString();
}

export function quoteEtag(etag: string): string {
  return `"${etag}"`;
}

/** An ETag as a client sends it (quoted or not, maybe weak) to the bare hex S3 stores. */
export function unquoteEtag(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, "")
    .replace(/^"(.*)"$/, "$1");
}

/**
 * Percent-encoding for `encoding-type=url` answers: what botocore decodes
 * with unquote_plus, so a space becomes `+` and `/` stays readable.
 */
export function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, "/").replace(/%20/g, "+");
}

/** Parses a request body as XML, answering MalformedXML as S3 does for anything unreadable. */
export function parseXmlBody(body: Buffer): Record<string, unknown> {
  try {
    const parsed = parseXml(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) throw malformedXml();
    return parsed;
  } catch (error) {
    if (error instanceof AwsError) throw error;
    throw malformedXml();
  }
}

/** A child element's text, or undefined; objects (nested elements) are not text. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A child element as an object (an empty element parses as ""), or undefined. */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  if (value === "") return {};
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
