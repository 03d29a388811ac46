// Static facts about a function from the text Function.prototype.toString()
// gives for it: its form, name or method key, and an expression that recreates
// it in the same lexical scope. Names and `this`/`super` use come from
// scope-analysis.ts; deciding what may be serialized is the serializer's job.
import * as acorn from "acorn";
import { analyzeScope, type AnalysisRoot, type ScopeAnalysis } from "./scope-analysis.js";

export type FunctionForm = "function" | "arrow" | "class" | "method" | "getter" | "setter";

export interface MethodKey {
  /** As written: `foo`, `'a b'`, `123`, `#priv`; when computed, the text between the brackets. */
  text: string;
  computed: boolean;
  /** Written with `static`. V8 never prints `static`, so this is false for real toString() text. */
  isStatic: boolean;
  isPrivate: boolean;
  /** The name it denotes: `'a b'` → `a b`, `0x10` → `16`, `#priv` → `#priv`; undefined when computed. */
  value: string | undefined;
}

export interface FunctionSyntax extends ScopeAnalysis {
  form: FunctionForm;
  isAsync: boolean;
  isGenerator: boolean;
  /** Identifier of a function/class declaration or expression, if any. */
  name: string | undefined;
  /** For method/getter/setter forms: the key as written. */
  key: MethodKey | undefined;
  /** Classes only: source text of the `extends` expression (with any parentheses), else undefined. */
  superClassText: string | undefined;
  /** The text was parsed as a module because it uses module-only syntax such as `import.meta`. */
  isModuleSyntax: boolean;
  /**
   * An expression (to be wrapped in parentheses) that evaluates to an equivalent function in the same
   * lexical scope: the source itself for function/arrow/class forms, an object-literal (for `static` and
   * `#private` keys, a class) wrapper for methods, whose home object has prototype `__home` when usesSuper.
   */
  expression: string;
  /** The `length` the source gives the function: parameters before the first default or rest (a class: its constructor's). */
  length: number;
}

/** Thrown when the text of a function cannot be parsed. */
export class FunctionSyntaxError extends Error {
  override readonly name = "FunctionSyntaxError";
  /** 1-based line in the function text. */
  readonly line: number;
  /** 1-based column in the function text. */
  readonly column: number;
  /** The text is `{ [native code] }`: a built-in or bound function. */
  readonly isNative: boolean;

  constructor(problem: string, line: number, column: number, options: { isNative?: boolean; cause?: unknown } = {}) {
    super(`function source:${line}:${column}: ${problem}`, { cause: options.cause });
    this.line = line;
    this.column = column;
    this.isNative = options.isNative ?? false;
  }
}

type SourceType = "script" | "module";

interface Wrapper {
  open: string;
  close: string;
  /** Finds the function the source became, if the program has the expected shape. */
  find: (program: acorn.Program) => ParsedRoot | undefined;
}

// Function, arrow and class text is an expression, but an arrow may use the
// `super` or `new.target` of the method around it, or call `super()` in a
// derived constructor, which acorn rejects at top level. Method text is not an
// expression: parse it as the one member of an object literal (keeping sloppy
// bodies sloppy), then of a class body for `static` and `#private`. The newline
// before the closing text ends a trailing line comment.
const WRAPPERS: readonly Wrapper[] = [
  { open: "(", close: "\n)", find: (program) => functionRoot(onlyExpression(program)) },
  {
    open: "({ m() { (",
    close: "\n) } })",
    find: (program) => functionRoot(bodyExpression(objectMember(onlyExpression(program)))),
  },
  {
    open: "(class extends Object { constructor() { (",
    close: "\n) } })",
    find: (program) => functionRoot(bodyExpression(classMember(onlyExpression(program)))),
  },
  { open: "({", close: "\n})", find: (program) => memberRoot(objectMember(onlyExpression(program))) },
  { open: "(class {", close: "\n})", find: (program) => memberRoot(classMember(onlyExpression(program))) },
];

// Script first: sloppy bodies (`with`, legacy octal, `await` as a name) are not
// valid modules; module only for module-only syntax such as `import.meta`.
const SOURCE_TYPES: readonly SourceType[] = ["script", "module"];

type ParsedRoot =
  | { kind: "function"; node: acorn.FunctionExpression | acorn.ArrowFunctionExpression }
  | { kind: "class"; node: acorn.ClassExpression }
  | { kind: "member"; node: acorn.Property | acorn.MethodDefinition; value: acorn.FunctionExpression };

interface Parsed {
  source: string;
  /** Length of the wrapper's opening text: AST positions minus this are source positions. */
  offset: number;
  wrapped: string;
  sourceType: SourceType;
  program: acorn.Program;
  root: ParsedRoot;
}

interface ParseFailure {
  /** Offset in the source. */
  position: number;
  problem: string;
  /** The text parsed, but not as a function: a better message than any syntax error. */
  isWrongShape: boolean;
  cause?: unknown;
}

const NATIVE_CODE = /\{\s*\[native code\]\s*\}\s*$/;

/**
 * Parses the text of Function.prototype.toString() for a user function. Throws FunctionSyntaxError
 * (with line and column in the source) when the text cannot be parsed.
 */
export function parseFunctionSource(source: string): FunctionSyntax {
  rejectNativeCode(source);
  const failures: ParseFailure[] = [];
  for (const wrapper of WRAPPERS) {
    for (const sourceType of SOURCE_TYPES) {
      const attempt = tryParse(source, wrapper, sourceType);
      if ("root" in attempt) return describe(attempt);
      failures.push(attempt);
    }
  }
  throw toError(source, bestFailure(failures));
}

function rejectNativeCode(source: string): void {
  const match = NATIVE_CODE.exec(source);
  if (!match) return;
  const { line, column } = acorn.getLineInfo(source, match.index);
  const problem = "the text ends in [native code]: a built-in or bound function has no JavaScript source";
  throw new FunctionSyntaxError(problem, line, column + 1, { isNative: true });
}

function tryParse(source: string, wrapper: Wrapper, sourceType: SourceType): Parsed | ParseFailure {
  const offset = wrapper.open.length;
  const wrapped = wrapper.open + source + wrapper.close;
  let program: acorn.Program;
  try {
    program = acorn.parse(wrapped, {
      ecmaVersion: "latest",
      sourceType,
      ranges: true, // eslint-scope reads `range`
      // A method's body may use private names of the class it came from.
      checkPrivateFields: false,
    });
  } catch (error) {
    return syntaxFailure(error, offset, source.length);
  }
  const root = wrapper.find(program);
  if (root) return { source, offset, wrapped, sourceType, program, root };
  const problem = "expected a function, arrow function, class or method";
  return { position: 0, problem, isWrongShape: true };
}

function syntaxFailure(error: unknown, offset: number, length: number): ParseFailure {
  const position = Reflect.get(Object(error), "pos");
  if (!(error instanceof SyntaxError) || typeof position !== "number") throw error;
  // Acorn appends "(line:column)" of the wrapped text; the caller gets source positions.
  const problem = error.message.replace(/ \(\d+:\d+\)$/, "");
  const clamped = Math.min(Math.max(position - offset, 0), length);
  return { position: clamped, problem, isWrongShape: false, cause: error };
}

/** Prefers text that parsed as something else; otherwise the wrapper that read furthest. */
function bestFailure(failures: readonly ParseFailure[]): ParseFailure {
  const wrongShape = failures.find((failure) => failure.isWrongShape);
  if (wrongShape) return wrongShape;
  return failures.reduce((best, failure) => (failure.position > best.position ? failure : best));
}

function toError(source: string, failure: ParseFailure): FunctionSyntaxError {
  const { line, column } = acorn.getLineInfo(source, failure.position);
  return new FunctionSyntaxError(failure.problem, line, column + 1, { cause: failure.cause });
}

type Expression = acorn.ExpressionStatement["expression"];
type Member = acorn.ObjectExpression["properties"][number] | acorn.ClassBody["body"][number];

function onlyExpression(program: acorn.Program): Expression | undefined {
  const statement = program.body.length === 1 ? program.body[0] : undefined;
  return statement?.type === "ExpressionStatement" ? statement.expression : undefined;
}

/** The expression a wrapper method's body consists of. */
function bodyExpression(member: Member | undefined): Expression | undefined {
  const isMethod = member?.type === "Property" || member?.type === "MethodDefinition";
  const fn = isMethod ? member.value : undefined;
  if (fn?.type !== "FunctionExpression" || fn.body.body.length !== 1) return undefined;
  const statement = fn.body.body[0];
  return statement?.type === "ExpressionStatement" ? statement.expression : undefined;
}

function functionRoot(expression: Expression | undefined): ParsedRoot | undefined {
  if (expression?.type === "ClassExpression") return { kind: "class", node: expression };
  const isFunction = expression?.type === "FunctionExpression" || expression?.type === "ArrowFunctionExpression";
  return isFunction ? { kind: "function", node: expression } : undefined;
}

function objectMember(expression: Expression | undefined): Member | undefined {
  if (expression?.type !== "ObjectExpression" || expression.properties.length !== 1) return undefined;
  return expression.properties[0];
}

function classMember(expression: Expression | undefined): Member | undefined {
  if (expression?.type !== "ClassExpression" || expression.body.body.length !== 1) return undefined;
  return expression.body.body[0];
}

function memberRoot(member: Member | undefined): ParsedRoot | undefined {
  if (member?.type === "Property" && (member.method || member.kind !== "init")) {
    return { kind: "member", node: member, value: member.value as acorn.FunctionExpression };
  }
  if (member?.type === "MethodDefinition" && member.kind !== "constructor") {
    return { kind: "member", node: member, value: member.value };
  }
  return undefined;
}

function describe(parsed: Parsed): FunctionSyntax {
  const { root } = parsed;
  if (root.kind === "member") return describeMember(parsed, root.node, root.value);
  const facts = analyze(parsed, root);
  const params = root.kind === "class" ? constructorParams(root.node) : root.node.params;
  const common = { name: root.node.id?.name, key: undefined, ...facts, expression: parsed.source, length: paramLength(params) };
  if (root.kind === "class") {
    const superClassText = root.node.superClass ? heritageText(parsed, root.node) : undefined;
    return { form: "class", isAsync: false, isGenerator: false, superClassText, ...common };
  }
  const { async: isAsync, generator: isGenerator } = root.node;
  const form = root.node.type === "ArrowFunctionExpression" ? "arrow" : "function";
  return { form, isAsync, isGenerator, superClassText: undefined, ...common };
}

function paramLength(params: readonly acorn.Pattern[]): number {
  const end = params.findIndex((param) => param.type === "AssignmentPattern" || param.type === "RestElement");
  return end < 0 ? params.length : end;
}

function constructorParams(node: acorn.ClassExpression): acorn.Pattern[] {
  const constructor = node.body.body.find((member): member is acorn.MethodDefinition => member.type === "MethodDefinition" && member.kind === "constructor");
  return constructor ? constructor.value.params : [];
}

function analyze(parsed: Parsed, root: AnalysisRoot): ScopeAnalysis & { isModuleSyntax: boolean } {
  const facts = analyzeScope(parsed.program, parsed.sourceType, root);
  return { ...facts, isModuleSyntax: parsed.sourceType === "module" };
}

/**
 * From the token after the class's `extends` (the first one: the heritage may
 * hold another class) to the one before the body, so parentheses stay.
 */
function heritageText(parsed: Parsed, node: acorn.ClassExpression): string {
  const tokens = tokensBetween(parsed, node.start, node.body.start);
  const keyword = tokens.findIndex((token) => token.type === acorn.tokTypes._extends);
  const first = tokens[keyword + 1];
  const last = tokens.at(-1);
  return first && last ? parsed.source.slice(first.start - parsed.offset, last.end - parsed.offset) : "";
}

/**
 * Tokens of the wrapped text from `start` to `end`, positioned in it. Only
 * a class head or a member head before its parameters is tokenized, so the
 * parse of a large function need not keep every token.
 */
function tokensBetween(parsed: Parsed, start: number, end: number): acorn.Token[] {
  const options = { ecmaVersion: "latest", sourceType: parsed.sourceType } as const;
  const tokens = [...acorn.tokenizer(parsed.wrapped.slice(start, end), options)];
  return tokens.map((token) => ({ ...token, start: token.start + start, end: token.end + start }));
}

function describeMember(parsed: Parsed, node: acorn.Property | acorn.MethodDefinition, value: acorn.FunctionExpression): FunctionSyntax {
  const facts = analyze(parsed, { kind: "method", node: value });
  const key = methodKey(parsed, node);
  const form = node.kind === "get" ? "getter" : node.kind === "set" ? "setter" : "method";
  return {
    form,
    isAsync: value.async,
    isGenerator: value.generator,
    name: undefined,
    key,
    ...facts,
    superClassText: undefined,
    expression: memberExpression(parsed, node, key, form, facts.usesSuper),
    length: paramLength(value.params),
  };
}

function methodKey(parsed: Parsed, node: acorn.Property | acorn.MethodDefinition): MethodKey {
  const [start, end] = keyRange(parsed, node);
  const written = parsed.source.slice(start, end);
  const isStatic = node.type === "MethodDefinition" && node.static;
  const isPrivate = node.key.type === "PrivateIdentifier";
  if (node.computed) {
    const text = written.slice(1, -1).trim(); // inside the brackets
    return { text, computed: true, isStatic, isPrivate, value: undefined };
  }
  return { text: written, computed: false, isStatic, isPrivate, value: keyValue(node.key) };
}

function keyValue(key: acorn.Node): string {
  const node = key as acorn.AnyNode;
  if (node.type === "Identifier") return node.name;
  if (node.type === "PrivateIdentifier") return `#${node.name}`;
  if (node.type === "Literal" && node.bigint !== undefined) return String(BigInt(node.bigint));
  return node.type === "Literal" ? String(node.value) : "";
}

/** Source range of the key, including the brackets of a computed key. */
function keyRange(parsed: Parsed, node: acorn.Property | acorn.MethodDefinition): [number, number] {
  const { offset } = parsed;
  if (!node.computed) return [node.key.start - offset, node.key.end - offset];
  const tokens = tokensBetween(parsed, node.start, node.value.start);
  // Parentheses and comments may sit between the brackets and the key expression.
  const open = tokens.findLast((t) => t.type === acorn.tokTypes.bracketL && t.end <= node.key.start);
  const close = tokens.find((t) => t.type === acorn.tokTypes.bracketR && t.start >= node.key.end);
  return [(open?.start ?? node.key.start) - offset, (close?.end ?? node.key.end) - offset];
}

const WRAPPER_KEY = "m";

/**
 * A computed key becomes `"m"`, so only the body's names need capturing. Private
 * accessors become public too: their functions cannot be read from outside a class.
 */
function memberExpression(parsed: Parsed, node: acorn.Property | acorn.MethodDefinition, key: MethodKey, form: FunctionForm, usesSuper: boolean): string {
  const isAccessor = form !== "method";
  const renames = key.computed || (key.isPrivate && isAccessor);
  const [start, end] = keyRange(parsed, node);
  const { source } = parsed;
  const text = renames ? `${source.slice(0, start)}"${WRAPPER_KEY}"${source.slice(end)}` : source;
  const property = renames ? WRAPPER_KEY : (key.value ?? WRAPPER_KEY);
  if (key.isStatic || key.isPrivate) return classWrapper(text, key, property, form, usesSuper);
  const literal = `{ ${usesSuper ? "__proto__: __home, " : ""}${text} }`;
  return isAccessor ? accessorOf(literal, property, form) : `(${literal})${propertyAccess(property)}`;
}

/**
 * Members are made static so the class itself holds them; a private method is
 * read out by a static field. A static member's home object is the class, so
 * `super` goes through the class's prototype, which the static block sets.
 */
function classWrapper(text: string, key: MethodKey, property: string, form: FunctionForm, usesSuper: boolean): string {
  const home = usesSuper ? "static { Object.setPrototypeOf(this, __home); } " : "";
  const body = `${home}${key.isStatic ? text : `static ${text}`}`;
  if (form !== "method") return accessorOf(`class { ${body} }`, property, form);
  if (!property.startsWith("#")) return `(class { ${body} })${propertyAccess(property)}`;
  return `(class { ${body}; static ${WRAPPER_KEY} = this.${property} }).${WRAPPER_KEY}`;
}

function accessorOf(holder: string, property: string, form: FunctionForm): string {
  const part = form === "getter" ? "get" : "set";
  return `Object.getOwnPropertyDescriptor(${holder}, ${JSON.stringify(property)}).${part}`;
}

function propertyAccess(property: string): string {
  return /^[$A-Z_a-z][$\w]*$/.test(property) ? `.${property}` : `[${JSON.stringify(property)}]`;
}
