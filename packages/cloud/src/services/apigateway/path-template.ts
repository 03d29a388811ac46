// Path templates as API Gateway reads them: literal segments, `{name}`
// parameters and a final greedy `{name+}` (HTTP API route keys such as
// `GET /items/{id}`, REST API resource paths built from path parts). Checks
// a template, matches a request path against it, and orders two templates
// by how specific they are (a literal beats a parameter beats a greedy one).

export type Segment = { kind: "literal"; value: string } | { kind: "param"; name: string } | { kind: "greedy"; name: string };

const LITERAL = /^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/;
const PARAM = /^\{([A-Za-z0-9._-]+)(\+?)\}$/;
const RANK: Readonly<Record<Segment["kind"], number>> = { literal: 0, param: 1, greedy: 2 };

/** The segments of `path` (`/items/{id}`), or the reason it is not a valid template. */
export function parseTemplate(path: string): Segment[] | string {
  if (!path.startsWith("/")) return "the path must start with '/'";
  if (path === "/") return [];
  const segments: Segment[] = [];
  const names = new Set<string>();
  const parts = path.slice(1).split("/");
  for (const [index, part] of parts.entries()) {
    const segment = parseSegment(part);
    if (typeof segment === "string") return segment;
    if (segment.kind === "greedy" && index !== parts.length - 1) return `the greedy path variable ${part} must be the last segment`;
    if (segment.kind !== "literal") {
      if (names.has(segment.name)) return `the path variable {${segment.name}} appears twice`;
      names.add(segment.name);
    }
    segments.push(segment);
  }
  return segments;
}

/** One path part: `items`, `{id}` or `{proxy+}`, or the reason it is not valid. */
export function parseSegment(part: string): Segment | string {
  if (part === "") return "the path has an empty segment ('//' or a trailing '/')";
  const param = PARAM.exec(part);
  if (param !== null) return param[2] === "+" ? { kind: "greedy", name: param[1]! } : { kind: "param", name: param[1]! };
  if (part.includes("{") || part.includes("}")) return `the segment '${part}' must be a whole path variable such as {id} or {proxy+}`;
  if (!LITERAL.test(part)) return `the segment '${part}' has characters a path cannot have`;
  return { kind: "literal", value: part };
}

/** The request path's segments, percent-decoded (a malformed escape is kept as sent). */
export function splitPath(rawPath: string): string[] {
  if (rawPath === "/" || rawPath === "") return [];
  return rawPath.slice(1).split("/").map(decodeSegment);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path parameters when `path` matches `template`, else undefined. */
export function matchTemplate(template: readonly Segment[], path: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of template.entries()) {
    if (segment.kind === "greedy") {
      const rest = path.slice(index);
      // A greedy variable stands for one segment at least: `/{proxy+}` does not match `/`.
      if (rest.length === 0) return undefined;
      params[segment.name] = rest.join("/");
      return params;
    }
    const value = path[index];
    if (value === undefined) return undefined;
    if (segment.kind === "literal" && segment.value !== value) return undefined;
    if (segment.kind === "param") {
      if (value === "") return undefined;
      params[segment.name] = value;
    }
  }
  return template.length === path.length ? params : undefined;
}

/** Negative when `a` is more specific than `b` (both matched the same path). */
export function compareSpecificity(a: readonly Segment[], b: readonly Segment[]): number {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a[index];
    const right = b[index];
    if (left === undefined || right === undefined) return left === undefined ? 1 : -1;
    const difference = RANK[left.kind] - RANK[right.kind];
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The template written back: `/items/{id}`. */
export function formatTemplate(template: readonly Segment[]): string {
  return `/${template.map((s) => (s.kind === "literal" ? s.value : s.kind === "param" ? `{${s.name}}` : `{${s.name}+}`)).join("/")}`;
}
