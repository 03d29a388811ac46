// Scope facts of one parsed function. Free names come from eslint-scope's real
// analysis (hoisting, TDZ, block, catch, class and function-name scopes,
// parameter defaults); a syntactic walk adds what it does not report: `this`,
// `super` and `new.target` that belong to the enclosing scope, direct eval,
// `with`, `import.meta` and private names. Parsing lives in function-syntax.ts.
import type * as acorn from "acorn";
import { analyze, type Reference, type Scope, type ScopeManager, type Variable } from "eslint-scope";

/** The function whose facts are wanted, inside a program parsed by acorn. */
export type AnalysisRoot =
  | { kind: "function"; node: acorn.FunctionExpression | acorn.ArrowFunctionExpression }
  | { kind: "class"; node: acorn.ClassExpression }
  /** A method's function; its key lies outside and is not analysed. */
  | { kind: "method"; node: acorn.FunctionExpression };

/** The scope-related facts of a function (part of FunctionSyntax; not the [[Scopes]] entries of function-facts.ts). */
export interface ScopeAnalysis {
  /**
   * Free identifiers the function reads or writes, sorted, unique. Its own name (function/class id) is
   * bound, not free. `arguments` is never listed: see usesArguments. A method's computed key is not
   * analysed, as `expression` replaces it.
   */
  freeNames: string[];
  /** Free names the function assigns: `x = `, `x += `, `x++`, `[x] = `, `({x} = )`, `for (x of …)`. Sorted. */
  writtenNames: string[];
  /** Free names whose every reference is the operand of `typeof`. Sorted. */
  typeofOnlyNames: string[];
  /**
   * Classes only: free names evaluated when the class is defined: heritage expression, computed keys,
   * static field initialisers, static blocks (with functions created there, which may run at once).
   * Sorted. Empty for other forms.
   */
  definitionTimeNames: string[];
  /** Private names (`#x`) used but not declared in the text, sorted: the function needs their class. */
  privateNames: string[];
  /**
   * `this` that refers to the enclosing scope's this: in an arrow at arrow level (including nested
   * arrows); for classes, `this` in the heritage expression or computed keys.
   */
  usesThis: boolean;
  /** An arrow (or nested arrows) using the enclosing function's `arguments`; also a class's heritage/keys. */
  usesArguments: boolean;
  /**
   * `super` used (method/getter/setter/arrow inside them, or class members). Whether a class itself is
   * derived is superClassText.
   */
  usesSuper: boolean;
  /** `super(…)` called where `super` is the root's (an arrow in a derived constructor). */
  usesSuperCall: boolean;
  /** `new.target` in an arrow referring to the enclosing function. */
  usesNewTarget: boolean;
  /** A direct call `eval(...)` where eval is free. */
  usesDirectEval: boolean;
  /** A `with` statement anywhere inside. */
  usesWith: boolean;
  /** `import.meta` anywhere inside. */
  usesImportMeta: boolean;
}

interface WalkContext {
  /** `this` and `new.target` here are the enclosing scope's. */
  readonly outerThis: boolean;
  /** `super` here belongs to the root: its home object, or for a class its own members. */
  readonly ownSuper: boolean;
  /** Private names declared by the classes around this node. */
  readonly privateScopes: readonly ReadonlySet<string>[];
}

interface SyntaxFacts {
  usesThis: boolean;
  usesSuper: boolean;
  usesSuperCall: boolean;
  usesNewTarget: boolean;
  usesWith: boolean;
  usesImportMeta: boolean;
  typeofOperands: Set<object>;
  evalCallees: Set<object>;
  privateNames: Set<string>;
  /** Source ranges a class evaluates when it is defined. */
  definitionRanges: [number, number][];
}

/** Analyses `root` within `program`, which must be parsed with `ranges: true`. */
export function analyzeScope(program: acorn.Program, sourceType: "script" | "module", root: AnalysisRoot): ScopeAnalysis {
  const syntax = walkRoot(root);
  const manager = analyze(program as unknown as Parameters<typeof analyze>[0], {
    ecmaVersion: 2022,
    sourceType,
    // eval is reported as usesDirectEval; without this, eslint-scope would
    // treat every name in a scope that calls eval as free.
    ignoreEval: true,
  });
  const references = freeReferences(manager, root.node);
  const isDefinitionTime = (ref: Reference): boolean => syntax.definitionRanges.some(([start, end]) => isWithin(ref, start, end));
  // `arguments` that reaches the enclosing function is reported as a flag, not a name.
  const named = references.filter((ref) => ref.identifier.name !== "arguments");
  return {
    freeNames: namesOf(named),
    writtenNames: namesOf(named.filter((ref) => ref.isWrite())),
    typeofOnlyNames: typeofOnlyNames(named, syntax.typeofOperands),
    definitionTimeNames: namesOf(named.filter(isDefinitionTime)),
    privateNames: [...syntax.privateNames].sort(),
    usesThis: syntax.usesThis,
    usesArguments: references.length !== named.length,
    usesSuper: syntax.usesSuper,
    usesSuperCall: syntax.usesSuperCall,
    usesNewTarget: syntax.usesNewTarget,
    usesDirectEval: references.some((ref) => syntax.evalCallees.has(ref.identifier)),
    usesWith: syntax.usesWith,
    usesImportMeta: syntax.usesImportMeta,
  };
}

/**
 * References inside the root that resolve outside it (or nowhere). Checking
 * where the variable lives, rather than the program's unresolved references,
 * ignores whatever the parser wrapped around the text: an arrow parsed inside
 * a function still reads the enclosing `arguments`.
 */
function freeReferences(manager: ScopeManager, root: acorn.Node): Reference[] {
  const hoisted = annexBFunctions(manager);
  const isInside = (variable: Variable): boolean => {
    const [start, end] = variable.scope.block.range ?? [0, 0];
    return start >= root.start && end <= root.end;
  };
  const free: Reference[] = [];
  for (const scope of manager.scopes) {
    for (const ref of scope.references) {
      if (ref.resolved && isInside(ref.resolved)) continue;
      if (isWithin(ref, root.start, root.end) && !isAnnexBHoisted(ref, hoisted)) free.push(ref);
    }
  }
  return free;
}

function isWithin(ref: Reference, start: number, end: number): boolean {
  const position = ref.identifier.range?.[0] ?? -1;
  return position >= start && position < end;
}

function namesOf(references: readonly Reference[]): string[] {
  return [...new Set(references.map((ref) => ref.identifier.name))].sort();
}

function typeofOnlyNames(references: readonly Reference[], operands: Set<object>): string[] {
  const mixed = new Set(references.filter((ref) => !operands.has(ref.identifier)).map((ref) => ref.identifier.name));
  return namesOf(references).filter((name) => !mixed.has(name));
}

/**
 * Sloppy-mode function declarations in blocks also bind a `var` in the
 * enclosing function (Annex B.3.3), which eslint-scope does not model: it
 * would report a call after the block as free. Keyed by that function's scope.
 */
function annexBFunctions(manager: ScopeManager): Map<Scope, Set<string>> {
  const hoisted = new Map<Scope, Set<string>>();
  for (const scope of manager.scopes) {
    if (scope.isStrict || scope.variableScope === scope) continue;
    for (const variable of scope.variables) {
      if (!variable.defs.some((def) => def.type === "FunctionName")) continue;
      const names = hoisted.get(scope.variableScope) ?? new Set<string>();
      hoisted.set(scope.variableScope, names.add(variable.name));
    }
  }
  return hoisted;
}

function isAnnexBHoisted(ref: Reference, hoisted: Map<Scope, Set<string>>): boolean {
  for (let scope: Scope | null = ref.from; scope; scope = scope.upper) {
    if (hoisted.get(scope)?.has(ref.identifier.name)) return true;
  }
  return false;
}

function walkRoot(root: AnalysisRoot): SyntaxFacts {
  const facts: SyntaxFacts = {
    usesThis: false,
    usesSuper: false,
    usesSuperCall: false,
    usesNewTarget: false,
    usesWith: false,
    usesImportMeta: false,
    typeofOperands: new Set(),
    evalCallees: new Set(),
    privateNames: new Set(),
    definitionRanges: [],
  };
  // At the root, `this` is the enclosing scope's only for arrows and for a
  // class's heritage and computed keys; a function or method rebinds it below.
  const context: WalkContext = { outerThis: true, ownSuper: true, privateScopes: [] };
  if (root.kind === "class") walkClass(root.node, context, facts, true);
  else if (root.kind === "method") walkFunctionParts(root.node, { ...context, outerThis: false }, facts);
  else walk(root.node, context, facts);
  return facts;
}

function walk(node: acorn.Node, context: WalkContext, facts: SyntaxFacts): void {
  const any = node as acorn.AnyNode;
  switch (any.type) {
    case "ThisExpression":
      if (context.outerThis) facts.usesThis = true;
      return;
    case "Super":
      if (context.ownSuper) facts.usesSuper = true;
      return;
    case "MetaProperty":
      if (any.meta.name === "import") facts.usesImportMeta = true;
      else if (context.outerThis) facts.usesNewTarget = true;
      return;
    case "PrivateIdentifier":
      // Keys of class members are handled by walkClass, so this is a use.
      if (!context.privateScopes.some((names) => names.has(any.name))) {
        facts.privateNames.add(`#${any.name}`);
      }
      return;
    case "FunctionExpression":
    case "FunctionDeclaration":
      return walkFunctionParts(any, { ...context, outerThis: false, ownSuper: false }, facts);
    case "ClassExpression":
    case "ClassDeclaration":
      return walkClass(any, context, facts, false);
    case "Property":
      return walkProperty(any, context, facts);
    case "WithStatement":
      facts.usesWith = true;
      break;
    case "UnaryExpression":
      if (any.operator === "typeof" && any.argument.type === "Identifier") {
        facts.typeofOperands.add(any.argument);
      }
      break;
    case "CallExpression":
      if (any.callee.type === "Super" && context.ownSuper) facts.usesSuperCall = true;
      // `eval?.(x)` and `(0, eval)(x)` are indirect; `(eval)(x)` is direct.
      if (!any.optional && any.callee.type === "Identifier" && any.callee.name === "eval") {
        facts.evalCallees.add(any.callee);
      }
      break;
  }
  walkChildren(node, context, facts);
}

function walkChildren(node: acorn.Node, context: WalkContext, facts: SyntaxFacts): void {
  // A plain loop: this runs once per node, and large functions have many.
  for (const key in node) {
    const value: unknown = Reflect.get(node, key);
    if (isNode(value)) walk(value, context, facts);
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) walk(item, context, facts);
  }
}

function isNode(value: unknown): value is acorn.Node {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "type") === "string";
}

function walkFunctionParts(fn: acorn.Function, context: WalkContext, facts: SyntaxFacts): void {
  for (const param of fn.params) walk(param, context, facts);
  walk(fn.body, context, facts);
}

/** Object-literal methods and accessors have their own `this` and `super`. */
function walkProperty(property: acorn.Property | acorn.AssignmentProperty, context: WalkContext, facts: SyntaxFacts): void {
  if (property.computed) walk(property.key, context, facts);
  const isMethod = property.method || property.kind !== "init";
  if (!isMethod) return walk(property.value, context, facts);
  const inner = { ...context, outerThis: false, ownSuper: false };
  walkFunctionParts(property.value as acorn.FunctionExpression, inner, facts);
}

/**
 * The heritage and computed keys run in the enclosing scope; member bodies,
 * field initialisers and static blocks have their own `this`. `super` in
 * members belongs to the root only when this class is the root.
 */
function walkClass(node: acorn.Class, context: WalkContext, facts: SyntaxFacts, isRoot: boolean): void {
  // The heritage sees the outer private names only (ClassDefinitionEvaluation step 8).
  if (node.superClass) walk(node.superClass, context, facts);
  const outer = { ...context, privateScopes: [...context.privateScopes, declaredPrivateNames(node)] };
  const member = { ...outer, outerThis: false, ownSuper: isRoot };
  const note = (range: acorn.Node): void => {
    if (isRoot) facts.definitionRanges.push([range.start, range.end]);
  };
  if (node.superClass) note(node.superClass);
  for (const element of node.body.body) {
    if (element.type === "StaticBlock") {
      note(element);
      walkChildren(element, member, facts);
      continue;
    }
    if (element.computed) {
      note(element.key);
      walk(element.key, outer, facts);
    }
    if (element.type === "MethodDefinition") walkFunctionParts(element.value, member, facts);
    else if (element.value) {
      if (element.static) note(element.value);
      walk(element.value, member, facts);
    }
  }
}

function declaredPrivateNames(node: acorn.Class): Set<string> {
  const names = new Set<string>();
  for (const element of node.body.body) {
    if (element.type !== "StaticBlock" && element.key.type === "PrivateIdentifier") {
      names.add(element.key.name);
    }
  }
  return names;
}
