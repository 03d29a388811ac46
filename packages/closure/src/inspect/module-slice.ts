// The slice of a module that makes one of its top-level bindings, as Lambda
// would make it at cold start: the statement declaring it, the top-level
// statements after it that configure it (`app.use(…)`, `logger.appendKeys(…)`,
// `client.retries = 3`, `register(app)`), and in turn the declarations of the
// names those read that V8 did not keep. Syntax only: which names V8 kept is
// the caller's question (`kept`), what to do with the slice its policy.
import * as acorn from "acorn";
import { parseFunctionSource } from "./function-syntax.js";

export interface ModuleSlice {
  /**
   * The statements, in source order (`export` dropped), then `return name;`.
   * Each `require("pkg")` is replaced by a name in `requires`, so the
   * package's modules are loaded the way the emitted module loads its own.
   */
  body: string;
  requires: Array<{ name: string; specifier: string }>;
  /** Names the body reads and does not declare: kept bindings, `require`, globals. */
  freeNames: string[];
  /** 1-based line of the declaration, for reports. */
  line: number;
}

export type SliceResult = { slice: ModuleSlice } | { problem: string };

type Node = acorn.AnyNode;

/** The slice that rebuilds top-level binding `name` of a module's source, or why there is none. */
export function sliceModule(source: string, sourceType: "script" | "module", name: string, kept: (name: string) => boolean): SliceResult {
  let program: acorn.Program;
  try {
    program = acorn.parse(source, { ecmaVersion: "latest", sourceType, allowReturnOutsideFunction: true, allowHashBang: true, locations: true });
  } catch (error) {
    return { problem: `its module does not parse (${(error as Error).message})` };
  }
  const statements = program.body;
  const declaredAt = new Map<string, number>();
  statements.forEach((statement, i) => declaredNames(statement).forEach((each) => declaredAt.has(each) || declaredAt.set(each, i)));
  const first = declaredAt.get(name);
  if (first === undefined) return { problem: "it is not declared at the top level of its module" };
  const included = new Set<number>();
  const queue = [name];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const at = declaredAt.get(next)!;
    const added = [at, ...statements.map((_, j) => j).filter((j) => j > at && configures(statements[j]!, next!))].filter((j) => !included.has(j));
    for (const j of added) {
      included.add(j);
      const problem = problemOf(statements[j]!);
      if (problem) return { problem };
      for (const free of freeNamesOf(textOf(source, statements[j]!))) {
        if (declaredAt.has(free) && !kept(free) && !queue.includes(free) && ![...included].some((k) => declaredNames(statements[k]!).includes(free)))
          queue.push(free);
      }
    }
  }
  const requires: ModuleSlice["requires"] = [];
  const text = [...included]
    .sort((a, b) => a - b)
    .map((j) => withRequires(source, statements[j]!, requires))
    .join("\n");
  const body = `${text}\nreturn ${name};`;
  return { slice: { body, requires, freeNames: freeNamesOf(body), line: statements[first]!.loc!.start.line } };
}

/** Names a top-level statement declares. */
function declaredNames(statement: Node): string[] {
  switch (statement.type) {
    case "VariableDeclaration":
      return statement.declarations.flatMap((each) => patternNames(each.id));
    case "FunctionDeclaration":
    case "ClassDeclaration":
      return statement.id ? [statement.id.name] : [];
    case "ImportDeclaration":
      return statement.specifiers.map((each) => each.local.name);
    case "ExportNamedDeclaration":
      return statement.declaration ? declaredNames(statement.declaration) : [];
    default:
      return [];
  }
}

function patternNames(pattern: acorn.Pattern): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name];
    case "ObjectPattern":
      return pattern.properties.flatMap((each) => patternNames(each.type === "RestElement" ? each.argument : each.value));
    case "ArrayPattern":
      return pattern.elements.flatMap((each) => (each ? patternNames(each) : []));
    case "RestElement":
      return patternNames(pattern.argument);
    case "AssignmentPattern":
      return patternNames(pattern.left);
    default:
      return [];
  }
}

/**
 * Whether a top-level statement configures `name`: an expression whose
 * leftmost object is it (`app.use(…).use(…)`, `client.x = 1`), or a call
 * given it as an argument (`register(app)`). Anything else that reads it
 * uses it (`exports.handler = serverless(app)`) and stays out.
 */
function configures(statement: Node, name: string): boolean {
  if (statement.type !== "ExpressionStatement") return false;
  const expression = statement.expression;
  if (rootName(expression) === name) return true;
  return expression.type === "CallExpression" && expression.arguments.some((arg) => arg.type === "Identifier" && arg.name === name);
}

function rootName(node: Node): string | undefined {
  for (let at: Node = node; ;) {
    if (at.type === "Identifier") return at.name;
    if (at.type === "CallExpression") at = at.callee;
    else if (at.type === "MemberExpression") at = at.object;
    else if (at.type === "ChainExpression") at = at.expression;
    else if (at.type === "AssignmentExpression") at = at.left;
    else if (at.type === "UpdateExpression" || at.type === "AwaitExpression") at = at.argument;
    else return undefined;
  }
}

/** Why a statement cannot run again inside a function, where the package's module loads. */
function problemOf(statement: Node): string | undefined {
  if (statement.type === "ImportDeclaration") return `it needs the import on line ${statement.loc!.start.line}, whose binding V8 did not keep`;
  let problem: string | undefined;
  visitOutsideFunctions(statement, (node) => {
    if (node.type === "AwaitExpression" || (node.type === "ForOfStatement" && node.await)) {
      problem ??= `its declaration awaits at the top level (line ${node.loc!.start.line})`;
    }
    const loads = node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "require";
    if (
      node.type === "Property" &&
      !node.computed &&
      CREDENTIAL_KEYS.has(keyName(node.key)) &&
      node.value.type === "Literal" &&
      typeof node.value.value === "string"
    ) {
      problem ??= `its declaration holds a literal ${keyName(node.key)} (line ${node.loc!.start.line}): leave credentials out, the function's role provides them`;
    }
    const specifier = loads || node.type === "ImportExpression" ? firstLiteral(node) : undefined;
    if (specifier !== undefined && /^(\.|\/)/.test(specifier))
      problem ??= `it loads a file of the project (${JSON.stringify(specifier)}, line ${node.loc!.start.line})`;
  });
  return problem;
}

/** Keys of AWS credentials: a literal value for one is a secret written in the source. */
const CREDENTIAL_KEYS = new Set(["secretAccessKey", "sessionToken", "accessKeyId"]);

function keyName(key: acorn.Expression | acorn.PrivateIdentifier): string {
  return key.type === "Identifier" ? key.name : key.type === "Literal" ? String(key.value) : "";
}

function firstLiteral(node: acorn.CallExpression | acorn.ImportExpression): string | undefined {
  const arg = node.type === "CallExpression" ? node.arguments[0] : node.source;
  return arg?.type === "Literal" && typeof arg.value === "string" ? arg.value : undefined;
}

/** Calls `visit` on every node of `root` that is not inside a nested function. */
function visitOutsideFunctions(root: Node, visit: (node: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    visit(node);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof (child as Node).type !== "string") continue;
        const type = (child as Node).type;
        if (type !== "FunctionExpression" && type !== "FunctionDeclaration" && type !== "ArrowFunctionExpression") stack.push(child);
      }
    }
  }
}

/** A statement's source, with `export` dropped: the body of a function cannot export. */
function textOf(source: string, statement: Node): string {
  const node = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
  return source.slice(node.start, node.end);
}

/** A statement's text with each `require("literal")` replaced by a name listed in `requires`. */
function withRequires(source: string, statement: Node, requires: ModuleSlice["requires"]): string {
  const node = statement.type === "ExportNamedDeclaration" && statement.declaration ? statement.declaration : statement;
  const calls: acorn.CallExpression[] = [];
  visitOutsideFunctions(node, (each) => {
    if (each.type === "CallExpression" && each.callee.type === "Identifier" && each.callee.name === "require" && firstLiteral(each) !== undefined)
      calls.push(each);
  });
  let text = "";
  let at = node.start;
  for (const call of calls.sort((a, b) => a.start - b.start)) {
    const name = `__closure_pack_require${requires.length}`;
    requires.push({ name, specifier: firstLiteral(call)! });
    text += source.slice(at, call.start) + name;
    at = call.end;
  }
  return text + source.slice(at, node.end);
}

/** Free names of statements, by the serializer's own scope analysis of a function around them. */
function freeNamesOf(text: string): string[] {
  return parseFunctionSource(`function __closurePackSlice() {\n${text}\n}`).freeNames;
}
