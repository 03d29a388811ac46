// User functions of every form (functions, arrows, methods, accessors,
// classes, async and generator variants) and bound functions. A function is
// emitted from its own source text inside the factory of the context it
// closes over (kinds/context.ts), so captured bindings keep their meaning.
import { types } from "node:util";
import type { Emitter } from "../emit/emitter.js";
import type { GraphNode, Slot } from "../walk/graph.js";
import type { FunctionSyntax } from "../inspect/function-syntax.js";
import { inspectFunction, type FunctionFacts } from "../inspect/function-facts.js";
import { prefetchFunctions, takePrefetched } from "./function/prefetch.js";
import { requestLexicalThis } from "./function/lexical-this.js";
import { isClassBodyMember } from "./prototype.js";
import { walkHeritage } from "./function/class-heritage.js";
import { addDefiner, placeFunction, type Definer } from "./context.js";
import { injectRestoreHooks, restoreMakeSource } from "./function/private-restore.js";
import { SerializationError } from "../errors.js";
import { emitPropertyFills, emitIntegrity, integrityOf, walkProperties, type Integrity, type Properties } from "./shared/properties.js";
import type { Walker } from "./shared/walk-state.js";
import { requestHome } from "./function/home-object.js";
import { stringLiteral } from "../walk/primitive.js";
import { isObjectLike } from "../inspect/object-like.js";
import { emitIntlMethod, isIntlMethodCandidate, walkIntlMethod, type IntlMethodData } from "./function/intl-methods.js";
import { emitStaticPrivates, walkStaticPrivates, type StaticPrivate } from "./shared/private-state.js";
import type { Kind } from "./table.js";

export interface BoundData {
  bound: { target: Slot; thisArg: Slot; args: Slot[] };
  /** A [[Prototype]] set after the function was made (see walkParent). */
  parent: Slot | undefined;
  /** Whether the target's own chain reaches Function.prototype's bind (a changed [[Prototype]] may not). */
  inheritsBind: boolean;
  props: Properties;
  integrity: Integrity;
}

export interface SourceData {
  bound: undefined;
  syntax: FunctionSyntax;
  /** The source to emit, with a class heritage replaced by `__super`. */
  expression: string;
  definer: Definer;
  home: Slot | undefined;
  parent: Slot | undefined;
  /** Lexical `this` and `arguments` of an arrow. */
  thisSlot: Slot | undefined;
  argumentsSlot: Slot | undefined;
  /** A `length` descriptor to define when the source would not give this one ("delete": it was deleted). */
  length: string | undefined;
  /** The name to set when the emitted source would not give the function its name. */
  rename: string | undefined;
  props: Properties;
  prototype: Slot | undefined;
  integrity: Integrity;
  /** Static #private fields of a class, set through its restore hooks once the class exists. */
  staticPrivates: StaticPrivate[];
  /** A [[Prototype]] set after the function was made (see walkParent). */
  setParent: Slot | undefined;
}

/** A function from source, a bound function, or a native Intl method (kinds/function/intl-methods.ts). */
export type FunctionData = SourceData | BoundData | IntlMethodData;

const HANDLED_KEYS = new Set<string | symbol>(["name", "length", "prototype", "arguments", "caller"]);

/** Stops a walk that found ES modules to index first (see serializeFunction). */
export class EsmModulesFound extends Error {}

export const functionKind: Kind<FunctionData> = {
  prefetch(nodes: readonly GraphNode<FunctionData>[], walker: Walker): void {
    prefetchFunctions(nodes, walker);
  },
  walk(node: GraphNode<FunctionData>, walker: Walker): void {
    const fn = node.value as Function;
    const facts = takePrefetched(walker, fn) ?? inspectFunction(walker.inspector, fn);
    if (facts.bound) return walkBound(node, facts.bound, walker);
    const syntax = facts.syntax;
    if (!syntax) {
      if (/\{\s*\[native code\]\s*\}\s*$/.test(facts.source)) {
        const refuse = (): never =>
          walker.refuse(
            node,
            "NATIVE_FUNCTION",
            `cannot serialize native function ${fn.name || "(anonymous)"}`,
            "capture the module or global object it belongs to, or wrap it in a function of your own",
          );
        return isIntlMethodCandidate(fn) ? walkIntlMethod(node, walker, refuse) : refuse();
      }
      walker.refuse(node, "UNPARSABLE_FUNCTION", `cannot parse the source of this function: ${facts.syntaxError?.message ?? "unknown error"}`);
    }
    const hasScopes = facts.scopes.some((scope) => scope.kind !== "global");
    if (syntax.usesDirectEval && hasScopes) {
      walker.refuse(
        node,
        "DIRECT_EVAL",
        "cannot serialize a function that calls eval() directly with access to captured scope",
        "use indirect eval `(0, eval)(code)` or pass values explicitly",
      );
    }
    if (syntax.usesWith && syntax.freeNames.length > 0) {
      walker.refuse(
        node,
        "WITH_STATEMENT",
        "cannot serialize a function using a `with` statement over captured scope",
        "replace `with` by explicit property access",
      );
    }
    if (facts.scopes.some((scope) => scope.kind === "module") && walker.modules.watchEsm(walker.inspector, facts.location?.scriptId)) {
      // Values from the packages found are not recognised yet: serializeFunction loads them and walks again.
      throw new EsmModulesFound();
    }
    if (syntax.form === "arrow" && syntax.usesSuperCall) {
      walker.refuse(node, "UNSUPPORTED_VALUE", "cannot serialize an arrow function that calls super()", "call super() in the constructor itself");
    }
    const context = placeFunction(node, facts, syntax, walker, walker.state.globalNames);
    const needsHome = syntax.usesSuper && syntax.form !== "class" && syntax.form !== "function";
    const argumentsSlot = walkLexicalArguments(node, facts, syntax, walker);
    // `super` in an arrow reads its home object and `this` (kinds/function/home-object.ts).
    const lexicalThis = syntax.form === "arrow" && (syntax.usesThis || syntax.usesSuper);
    const style = lexicalThis || argumentsSlot ? "function" : "arrow";
    const heritage = walkHeritage(node, fn, syntax, walker);
    const superArrow = syntax.form === "arrow" && needsHome;
    const params = [...(needsHome ? ["__home"] : []), ...(heritage.parent ? ["__super"] : []), ...(superArrow && argumentsSlot ? ["__arguments"] : [])];
    const expression = superArrow ? superArrowExpression(heritage.expression, argumentsSlot !== undefined) : heritage.expression;
    const definer: Definer = { fn: node, context: undefined, expression, params, style };
    if (context) addDefiner(context, definer);
    const data: SourceData = {
      definer,
      bound: undefined,
      syntax,
      expression,
      // Read from the heap snapshot once the queue is empty (kinds/function/home-object.ts), then set.
      home: undefined,
      parent: heritage.parent,
      // Read for all arrows of the walk at once (kinds/function/lexical-this.ts), then set.
      thisSlot: undefined,
      argumentsSlot,
      rename: renameOf(fn, syntax),
      length: lengthOf(fn, syntax),
      props: walkProperties(node, fn, walker, (key) => HANDLED_KEYS.has(key) || (syntax.form === "class" && isClassBodyMember(fn, key, facts.source))),
      prototype: walkPrototype(node, fn, syntax, walker),
      integrity: integrityOf(fn),
      staticPrivates: syntax.form === "class" ? walkStaticPrivates(node, fn, facts.source, walker) : [],
      setParent: heritage.parent ? undefined : walkParent(node, fn, naturalParent(syntax), walker),
    };
    node.data = data;
    if (lexicalThis) {
      requestLexicalThis(walker, fn, (value) => {
        data.thisSlot = walker.visit(node, value, { label: ".[[this]]" }, "create");
      });
    }
    if (needsHome) {
      requestHome(fn, syntax, walker, (parent) => {
        data.home = walker.visit(node, parent, { label: ".[[HomeObject]]" }, "create");
      });
    }
  },
  emit(node: GraphNode<FunctionData>, out: Emitter): void {
    const data = node.data;
    if ("intlMethod" in data) return emitIntlMethod(node, data, out);
    const name = out.nameOf(node);
    if (data.bound) {
      const { target, thisArg, args } = data.bound;
      const list = [thisArg, ...args].map((slot) => out.required(slot, node)).join(", ");
      const callee = data.inheritsBind ? `${out.required(target, node)}.bind` : `Function.prototype.bind.call`;
      out.declare(node, `${callee}(${data.inheritsBind ? list : [out.required(target, node), list].join(", ")})`);
      emitParent(name, data.parent, out);
    } else {
      if (node.privateFields) prepareRestore(node, data, out);
      if (node.restoreName) {
        // `make` exists before anything waiting for the class is written (a
        // static field may hold an instance of it).
        out.statement(`const ${name} = ${creation(node, data, out)};`);
        const ancestors = (node.restoreChain ?? []).map((ancestor) => ancestor.restoreName).filter((each): each is string => each !== undefined);
        const top = node.adoptsBuiltin ? out.nameOf(node.restoreChain?.[0] ?? node) : undefined;
        out.statement(restoreMakeSource(name, node.restoreName, ancestors, top));
        out.markReady(node);
      } else out.declare(node, creation(node, data, out));
      if (data.rename !== undefined) {
        out.statement(`Object.defineProperty(${name}, "name", { value: ${stringLiteral(data.rename)} });`);
      }
      if (data.length === "delete") out.statement(`delete ${name}.length;`);
      else if (data.length !== undefined) out.statement(`Object.defineProperty(${name}, "length", ${data.length});`);
      const prototype = data.prototype;
      if (prototype) out.whenReady([prototype], () => out.statement(`${name}.prototype = ${out.expr(prototype)};`));
      emitStaticPrivates(name, node, data.staticPrivates, out);
      emitParent(name, data.setParent, out);
    }
    emitPropertyFills(name, data.props, out);
    emitIntegrity(name, data.integrity, out);
  },
};

function walkBound(node: GraphNode<FunctionData>, bound: { target: Function; thisArg: unknown; args: unknown[] }, walker: Walker): void {
  node.data = {
    bound: {
      target: walker.visit(node, bound.target, { label: ".[[TargetFunction]]" }, "create"),
      thisArg: walker.visit(node, bound.thisArg, { label: ".[[BoundThis]]" }, "create"),
      args: bound.args.map((arg, i) => walker.visit(node, arg, { label: `.[[BoundArgs]][${i}]` }, "create")),
    },
    // bind() gives the bound function its target's [[Prototype]].
    parent: walkParent(node, node.value as Function, Object.getPrototypeOf(bound.target) as object | null, walker),
    inheritsBind: inheritsFromFunction(bound.target),
    props: walkProperties(node, node.value as object, walker, (key) => key === "name" || key === "length"),
    integrity: integrityOf(node.value as object),
  };
}

// The [[Prototype]] each form of function is made with.
const FORM_PARENTS = {
  plain: Function.prototype,
  async: Object.getPrototypeOf(async () => {}) as object,
  generator: Object.getPrototypeOf(function* () {}) as object,
  asyncGenerator: Object.getPrototypeOf(async function* () {}) as object,
};

function naturalParent(syntax: FunctionSyntax): object {
  if (syntax.isGenerator) return syntax.isAsync ? FORM_PARENTS.asyncGenerator : FORM_PARENTS.generator;
  return syntax.isAsync ? FORM_PARENTS.async : FORM_PARENTS.plain;
}

/**
 * A function whose [[Prototype]] was set after it was made (the router
 * package makes each router a function inheriting from a Router instance):
 * the emitted source makes it with its form's, so the other one is set.
 */
function walkParent(node: GraphNode, fn: Function, natural: object | null, walker: Walker): Slot | undefined {
  const parent = Object.getPrototypeOf(fn) as object | null;
  return parent === natural ? undefined : walker.visit(node, parent, { label: ".[[Prototype]]" }, "fill");
}

function inheritsFromFunction(fn: Function): boolean {
  for (let at = Object.getPrototypeOf(fn) as object | null; at !== null && !types.isProxy(at); at = Object.getPrototypeOf(at) as object | null) {
    if (at === Function.prototype) return true;
  }
  return false;
}

function emitParent(name: string, parent: Slot | undefined, out: Emitter): void {
  if (parent) out.whenReady([parent], () => out.statement(`Object.setPrototypeOf(${name}, ${out.expr(parent)});`));
}

/** Injects the private-state hooks into a class whose captured instances carry #private fields. */
function prepareRestore(node: GraphNode, data: SourceData, out: Emitter): void {
  const injected = injectRestoreHooks(data.expression, [...node.privateFields!].sort());
  if (injected === undefined) {
    throw new SerializationError(
      "PRIVATE_STATE",
      node.path.toArray(),
      "cannot serialize #private state of instances of this class",
      "create the instance inside the handler",
    );
  }
  node.restoreName = out.names.allocate(`${out.nameOf(node)}_restore`);
  out.statement(`const ${node.restoreName} = { on: false };`);
  data.expression = injected;
  data.definer.expression = injected;
  data.definer.params.push("__restore");
}

function creation(node: GraphNode, data: SourceData, out: Emitter): string {
  // An arrow using super takes its `arguments` as a parameter (see superArrowExpression).
  const superArrow = data.syntax.form === "arrow" && data.home !== undefined;
  const passedArguments = superArrow && data.argumentsSlot ? data.argumentsSlot : undefined;
  const slots = [data.home, data.parent, passedArguments].filter((slot): slot is Slot => slot !== undefined);
  const args = [...slots.map((slot) => out.required(slot, node)), ...(node.restoreName ? [node.restoreName] : [])].join(", ");
  const params = [
    ...(data.home ? ["__home"] : []),
    ...(data.parent ? ["__super"] : []),
    ...(passedArguments ? ["__arguments"] : []),
    ...(node.restoreName ? ["__restore"] : []),
  ].join(", ");
  const lexical = data.thisSlot || data.argumentsSlot;
  const thisArg = data.thisSlot ? out.required(data.thisSlot, node) : "undefined";
  const call =
    data.argumentsSlot && !superArrow
      ? `.apply(${thisArg}, ${out.required(data.argumentsSlot, node)})`
      : lexical
        ? `.call(${[thisArg, args].filter(Boolean).join(", ")})`
        : `(${args})`;
  const context = data.definer.context;
  if (context) return `${out.required({ node: context }, node)}.${out.nameOf(node)}${call}`;
  if (lexical) return `(function (${params}) { return (${data.expression}); })${call}`;
  if (args !== "") return `((${params}) => (${data.expression}))(${args})`;
  // `const f = function () {}` would name the function "f"; `(0, …)` does not.
  return data.syntax.name === undefined ? `(0, ${data.expression})` : `(${data.expression})`;
}

/**
 * An arrow using `super` is made inside a method whose home object has the
 * original home's prototype, called with the arrow's `this` (and the
 * `arguments` it reads).
 */
function superArrowExpression(arrow: string, readsArguments: boolean): string {
  return `({ __proto__: __home, m() { return (${arrow}); } }).m.${readsArguments ? "apply(this, __arguments)" : "call(this)"}`;
}

/** The `arguments` an arrow reads from the function it was created in. */
function walkLexicalArguments(node: GraphNode, facts: FunctionFacts, syntax: FunctionSyntax, walker: Walker): Slot | undefined {
  if (syntax.form !== "arrow" || !syntax.usesArguments) return undefined;
  const scope = facts.scopes.find((entry) => entry.kind !== "global" && Object.hasOwn(entry.variables, "arguments"));
  return scope && walker.visit(node, scope.variables["arguments"], { label: ".[[arguments]]" }, "create");
}

/** A descriptor literal for `length` when it is not the one the source produces. */
function lengthOf(fn: Function, syntax: FunctionSyntax): string | undefined {
  const descriptor = Reflect.getOwnPropertyDescriptor(fn, "length");
  if (!descriptor) return "delete";
  const natural = "value" in descriptor && descriptor.value === syntax.length && !descriptor.writable && !descriptor.enumerable && descriptor.configurable;
  if (natural || !("value" in descriptor) || typeof descriptor.value !== "number") return undefined;
  return `{ value: ${descriptor.value}, writable: ${descriptor.writable}, enumerable: ${descriptor.enumerable}, configurable: ${descriptor.configurable} }`;
}

/** The function's name when its emitted source would not produce it. */
function renameOf(fn: Function, syntax: FunctionSyntax): string | undefined {
  const descriptor = Reflect.getOwnPropertyDescriptor(fn, "name");
  if (!descriptor || !("value" in descriptor) || typeof descriptor.value !== "string") return undefined;
  const natural = syntax.name ?? (syntax.key && !syntax.key.computed ? naturalKeyName(syntax) : "");
  return descriptor.value === natural ? undefined : descriptor.value;
}

function naturalKeyName(syntax: FunctionSyntax): string {
  const text = syntax.key!.text;
  const prefix = syntax.form === "getter" ? "get " : syntax.form === "setter" ? "set " : "";
  const unquoted = /^["']/.test(text) ? (JSON.parse(text.replace(/^'(.*)'$/, '"$1"')) as string) : text;
  return `${prefix}${unquoted}`;
}

/**
 * A plain function's prototype object only travels when it was changed:
 * replaced, or given properties beyond `constructor`. Classes keep theirs
 * through kinds/prototype.ts.
 */
function walkPrototype(node: GraphNode, fn: Function, syntax: FunctionSyntax, walker: Walker): Slot | undefined {
  if (syntax.form === "class") {
    walker.visit(node, (fn as { prototype: object }).prototype, { key: "prototype" }, "none");
    return undefined;
  }
  const descriptor = Reflect.getOwnPropertyDescriptor(fn, "prototype");
  // A function may stand in for the object (the router package's Router.prototype).
  if (!descriptor || !("value" in descriptor) || !isObjectLike(descriptor.value)) return undefined;
  const proto = descriptor.value as object;
  const keys = Reflect.ownKeys(proto);
  const constructor = Reflect.getOwnPropertyDescriptor(proto, "constructor");
  const pristine = keys.length === (constructor ? 1 : 0) && constructor?.value === fn && !constructor.enumerable;
  const defaultParent = syntax.isGenerator ? Object.getPrototypeOf(proto) !== Object.prototype : Object.getPrototypeOf(proto) === Object.prototype;
  if (syntax.isGenerator && keys.length === 0) return undefined;
  if (pristine && defaultParent) return undefined;
  if (constructor?.value === fn) {
    // Same object, extended: kinds/prototype.ts emits `fn.prototype` and fills it.
    walker.visit(node, proto, { key: "prototype" }, "none");
    return undefined;
  }
  return walker.visit(node, proto, { key: "prototype" }, "fill");
}
