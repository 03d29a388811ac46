// The AWS query protocol (IAM, STS, later SNS): a form-encoded request body
// (`Action=CreateRole&RoleName=…&Tags.member.1.Key=…`) and an XML answer
// `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…`.
// Reading the flattened list parameters and writing values as XML live here
// once; what each action means is its service's business.
import { randomUUID } from "node:crypto";
import { AwsError } from "../errors.js";
import type { AwsRequest, AwsResponse } from "../server/aws-request.js";
import { escapeXml } from "./xml.js";

/** The decoded parameters of one query request. */
export class QueryParams {
  readonly action: string;
  readonly #values: ReadonlyMap<string, string>;

  constructor(values: ReadonlyMap<string, string>) {
    this.#values = values;
    this.action = values.get("Action") ?? "";
  }

  /** A parameter's value, or undefined when absent. */
  get(name: string): string | undefined {
    return this.#values.get(name);
  }

  /** A parameter AWS requires: ValidationError when it is missing. */
  required(name: string): string {
    const value = this.#values.get(name);
    if (value === undefined || value === "") {
      throw new AwsError(
        "ValidationError",
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
        400,
      );
    }
    return value;
  }

  /** An integer parameter, or `fallback` when absent. */
  integer(name: string, fallback: number): number {
    const value = this.#values.get(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number))
      throw new AwsError("ValidationError", `Value '${value}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must be an integer`, 400);
    return number;
  }

  /** `Name.member.1`, `Name.member.2`, …: a list of strings. */
  list(name: string): string[] {
    const items: string[] = [];
    for (let index = 1; ; index++) {
      const value = this.#values.get(`${name}.member.${index}`);
      if (value === undefined) return items;
      items.push(value);
    }
  }

  /** `Name.member.1.Field`, …: a list of structures, each as its fields. */
  structList(name: string): Array<Record<string, string>> {
    const items: Array<Record<string, string>> = [];
    for (let index = 1; ; index++) {
      const prefix = `${name}.member.${index}.`;
      const item: Record<string, string> = {};
      for (const [key, value] of this.#values) if (key.startsWith(prefix)) item[key.slice(prefix.length)] = value;
      if (Object.keys(item).length === 0) return items;
      items.push(item);
    }
  }
}

/** Reads a query request from its form body (or, for a GET, its query string). */
export async function readQueryParams(request: AwsRequest): Promise<QueryParams> {
  const values = new Map<string, string>(request.query);
  const body = (await request.body(1024 * 1024)).toString("utf8");
  for (const [name, value] of new URLSearchParams(body)) values.set(name, value);
  return new QueryParams(values);
}

/** A value as the query protocol writes it: structures as elements, lists as `<member>`s (or an XmlList's own element). */
export type XmlValue = string | number | boolean | Date | undefined | XmlList | XmlValue[] | { [name: string]: XmlValue };

/** A list whose items are written as `<tag>` instead of `<member>` (SNS's attribute maps are `<entry>`s). */
export class XmlList {
  readonly tag: string;
  readonly items: readonly XmlValue[];

  constructor(tag: string, items: readonly XmlValue[]) {
    this.tag = tag;
    this.items = items;
  }
}

/** The answer to `action`: its result wrapped as the query protocol wraps it. */
export function queryResponse(action: string, namespace: string, result: Record<string, XmlValue> | undefined): AwsResponse {
  const requestId = randomUUID();
  const inner = result === undefined ? "" : `<${action}Result>${toXml(result)}</${action}Result>`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${namespace}">${inner}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
}

/** The fields of a structure as XML elements, in the order given; undefined fields are left out. */
export function toXml(fields: { [name: string]: XmlValue }): string {
  let text = "";
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    text += `<${name}>${valueXml(value)}</${name}>`;
  }
  return text;
}

function valueXml(value: Exclude<XmlValue, undefined>): string {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? "" : `<member>${valueXml(item)}</member>`)).join("");
  if (value instanceof XmlList) return value.items.map((item) => (item === undefined ? "" : `<${value.tag}>${valueXml(item)}</${value.tag}>`)).join("");
  if (value instanceof Date) return isoSeconds(value);
  if (typeof value === "object") return toXml(value);
  return escapeXml(String(value));
}

/** ISO 8601 without milliseconds, as IAM and STS write dates. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
