// XML for the services that answer in it (S3, and IAM/STS/SNS through the
// query protocol): escaping, and a parser configured once the way AWS bodies
// need it (no attribute noise, text kept as strings, never numbers).
import { XMLParser } from "fast-xml-parser";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** `<name>escaped text</name>`. */
export function xmlText(name: string, text: string | number | boolean): string {
  return `<${name}>${escapeXml(String(text))}</${name}>`;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: false,
  removeNSPrefix: true,
});

/**
 * Parses an XML request body into plain objects (a repeated element becomes
 * an array, so callers normalise with {@link asArray}). Throws AwsError-free
 * plain errors: the caller answers MalformedXML in its protocol.
 */
export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text, true) as Record<string, unknown>;
}

/** A parsed element that may appear once or many times, as an array. */
export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
