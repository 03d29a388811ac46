// One value test of a content filter (an element of a field's array in an
// SNS filter policy or an EventBridge event pattern) and how it judges one
// leaf value of a message: exact values, prefix/suffix (optionally ignoring
// case), equals-ignore-case, wildcard, anything-but, numeric ranges, CIDR.
// `exists` tests the field as a whole and is decided by the caller.

/** A leaf of a JSON document: a string, number, boolean or null. */
export type Leaf = string | number | boolean | null;

export type NumericOperator = "=" | "<" | "<=" | ">" | ">=";

export type Matcher =
  | { kind: "exact"; value: Leaf }
  | { kind: "prefix" | "suffix"; value: string; ignoreCase: boolean }
  | { kind: "equals-ignore-case"; value: string }
  | { kind: "wildcard"; regex: RegExp }
  | { kind: "anything-but"; values: readonly Leaf[] }
  | { kind: "anything-but-string"; test: "prefix" | "suffix" | "equals-ignore-case" | "wildcard"; values: readonly string[]; regexes: readonly RegExp[] }
  | { kind: "numeric"; terms: ReadonlyArray<readonly [NumericOperator, number]> }
  | { kind: "cidr"; network: IpNetwork }
  | { kind: "exists"; value: boolean };

/** True when `leaf` satisfies `matcher` (never called for `exists`). */
export function matchesLeaf(matcher: Matcher, leaf: Leaf): boolean {
  switch (matcher.kind) {
    case "exact":
      return leaf === matcher.value;
    case "prefix":
      return typeof leaf === "string" && (matcher.ignoreCase ? leaf.toLowerCase().startsWith(matcher.value.toLowerCase()) : leaf.startsWith(matcher.value));
    case "suffix":
      return typeof leaf === "string" && (matcher.ignoreCase ? leaf.toLowerCase().endsWith(matcher.value.toLowerCase()) : leaf.endsWith(matcher.value));
    case "equals-ignore-case":
      return typeof leaf === "string" && leaf.toLowerCase() === matcher.value.toLowerCase();
    case "wildcard":
      return typeof leaf === "string" && matcher.regex.test(leaf);
    case "anything-but":
      return !matcher.values.includes(leaf);
    case "anything-but-string":
      return !(typeof leaf === "string" && matchesAnyString(matcher, leaf));
    case "numeric":
      return typeof leaf === "number" && matcher.terms.every(([operator, bound]) => compare(leaf, operator, bound));
    case "cidr":
      return typeof leaf === "string" && isInNetwork(leaf, matcher.network);
    case "exists":
      return matcher.value;
  }
}

function matchesAnyString(matcher: Extract<Matcher, { kind: "anything-but-string" }>, leaf: string): boolean {
  switch (matcher.test) {
    case "prefix":
      return matcher.values.some((value) => leaf.startsWith(value));
    case "suffix":
      return matcher.values.some((value) => leaf.endsWith(value));
    case "equals-ignore-case":
      return matcher.values.some((value) => value.toLowerCase() === leaf.toLowerCase());
    case "wildcard":
      return matcher.regexes.some((regex) => regex.test(leaf));
  }
}

function compare(value: number, operator: NumericOperator, bound: number): boolean {
  switch (operator) {
    case "=":
      return value === bound;
    case "<":
      return value < bound;
    case "<=":
      return value <= bound;
    case ">":
      return value > bound;
    case ">=":
      return value >= bound;
  }
}

/** `*` matches any run of characters (none included); `\*` is a literal star and `\\` a backslash. */
export function wildcardRegex(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === "\\") source += escapeRegex(pattern[++index] ?? "");
    else source += char === "*" ? "[\\s\\S]*" : escapeRegex(char);
  }
  return new RegExp(`^${source}$`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** An IPv4 or IPv6 network as bytes and a prefix length. */
export interface IpNetwork {
  bytes: number[];
  bits: number;
}

/** The network of `10.0.0.0/24` or `2001:db8::/32`, or undefined when it is not one. */
export function parseCidr(text: string): IpNetwork | undefined {
  const [address = "", mask = "", ...rest] = text.split("/");
  const bytes = parseIp(address);
  const bits = Number(mask);
  if (rest.length > 0 || bytes === undefined || !/^\d+$/.test(mask) || bits > bytes.length * 8) return undefined;
  return { bytes, bits };
}

function isInNetwork(text: string, network: IpNetwork): boolean {
  const bytes = parseIp(text);
  if (bytes === undefined || bytes.length !== network.bytes.length) return false;
  for (let bit = 0; bit < network.bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((bytes[bit >> 3]! & mask) !== (network.bytes[bit >> 3]! & mask)) return false;
  }
  return true;
}

/** The bytes of an IPv4 (4) or IPv6 (16) address, or undefined. */
export function parseIp(text: string): number[] | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split(".").map(Number);
    return parts.every((part) => part <= 255) ? parts : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(":")) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half === undefined || half === "" ? [] : half.split(":"));
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (all.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  return all.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}
