// parseFunctionSource over the text V8's Function.prototype.toString() gives
// for each form of function (checked against node 20). Sources are literal
// strings, never functions of this file: vitest rewrites what it loads. One
// table drives both checks: the facts, and that `expression` evaluates to a
// function of the same kind (and, where a row says so, behaves like it).
import { describe, expect, it } from "vitest";
import { FunctionSyntaxError, parseFunctionSource, type FunctionSyntax, type MethodKey } from "../src/inspect/function-syntax.js";

type Expected = Partial<FunctionSyntax> & Pick<FunctionSyntax, "form">;

interface Row {
  /** "form: situation". */
  name: string;
  source: string;
  /** Facts that differ from `defaults(source)`. */
  expected: Expected;
  /** Why `expression` cannot be evaluated outside its original context. */
  noEval?: string;
  /** A call of the evaluated function, with `__home` = HOME and a plain `this`. */
  runs?: { args: unknown[]; returns: unknown; name?: string };
}

/** Facts of the source, except `length`, which has its own table below. */
function defaults(source: string): Omit<FunctionSyntax, "length"> {
  return {
    form: "function",
    isAsync: false,
    isGenerator: false,
    name: undefined,
    key: undefined,
    freeNames: [],
    writtenNames: [],
    typeofOnlyNames: [],
    usesThis: false,
    usesArguments: false,
    usesSuper: false,
    usesSuperCall: false,
    usesNewTarget: false,
    usesDirectEval: false,
    usesWith: false,
    usesImportMeta: false,
    definitionTimeNames: [],
    superClassText: undefined,
    privateNames: [],
    isModuleSyntax: false,
    expression: source,
  };
}

function key(text: string, extra: Partial<MethodKey> = {}): MethodKey {
  return { text, computed: false, isStatic: false, isPrivate: false, value: text, ...extra };
}

const computed = (text: string): MethodKey => key(text, { computed: true, value: undefined });

const rows: Row[] = [
  // function: the forms
  { name: "function: named with a parameter", source: "function f(a) { return a }", expected: { form: "function", name: "f" } },
  { name: "function: anonymous", source: "function () {}", expected: { form: "function" } },
  {
    name: "function: async",
    source: "async function af() { await x }",
    expected: { form: "function", name: "af", isAsync: true, freeNames: ["x"] },
  },
  {
    name: "function: generator",
    source: "function* g() { yield y }",
    expected: { form: "function", name: "g", isGenerator: true, freeNames: ["y"] },
  },
  {
    name: "function: async generator",
    source: "async function* ag() { for await (const v of src) yield v }",
    expected: { form: "function", name: "ag", isAsync: true, isGenerator: true, freeNames: ["src"] },
  },
  {
    name: "function: made by new Function",
    source: "function anonymous(a\n) {\nreturn a + b\n}",
    expected: { form: "function", name: "anonymous", freeNames: ["b"] },
  },
  // function: what is bound and what is free
  { name: "function: own name is bound", source: "function f() { return f }", expected: { form: "function", name: "f" } },
  {
    name: "function: parameter defaults read outer names",
    source: "function f(a = b, { c } = d) { return a + c }",
    expected: { form: "function", name: "f", freeNames: ["b", "d"] },
  },
  {
    name: "function: parameter default does not see a body var",
    source: "function f(a = x) { var x = 1; return a + x }",
    expected: { form: "function", name: "f", freeNames: ["x"] },
  },
  {
    name: "function: hoisted var and function declarations",
    source: "function f() { g(); v = 1; var v; function g() {} return v }",
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: block-scoped let shadows an outer name only in its block",
    source: "function f() { { let x = 1; x; } return x }",
    expected: { form: "function", name: "f", freeNames: ["x"] },
  },
  {
    name: "function: TDZ read of a later let is bound",
    source: "function f() { x; let x = 1 }",
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: catch parameter is bound only in the catch",
    source: "function f() { try { g() } catch (e) { e } return e }",
    expected: { form: "function", name: "f", freeNames: ["e", "g"] },
  },
  {
    name: "function: labels are not names",
    source: "function f() { outer: for (;;) { break outer } }",
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: property keys and member names are not names",
    source: "function f() { return { a: 1, [k]: 2, b() {} }.c + o.d + o?.e }",
    expected: { form: "function", name: "f", freeNames: ["k", "o"] },
  },
  {
    name: "function: optional chaining and nullish coalescing",
    source: "function f() { return a?.b?.(c) ?? d }",
    expected: { form: "function", name: "f", freeNames: ["a", "c", "d"] },
  },
  {
    name: "function: typeof undeclared",
    source: 'function f() { return typeof maybe === "undefined" }',
    expected: { form: "function", name: "f", freeNames: ["maybe"], typeofOnlyNames: ["maybe"] },
  },
  {
    name: "function: typeof and a plain read",
    source: "function f() { return typeof x + x + typeof y }",
    expected: { form: "function", name: "f", freeNames: ["x", "y"], typeofOnlyNames: ["y"] },
  },
  {
    name: "function: Annex B block function is hoisted in sloppy mode",
    source: "function f() { { function g() {} } return g() }",
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: block function is block-scoped in strict mode",
    source: 'function f() { "use strict"; { function g() {} } return g() }',
    expected: { form: "function", name: "f", freeNames: ["g"] },
  },
  {
    name: "function: sloppy-mode await, yield, let and octal",
    source: "function f() { var await = 1, yield = 2, let = 010; return await + yield + let }",
    expected: { form: "function", name: "f" },
  },
  // function: writes
  {
    name: "function: every kind of write",
    source: "function f() { a = 1; b += 1; c++; --d; [e] = [1]; ({ g, h: i } = {}); for (j of []); for (k in {}); l ||= 1 }",
    expected: {
      form: "function",
      name: "f",
      freeNames: ["a", "b", "c", "d", "e", "g", "i", "j", "k", "l"],
      writtenNames: ["a", "b", "c", "d", "e", "g", "i", "j", "k", "l"],
    },
  },
  {
    name: "function: writing a property is not writing the name",
    source: "function f() { b.c++; d[e] = 1; return a }",
    expected: { form: "function", name: "f", freeNames: ["a", "b", "d", "e"] },
  },
  // function: this, arguments, eval, with, import.meta
  {
    name: "function: own this, arguments and new.target",
    source: "function f() { return this.a + arguments.length + new.target }",
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: nested arrow uses the function's this and arguments",
    source: "function f() { return () => this + arguments[0] + new.target }",
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: direct eval",
    source: 'function f() { return eval("x") }',
    expected: { form: "function", name: "f", freeNames: ["eval"], usesDirectEval: true },
  },
  {
    name: "function: parenthesised eval is still direct",
    source: 'function f() { return (eval)("x") }',
    expected: { form: "function", name: "f", freeNames: ["eval"], usesDirectEval: true },
  },
  {
    name: "function: comma and optional-call eval are indirect",
    source: 'function f() { return (0, eval)("x") + eval?.("y") }',
    expected: { form: "function", name: "f", freeNames: ["eval"] },
  },
  {
    name: "function: eval bound by a parameter is not direct eval",
    source: 'function f(eval) { return eval("x") }',
    expected: { form: "function", name: "f" },
  },
  {
    name: "function: with statement",
    source: "function f(o) { with (o) { return p } }",
    expected: { form: "function", name: "f", freeNames: ["p"], usesWith: true },
  },
  {
    name: "function: import.meta needs a module parse",
    source: "function f() { return import.meta.url }",
    expected: { form: "function", name: "f", usesImportMeta: true, isModuleSyntax: true },
    noEval: "import.meta is module-only",
  },
  // arrow
  { name: "arrow: expression body", source: "x => x + y", expected: { form: "arrow", freeNames: ["y"] } },
  {
    name: "arrow: async with parameters",
    source: "async (a, b) => { await a; return b }",
    expected: { form: "arrow", isAsync: true },
  },
  {
    name: "arrow: destructuring defaults read outer names",
    source: "({ a = fallback } = defaults) => a",
    expected: { form: "arrow", freeNames: ["defaults", "fallback"] },
  },
  {
    name: "arrow: const in a block does not leak",
    source: "() => { let x = 1; { const y = x; } return y }",
    expected: { form: "arrow", freeNames: ["y"] },
  },
  {
    name: "arrow: for-of writes outer names",
    source: "() => { for (item of list); for ([a, b] of pairs); }",
    expected: { form: "arrow", freeNames: ["a", "b", "item", "list", "pairs"], writtenNames: ["a", "b", "item"] },
  },
  { name: "arrow: uses this", source: "() => this.value", expected: { form: "arrow", usesThis: true } },
  { name: "arrow: uses this in a nested arrow", source: "() => () => this", expected: { form: "arrow", usesThis: true } },
  {
    name: "arrow: this in a nested function is its own",
    source: "() => function () { return this }",
    expected: { form: "arrow" },
  },
  {
    name: "arrow: this in a nested object method is its own",
    source: "() => ({ m() { return this } })",
    expected: { form: "arrow" },
  },
  {
    name: "arrow: this in a nested class heritage is the arrow's",
    source: "() => class extends this.Base {}",
    expected: { form: "arrow", usesThis: true },
  },
  {
    name: "arrow: this in a nested class field is the instance",
    source: "() => class { x = this }",
    expected: { form: "arrow" },
  },
  { name: "arrow: uses arguments", source: "() => arguments[0]", expected: { form: "arrow", usesArguments: true } },
  {
    name: "arrow: uses arguments in a nested arrow",
    source: "() => () => arguments",
    expected: { form: "arrow", usesArguments: true },
  },
  {
    name: "arrow: arguments in a nested function is its own",
    source: "() => function () { return arguments }",
    expected: { form: "arrow" },
  },
  {
    name: "arrow: parameter named arguments",
    source: "(arguments) => arguments",
    expected: { form: "arrow" },
  },
  { name: "arrow: uses new.target", source: "() => new.target", expected: { form: "arrow", usesNewTarget: true } },
  {
    name: "arrow: new.target in a nested function is its own",
    source: "() => function () { return new.target }",
    expected: { form: "arrow" },
  },
  {
    name: "arrow: uses super",
    source: "() => super.method()",
    expected: { form: "arrow", usesSuper: true },
    noEval: "super outside a method",
  },
  {
    name: "arrow: calls super in a derived constructor",
    source: "() => super()",
    expected: { form: "arrow", usesSuper: true, usesSuperCall: true },
    noEval: "super() outside a derived constructor",
  },
  {
    name: "arrow: sloppy body using super",
    source: "() => { with (o) {} return super.x }",
    expected: { form: "arrow", freeNames: ["o"], usesWith: true, usesSuper: true },
    noEval: "super outside a method",
  },
  {
    name: "arrow: super in a nested object method is its own",
    source: "() => ({ m() { return super.m } })",
    expected: { form: "arrow" },
  },
  {
    name: "arrow: sloppy body with new.target",
    source: "() => { with (o) {} return new.target }",
    expected: { form: "arrow", freeNames: ["o"], usesWith: true, usesNewTarget: true },
  },
  // class
  { name: "class: named and empty", source: "class A {}", expected: { form: "class", name: "A" } },
  {
    name: "class: anonymous and derived",
    source: "class extends B {}",
    expected: { form: "class", freeNames: ["B"], definitionTimeNames: ["B"], superClassText: "B" },
  },
  {
    name: "class: parenthesised heritage keeps its parentheses",
    source: "class extends (mixin(Base)) {}",
    expected: {
      form: "class",
      freeNames: ["Base", "mixin"],
      definitionTimeNames: ["Base", "mixin"],
      superClassText: "(mixin(Base))",
    },
  },
  {
    name: "class: heritage holding a derived class expression",
    source: "class extends (class extends B {}) {}",
    expected: {
      form: "class",
      freeNames: ["B"],
      definitionTimeNames: ["B"],
      superClassText: "(class extends B {})",
    },
  },
  {
    name: "class: every kind of member",
    source:
      "class A { static foo() {} #priv() {} get y() { return 1 } static set z(v) { sink = v } [key]() {} " +
      "'quoted key'() {} 123() {} static { init() } static f = () => later; h = function () { return inst }; " +
      "getP() { return this.#priv } }",
    expected: {
      form: "class",
      name: "A",
      freeNames: ["init", "inst", "key", "later", "sink"],
      writtenNames: ["sink"],
      definitionTimeNames: ["init", "key", "later"],
    },
  },
  {
    name: "class: method bodies and instance fields are not definition time",
    source: "class A { x = a; m() { return b } static s() { return c } }",
    expected: { form: "class", name: "A", freeNames: ["a", "b", "c"] },
  },
  {
    name: "class: static fields and static blocks are definition time",
    source: "class { static x = a; static { b(); } }",
    expected: { form: "class", freeNames: ["a", "b"], definitionTimeNames: ["a", "b"] },
  },
  {
    name: "class: computed keys are definition time",
    source: "class { [k1]() {} static [k2] = 1; [k3] }",
    expected: { form: "class", freeNames: ["k1", "k2", "k3"], definitionTimeNames: ["k1", "k2", "k3"] },
  },
  {
    name: "class: own name is bound",
    source: "class A { static self = A; m() { return A } }",
    expected: { form: "class", name: "A" },
  },
  {
    name: "class: this in heritage and computed keys is the outer this",
    source: "class extends this.Base { [this.key]() {} }",
    expected: { form: "class", usesThis: true, superClassText: "this.Base" },
  },
  {
    name: "class: this in members is its own",
    source: "class { x = this; static y = this; m() { return this } static { this } }",
    expected: { form: "class" },
  },
  {
    name: "class: arguments in a computed key is the outer arguments",
    source: "class { [arguments[0]]() {} }",
    expected: { form: "class", usesArguments: true },
  },
  {
    name: "class: super in members",
    source: "class extends B { m() { return super.m() } }",
    expected: { form: "class", freeNames: ["B"], definitionTimeNames: ["B"], superClassText: "B", usesSuper: true },
  },
  {
    name: "class: private names declared in the class",
    source: "class { #x = 1; static has(o) { return #x in o } }",
    expected: { form: "class" },
  },
  // method
  {
    name: "method: plain",
    source: "foo(a) { return a + b }",
    expected: { form: "method", key: key("foo"), freeNames: ["b"], expression: "({ foo(a) { return a + b } }).foo" },
  },
  {
    name: "method: async",
    source: "async foo() { await x }",
    expected: { form: "method", key: key("foo"), isAsync: true, freeNames: ["x"], expression: "({ async foo() { await x } }).foo" },
  },
  {
    name: "method: generator",
    source: "*gen() { yield 1 }",
    expected: { form: "method", key: key("gen"), isGenerator: true, expression: "({ *gen() { yield 1 } }).gen" },
  },
  {
    name: "method: async generator",
    source: "async *ag(){}",
    expected: { form: "method", key: key("ag"), isAsync: true, isGenerator: true, expression: "({ async *ag(){} }).ag" },
  },
  {
    name: "method: comments between the modifiers",
    source: "async  /*c*/ * /*d*/ ag2 () {}",
    expected: {
      form: "method",
      key: key("ag2"),
      isAsync: true,
      isGenerator: true,
      expression: "({ async  /*c*/ * /*d*/ ag2 () {} }).ag2",
    },
  },
  {
    name: "method: getter",
    source: "get x() { return this._x }",
    expected: { form: "getter", key: key("x"), expression: 'Object.getOwnPropertyDescriptor({ get x() { return this._x } }, "x").get' },
    runs: { args: [], returns: undefined, name: "get x" },
  },
  {
    name: "method: setter",
    source: "set x(v) { store = v }",
    expected: {
      form: "setter",
      key: key("x"),
      freeNames: ["store"],
      writtenNames: ["store"],
      expression: 'Object.getOwnPropertyDescriptor({ set x(v) { store = v } }, "x").set',
    },
  },
  {
    name: "method: static as written",
    source: "static foo() { return 1 }",
    expected: { form: "method", key: key("foo", { isStatic: true }), expression: "(class { static foo() { return 1 } }).foo" },
    runs: { args: [], returns: 1, name: "foo" },
  },
  {
    name: "method: static getter as written",
    source: "static get z() { return 1 }",
    expected: {
      form: "getter",
      key: key("z", { isStatic: true }),
      expression: 'Object.getOwnPropertyDescriptor(class { static get z() { return 1 } }, "z").get',
    },
    runs: { args: [], returns: 1, name: "get z" },
  },
  {
    name: "method: symbol key is not analysed",
    source: "[Symbol.iterator]() { return items.values() }",
    expected: {
      form: "method",
      key: computed("Symbol.iterator"),
      freeNames: ["items"],
      expression: '({ "m"() { return items.values() } }).m',
    },
  },
  {
    name: "method: computed key expression",
    source: '["computed" + k]() {}',
    expected: { form: "method", key: computed('"computed" + k'), expression: '({ "m"() {} }).m' },
    runs: { args: [], returns: undefined, name: "m" },
  },
  {
    name: "method: computed getter key with comments and parentheses",
    source: "get /*a*/ [ /*b*/ (k) ] () { return 1 }",
    expected: {
      form: "getter",
      key: computed("/*b*/ (k)"),
      expression: 'Object.getOwnPropertyDescriptor({ get /*a*/ "m" () { return 1 } }, "m").get',
    },
  },
  {
    name: "method: quoted key",
    source: "'quoted key'() {}",
    expected: { form: "method", key: key("'quoted key'", { value: "quoted key" }), expression: "({ 'quoted key'() {} })[\"quoted key\"]" },
    runs: { args: [], returns: undefined, name: "quoted key" },
  },
  {
    name: "method: numeric key",
    source: "123() {}",
    expected: { form: "method", key: key("123"), expression: '({ 123() {} })["123"]' },
  },
  {
    name: "method: hex numeric key is normalised",
    source: "0x10() {}",
    expected: { form: "method", key: key("0x10", { value: "16" }), expression: '({ 0x10() {} })["16"]' },
    runs: { args: [], returns: undefined, name: "16" },
  },
  {
    name: "method: object method named constructor",
    source: "constructor() { return 1 }",
    expected: { form: "method", key: key("constructor"), expression: "({ constructor() { return 1 } }).constructor" },
    runs: { args: [], returns: 1, name: "constructor" },
  },
  {
    name: "method: private",
    source: "#priv(a) { return a * 2 }",
    expected: {
      form: "method",
      key: key("#priv", { isPrivate: true }),
      expression: "(class { static #priv(a) { return a * 2 }; static m = this.#priv }).m",
    },
    runs: { args: [21], returns: 42, name: "#priv" },
  },
  {
    name: "method: private getter becomes public in the wrapper",
    source: "get #x() { return 1 }",
    expected: {
      form: "getter",
      key: key("#x", { isPrivate: true }),
      expression: 'Object.getOwnPropertyDescriptor(class { static get "m"() { return 1 } }, "m").get',
    },
  },
  {
    name: "method: uses private names of its class",
    source: "getP() { return this.#priv }",
    expected: { form: "method", key: key("getP"), privateNames: ["#priv"], expression: "({ getP() { return this.#priv } }).getP" },
    noEval: "#priv is declared only in the original class",
  },
  {
    name: "method: uses super",
    source: "foo() { return super.foo() + 1 }",
    expected: {
      form: "method",
      key: key("foo"),
      usesSuper: true,
      expression: "({ __proto__: __home, foo() { return super.foo() + 1 } }).foo",
    },
    runs: { args: [], returns: 42 },
  },
  {
    name: "method: getter uses super",
    source: "get x() { return super.x }",
    expected: {
      form: "getter",
      key: key("x"),
      usesSuper: true,
      expression: 'Object.getOwnPropertyDescriptor({ __proto__: __home, get x() { return super.x } }, "x").get',
    },
    runs: { args: [], returns: 42 },
  },
  {
    name: "method: named function and using super",
    source: "function() { return super.x }",
    expected: {
      form: "method",
      key: key("function"),
      usesSuper: true,
      expression: "({ __proto__: __home, function() { return super.x } }).function",
    },
    runs: { args: [], returns: 42, name: "function" },
  },
  {
    name: "method: static method uses super",
    source: "static foo() { return super.foo() + 1 }",
    expected: {
      form: "method",
      key: key("foo", { isStatic: true }),
      usesSuper: true,
      expression: "(class { static { Object.setPrototypeOf(this, __home); } static foo() { return super.foo() + 1 } }).foo",
    },
    runs: { args: [], returns: 42 },
  },
  {
    name: "method: this and arguments are its own",
    source: "m() { return () => this.x + arguments[0] + new.target }",
    expected: { form: "method", key: key("m"), expression: "({ m() { return () => this.x + arguments[0] + new.target } }).m" },
  },
  {
    name: "method: sloppy body with a with statement",
    source: "m(o) { with (o) return p }",
    expected: { form: "method", key: key("m"), freeNames: ["p"], usesWith: true, expression: "({ m(o) { with (o) return p } }).m" },
  },
];

/** `__home` of the evaluated expressions: super.foo() is 41, super.x is 42. */
const HOME = { foo: () => 41, x: 42 };
/** `this` of the evaluated expressions, for `this.Base` in a heritage. */
const ANY_THIS = new Proxy({}, { get: () => stub });

/** Value of every free name: callable, constructible and extendable. */
function stub(): unknown {
  return stub;
}

function evaluate(facts: FunctionSyntax): unknown {
  const make = new Function("__home", ...facts.freeNames, `return (${facts.expression});`);
  return make.call(ANY_THIS, HOME, ...facts.freeNames.map(() => stub));
}

function constructorName(facts: FunctionSyntax): string {
  if (facts.isAsync) return facts.isGenerator ? "AsyncGeneratorFunction" : "AsyncFunction";
  return facts.isGenerator ? "GeneratorFunction" : "Function";
}

describe("parseFunctionSource", () => {
  it("table: names are unique", () => {
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
  });

  for (const { name, source, expected } of rows) {
    it(name, () => {
      const { length: _length, ...facts } = parseFunctionSource(source);
      expect(facts).toEqual({ ...defaults(source), ...expected });
    });
  }

  for (const { name, source, runs } of rows.filter((row) => !row.noEval)) {
    it(`${name}: expression evaluates`, () => {
      checkExpression(source, runs);
    });
  }
});

function checkExpression(source: string, runs: Row["runs"]): void {
  const facts = parseFunctionSource(source);
  const fn = evaluate(facts) as (...args: unknown[]) => unknown;
  expect(typeof fn).toBe("function");
  expect(fn.constructor.name).toBe(constructorName(facts));
  if (facts.form === "class") expect(String(fn)).toBe(source);
  if (!runs) return;
  expect(fn.apply({}, runs.args)).toEqual(runs.returns);
  if (runs.name !== undefined) expect(fn.name).toBe(runs.name);
}

interface ErrorRow {
  name: string;
  source: string;
  message: string;
  line: number;
  column: number;
  isNative?: true;
}

const errorRows: ErrorRow[] = [
  {
    name: "error: native built-in function",
    source: "function push() { [native code] }",
    message: "function source:1:17: the text ends in [native code]: a built-in or bound function has no JavaScript source",
    line: 1,
    column: 17,
    isNative: true,
  },
  {
    name: "error: bound function",
    source: "function () { [native code] }",
    message: "function source:1:13: the text ends in [native code]: a built-in or bound function has no JavaScript source",
    line: 1,
    column: 13,
    isNative: true,
  },
  {
    name: "error: truncated method",
    source: "foo() {",
    message: "function source:1:8: Unexpected token",
    line: 1,
    column: 8,
  },
  {
    name: "error: syntax error on a later line",
    source: "function f() {\n  return 1 +;\n}",
    message: "function source:2:13: Unexpected token",
    line: 2,
    column: 13,
  },
  {
    name: "error: an expression that is not a function",
    source: "x = 1",
    message: "function source:1:1: expected a function, arrow function, class or method",
    line: 1,
    column: 1,
  },
  {
    name: "error: a class field is not a method",
    source: "static x = 1",
    message: "function source:1:1: expected a function, arrow function, class or method",
    line: 1,
    column: 1,
  },
];

describe("parseFunctionSource errors", () => {
  for (const { name, source, message, line, column, isNative } of errorRows) {
    it(name, () => {
      expect(() => parseFunctionSource(source)).toThrow(FunctionSyntaxError);
      expect(() => parseFunctionSource(source)).toThrow(expect.objectContaining({ message, line, column, isNative: isNative ?? false }));
    });
  }
});

const lengthRows: Array<{ name: string; source: string; length: number }> = [
  { name: "length: plain parameters", source: "function f(a, b, c) {}", length: 3 },
  { name: "length: stops at the first default", source: "function f(a, b = 1, c) {}", length: 1 },
  { name: "length: stops at a rest parameter", source: "(a, ...rest) => a", length: 1 },
  { name: "length: destructuring counts", source: "function f({ a }, [b]) {}", length: 2 },
  { name: "length: method", source: "m(a, b) {}", length: 2 },
  { name: "length: setter", source: "set x(v) {}", length: 1 },
  { name: "length: class takes its constructor's", source: "class A { constructor(a, b) {} m(x) {} }", length: 2 },
  { name: "length: class without constructor", source: "class A extends B { m(x, y) {} }", length: 0 },
];

describe("function length", () => {
  for (const row of lengthRows) {
    it(row.name, () => {
      expect(parseFunctionSource(row.source).length).toBe(row.length);
    });
  }
});
