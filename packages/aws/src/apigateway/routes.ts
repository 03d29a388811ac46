// The routes of an API as the program declares them (`{ path, method,
// eventHandler }`, Pulumi Crosswalk's shape), checked when the program
// loads as API Gateway would check them: a path template of literal
// segments, `{name}` variables and a final greedy `{name+}`; one route per
// method and path; for REST APIs, one variable path part among siblings.
// Each route's handler becomes a function, named after the API and route.
import { invalidArgument } from "../core/check.js";
import { toFunction, type FunctionLike, type Handler } from "../lambda/handler.js";

export type Method = "ANY" | "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "OPTIONS" | "HEAD";

export const METHODS: readonly Method[] = ["ANY", "GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"];

/** A route: requests for `method` (or any method with "ANY") on `path` run `eventHandler`. */
export interface Route<E> {
  /** `/items/{id}`, `/{proxy+}`, `/`; a missing leading `/` is added. */
  path: string;
  method: Method;
  /** A closure (made into a function of its own), a lambda.CallbackFunction or a lambda.Function. */
  eventHandler: Handler<E>;
}

/** A checked route: its method, normalized path and the function it runs. */
export interface DeclaredRoute {
  method: Method;
  path: string;
  func: FunctionLike;
  /** True when `func` was made from the route's closure (and is named after the route). */
  made: boolean;
}

const LITERAL = /^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/;
const VARIABLE = /^\{([A-Za-z0-9._-]+)(\+?)\}$/;

/** The reason `path` is not a valid path template, or undefined. */
export function pathProblem(path: string): string | undefined {
  if (path === "/") return undefined;
  const names = new Set<string>();
  const parts = path.slice(1).split("/");
  for (const [index, part] of parts.entries()) {
    if (part === "") return "it has an empty segment ('//' or a trailing '/')";
    const variable = VARIABLE.exec(part);
    if (variable === null) {
      if (part.includes("{") || part.includes("}")) return `the segment "${part}" must be a whole path variable such as {id} or {proxy+}`;
      if (!LITERAL.test(part)) return `the segment "${part}" has characters a path cannot have`;
      continue;
    }
    if (variable[2] === "+" && index !== parts.length - 1) return `the greedy variable ${part} must be the last segment`;
    if (names.has(variable[1]!)) return `the variable {${variable[1]!}} appears twice`;
    names.add(variable[1]!);
  }
  return undefined;
}

/** Checks each route of API `name` (of resource `type`) and makes its function. */
export function declareRoutes<E>(type: string, name: string, routes: unknown, rest: boolean): DeclaredRoute[] {
  if (!Array.isArray(routes) || routes.length === 0)
    throw invalidArgument(
      type,
      name,
      `"routes" must list at least one route`,
      `routes: [{ path: "/", method: "GET", eventHandler: async (event) => ({ statusCode: 200, body: "hello" }) }]`,
    );
  const checked = routes.map((route: unknown, index) => checkRoute(type, name, route, index));
  checkDuplicates(type, name, checked);
  if (rest) checkSiblings(type, name, checked);
  const names = new Map<string, number>();
  return checked.map((route, index) => {
    const handler = (routes[index] as Route<E>).eventHandler;
    return { method: route.method, path: route.path, func: toFunction(functionName(name, route, names), handler), made: typeof handler === "function" };
  });
}

function checkRoute(type: string, name: string, route: unknown, index: number): { method: Method; path: string } {
  const where = `route ${index + 1}`;
  if (route === null || typeof route !== "object") throw invalidArgument(type, name, `${where} must be an object { path, method, eventHandler }`);
  const { path, method, eventHandler } = route as Partial<Route<unknown>>;
  if (typeof path !== "string") throw invalidArgument(type, name, `${where}: "path" must be a string such as "/items/{id}", got ${JSON.stringify(path)}`);
  const normalized = path.startsWith("/") ? path : `/${path}`;
  const label = `${where} (${String(method)} ${normalized})`;
  if (!METHODS.includes(method as Method)) throw invalidArgument(type, name, `${label}: "method" must be one of ${METHODS.join(", ")}`);
  const problem = pathProblem(normalized);
  if (problem !== undefined)
    throw invalidArgument(
      type,
      name,
      `${label}: the path is not a valid path template: ${problem}`,
      "use literal segments, {name} variables and a final greedy {name+}, such as /items/{id} or /{proxy+}",
    );
  if (eventHandler === undefined) throw invalidArgument(type, name, `${label}: "eventHandler" is required`);
  return { method: method as Method, path: normalized };
}

function checkDuplicates(type: string, name: string, routes: ReadonlyArray<{ method: Method; path: string }>): void {
  const seen = new Map<string, number>();
  for (const [index, route] of routes.entries()) {
    const key = `${route.method} ${route.path}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw invalidArgument(
        type,
        name,
        `route ${index + 1} (${key}) duplicates route ${first + 1}: an API has one route per method and path`,
        "merge the two handlers, or give one another method or path",
      );
    seen.set(key, index);
  }
}

// A REST API is a tree of resources: under one parent, one variable part.
function checkSiblings(type: string, name: string, routes: ReadonlyArray<{ method: Method; path: string }>): void {
  const variables = new Map<string, { part: string; index: number }>();
  for (const [index, route] of routes.entries()) {
    const parts = route.path.split("/").filter((part) => part !== "");
    for (const [depth, part] of parts.entries()) {
      if (!part.startsWith("{")) continue;
      const parent = `/${parts.slice(0, depth).join("/")}`;
      const other = variables.get(parent);
      if (other !== undefined && other.part !== part) {
        throw invalidArgument(
          type,
          name,
          `route ${index + 1} (${route.method} ${route.path}): ${part} and ${other.part} (route ${other.index + 1}) are variables under the same resource ${parent}: a REST API allows one`,
          "use the same variable name in both routes",
        );
      }
      variables.set(parent, { part, index });
    }
  }
}

/** `<api>-<method>-<path words>`: readable in logs; a second route with the same words gets `-2`. */
function functionName(api: string, route: { method: Method; path: string }, used: Map<string, number>): string {
  const words =
    route.path
      .split("/")
      .map((part) => part.replace(/[^A-Za-z0-9_-]+/g, ""))
      .filter((part) => part !== "")
      .join("-") || "root";
  const base = `${api}-${route.method.toLowerCase()}-${words}`.slice(0, 120);
  const count = (used.get(base) ?? 0) + 1;
  used.set(base, count);
  return count === 1 ? base : `${base}-${count}`;
}
