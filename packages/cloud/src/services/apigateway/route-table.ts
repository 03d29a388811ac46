// What a stage serves: its routes, each with the integration it calls, as
// plain data (a deployment keeps one, frozen when it was made) and compiled
// for matching. Route selection follows API Gateway: the most specific path
// (literal before `{param}` before `{proxy+}`), a route for the method
// before one for ANY, then the `$default` route if the API has one.
import { compareSpecificity, matchTemplate, parseTemplate, type Segment } from "./path-template.js";

export interface ServedIntegration {
  type: string;
  /** The Lambda function's ARN, or the integration URI as given for other types. */
  uri: string;
  payloadFormatVersion: "1.0" | "2.0";
  timeoutMs: number;
}

export interface ServedRoute {
  /** `GET /items/{id}`, `ANY /{proxy+}` or `$default`. */
  routeKey: string;
  /** The method, `ANY`, or `$default` for the default route. */
  method: string;
  /** The path template; absent for `$default`. */
  path?: string;
  /** The REST resource's id, or the HTTP API route's id. */
  id: string;
  integration?: ServedIntegration;
}

export interface RouteTable {
  routes: ServedRoute[];
}

interface CompiledRoute {
  route: ServedRoute;
  segments: Segment[];
}

export interface RouteMatch {
  route: ServedRoute;
  pathParameters: Record<string, string>;
}

export class CompiledTable {
  readonly #routes: CompiledRoute[];
  readonly #default: ServedRoute | undefined;

  constructor(table: RouteTable) {
    const compiled: CompiledRoute[] = [];
    for (const route of table.routes) {
      if (route.path === undefined) continue;
      const segments = parseTemplate(route.path);
      // Templates were checked when the route was made; a bad one never matches.
      if (typeof segments !== "string") compiled.push({ route, segments });
    }
    compiled.sort((a, b) => compareSpecificity(a.segments, b.segments) || anyLast(a.route.method, b.route.method));
    this.#routes = compiled;
    this.#default = table.routes.find((route) => route.method === "$default");
  }

  /** The route a request selects, with its path parameters, or undefined (no route: 404 / 403). */
  select(method: string, path: readonly string[]): RouteMatch | undefined {
    for (const { route, segments } of this.#routes) {
      if (route.method !== method && route.method !== "ANY") continue;
      const pathParameters = matchTemplate(segments, path);
      if (pathParameters !== undefined) return { route, pathParameters };
    }
    return this.#default === undefined ? undefined : { route: this.#default, pathParameters: {} };
  }
}

function anyLast(a: string, b: string): number {
  return Number(a === "ANY") - Number(b === "ANY");
}

/** The function ARN an AWS_PROXY integration URI names (a function ARN, or API Gateway's `…:lambda:path/2015-03-31/functions/<arn>/invocations`). */
export function functionArnOf(uri: string): string | undefined {
  const wrapped = /^arn:[^:]+:apigateway:[^:]+:lambda:path\/[0-9-]+\/functions\/(.+)\/invocations$/.exec(uri);
  const arn = wrapped?.[1] ?? uri;
  return /^arn:[^:]+:lambda:[^:]+:\d{12}:function:[^/]+$/.test(arn) ? arn : undefined;
}
