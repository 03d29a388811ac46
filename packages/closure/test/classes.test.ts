// Issue item 4: classes are emitted as classes: constructors, fields, static
// blocks, accessors, #private members and private state of instances,
// computed keys, extends (user classes, mixins, built-ins), super, and
// instanceof between captured instances and their classes.
import { describe } from "vitest";
import { roundTripTable, type RoundTripCase } from "./support/table.js";
import { unsupported } from "./unsupported.js";

const thrice = "(f) => [f(), f(), f()]";
const point = `class Point { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } }\n`;
const httpError = `class HttpError extends Error { constructor(status, message) { super(message); this.status = status; this.name = "HttpError"; } }\n`;

const rows: RoundTripCase[] = [
  {
    name: "class: constructor and method",
    source: `${point}exports.fn = () => new Point(1, 2).sum();`,
    expected: 3,
  },
  {
    name: "class: the class itself is the function",
    source: `${point}exports.fn = Point;`,
    probe: "(P) => ({ cls: P, sum: new P(2, 3).sum(), instance: new P(1, 1) })",
  },
  {
    name: "class: calling a class without new throws",
    source: `${point}exports.fn = Point;`,
    probe: "(P) => P(1, 2)",
    throws: true,
  },
  {
    name: "class: instance and static fields read captures",
    source: `const base = 10;\nclass C { a = base; b = this.a + 1; static s = base * 2; }\nexports.fn = () => [new C().a, new C().b, C.s];`,
    expected: [10, 11, 20],
  },
  {
    // A static block ran once in the original; whether the copy re-runs it
    // at load (init becoming 2) or restores the state after it is the
    // serializer's call. The original's answer is the reference here.
    name: "class: static block",
    source: `let init = 0;\nclass C { static ready; static { init++; C.ready = "yes"; } }\nexports.fn = () => [C.ready, init];`,
    expected: ["yes", 1],
  },
  {
    name: "class: getter and setter",
    source: `class Temp { _c = 0; get f() { return (this._c * 9) / 5 + 32; } set f(v) { this._c = ((v - 32) * 5) / 9; } }\nexports.fn = () => { const t = new Temp(); t.f = 212; return [t._c, t.f]; };`,
    expected: [100, 212],
  },
  {
    name: "class: static accessor over a static field",
    source: `class Config { static #level = 1; static get level() { return Config.#level; } static set level(v) { Config.#level = v; } }\nexports.fn = () => { Config.level = Config.level + 1; return Config.level; };`,
    probe: thrice,
    expected: [2, 3, 4],
  },
  {
    name: "class: prototype members keep their descriptors",
    source: `class C { m() {} get v() { return 1; } set v(x) {} static s() {} }\nexports.fn = C;`,
    probe: "(C) => [Object.getOwnPropertyNames(C.prototype), C.prototype, C]",
  },
  {
    name: "class: private field",
    source: `class Counter { #n = 0; inc() { return ++this.#n; } }\nexports.fn = () => { const c = new Counter(); c.inc(); return c.inc(); };`,
    expected: 2,
  },
  {
    name: "class: private method",
    source: `class Vault { #secret() { return 42; } reveal() { return this.#secret(); } }\nexports.fn = () => new Vault().reveal();`,
    expected: 42,
  },
  {
    name: "class: private getter",
    source: `class T { #v = 2; get #double() { return this.#v * 2; } read() { return this.#double; } }\nexports.fn = () => new T().read();`,
    expected: 4,
  },
  {
    name: "class: private static field and method",
    source: `class Ids { static #next = 1; static #format(n) { return "id-" + n; } static take() { return Ids.#format(Ids.#next++); } }\nexports.fn = () => Ids.take();`,
    probe: thrice,
    expected: ["id-1", "id-2", "id-3"],
  },
  {
    name: "class: private brand check with in",
    source: `class A { #x; static has(o) { return #x in o; } }\nexports.fn = () => [A.has(new A()), A.has({})];`,
    expected: [true, false],
  },
  {
    name: "class: private state of a captured instance",
    source: `class Counter { #n = 0; inc() { return ++this.#n; } }\nconst c = new Counter();\nc.inc();\nc.inc();\nexports.fn = () => c.inc();`,
    probe: thrice,
    expected: [3, 4, 5],
  },
  {
    name: "class: private state of two captured instances of one class",
    source: `class Box { #v; constructor(v) { this.#v = v; } get() { return this.#v; } swap(o) { [this.#v, o.#v] = [o.#v, this.#v]; } }\nconst a = new Box("a"), b = new Box("b");\nexports.fn = () => { a.swap(b); return [a.get(), b.get()]; };`,
    probe: "(f) => [f(), f()]",
    expected: [
      ["b", "a"],
      ["a", "b"],
    ],
  },
  {
    name: "class: private field holding an object shared with another capture",
    source: `const shared = { v: 1 };\nclass Box { #ref; constructor(r) { this.#ref = r; } get() { return this.#ref; } }\nconst box = new Box(shared);\nexports.fn = () => box.get() === shared;`,
    expected: true,
  },
  {
    name: "class: same private name in a parent and a subclass",
    source: `class A { #x = "a"; ax() { return this.#x; } }\nclass B extends A { #x = "b"; bx() { return this.#x; } }\nconst b = new B();\nexports.fn = () => [b.ax(), b.bx()];`,
    expected: ["a", "b"],
  },
  {
    name: "class: private state through a chain whose constructors have side effects",
    source: `let made = 0;\nclass A { #a; constructor(a) { made++; this.#a = a; } a() { return this.#a; } }\nclass B extends A { #b; constructor(a, b) { super(a); made++; this.#b = b; } b() { return this.#b; } }\nconst x = new B(1, 2);\nexports.fn = () => [x.a(), x.b(), made];`,
    expected: [1, 2, 2],
  },
  {
    // The key variables are read by the function too, so V8 keeps them.
    name: "class: computed keys",
    source: `const method = "hello";\nconst sym = Symbol("tag");\nclass C { [method]() { return "hi"; } static [sym] = "static"; ["x" + 1] = 5; }\nexports.fn = () => [new C()[method](), C[sym], new C().x1];`,
    expected: ["hi", "static", 5],
  },
  unsupported("class: computed key read from a variable V8 did not keep"),
  {
    name: "class: generator method keyed by Symbol.iterator",
    source: `class Range { constructor(n) { this.n = n; } *[Symbol.iterator]() { for (let i = 0; i < this.n; i++) yield i; } }\nexports.fn = () => [...new Range(3)];`,
    expected: [0, 1, 2],
  },
  {
    name: "class: Symbol.toPrimitive method",
    source: `class Money { constructor(c) { this.c = c; } [Symbol.toPrimitive](hint) { return hint === "number" ? this.c / 100 : "$" + (this.c / 100).toFixed(2); } }\nexports.fn = () => [String(new Money(150)), +new Money(150)];`,
    expected: ["$1.50", 1.5],
  },
  {
    name: "class: static Symbol.hasInstance",
    source: `class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }\nexports.fn = () => [2 instanceof Even, 3 instanceof Even];`,
    expected: [true, false],
  },
  {
    name: "class: extends a user class with super() and super.method()",
    source: `class Animal { constructor(name) { this.name = name; } speak() { return this.name + " makes a sound"; } }\nclass Dog extends Animal { constructor(name) { super(name); this.kind = "dog"; } speak() { return super.speak() + " (woof)"; } }\nexports.fn = () => { const d = new Dog("Rex"); return [d.speak(), d.kind, d instanceof Animal]; };`,
    expected: ["Rex makes a sound (woof)", "dog", true],
  },
  {
    name: "class: super property in a static method",
    source: `class A { static who() { return "A"; } }\nclass B extends A { static who() { return super.who() + "B"; } }\nexports.fn = () => B.who();`,
    expected: "AB",
  },
  {
    name: "class: super in an arrow inside a method",
    source: `class A { greet() { return "a"; } }\nclass B extends A { greet() { return [1].map(() => super.greet() + "b")[0]; } }\nexports.fn = () => new B().greet();`,
    expected: "ab",
  },
  {
    name: "class: static inheritance and new this()",
    source: `class A { static create() { return new this(); } }\nclass B extends A {}\nexports.fn = () => [B.create() instanceof B, Object.getPrototypeOf(B) === A];`,
    expected: [true, true],
  },
  {
    name: "class: new.target in a base constructor reached from a subclass",
    source: `class A { constructor() { this.made = new.target.name; } }\nclass B extends A {}\nexports.fn = () => [new A().made, new B().made];`,
    expected: ["A", "B"],
  },
  {
    name: "class: instanceof between a captured instance and its class",
    source: `class K {}\nconst k = new K();\nexports.fn = () => [k instanceof K, Object.getPrototypeOf(k) === K.prototype];`,
    expected: [true, true],
  },
  {
    name: "class: instanceof through a subclass chain",
    source: `class A {}\nclass B extends A {}\nconst b = new B();\nexports.fn = () => [b instanceof A, b instanceof B, B.prototype instanceof A];`,
    expected: [true, true, true],
  },
  {
    name: "class: captured instance of a user class",
    source: `${point}const p = new Point(3, 4);\nexports.fn = () => p;`,
    probe: "(f) => [f(), f().sum()]",
  },
  {
    name: "class: static counter updated by the constructor",
    source: `class Node { static count = 0; constructor() { Node.count++; } }\nexports.fn = () => (new Node(), Node.count);`,
    probe: thrice,
    expected: [1, 2, 3],
  },
  {
    name: "class: method added to the prototype after the class",
    source: `class A { hi() { return "hi"; } }\nA.prototype.bye = function () { return "bye"; };\nexports.fn = () => [new A().hi(), new A().bye()];`,
    expected: ["hi", "bye"],
  },
  {
    name: "class: class expression bound to a const",
    source: `const Anon = class { v() { return 1; } };\nexports.fn = () => [new Anon().v(), Anon.name];`,
    expected: [1, "Anon"],
  },
  {
    name: "class: anonymous class expression keeps an empty name",
    source: `const classes = [class {}];\nexports.fn = () => classes[0].name;`,
    expected: "",
  },
  {
    name: "class: named class expression refers to itself by its inner name",
    source: `const Outer = class Inner { static self() { return Inner; } };\nexports.fn = () => [Outer.self() === Outer, Outer.name];`,
    expected: [true, "Inner"],
  },
  {
    name: "class: mixins",
    source: `const Serializable = (Base) => class extends Base { toJSON() { return { ...this }; } };\nconst Named = (Base) => class extends Base { constructor(...a) { super(...a); this.name = "n"; } };\nclass Base0 { constructor() { this.id = 1; } }\nclass Thing extends Serializable(Named(Base0)) {}\nexports.fn = () => [JSON.stringify(new Thing()), new Thing() instanceof Base0];`,
    expected: ['{"id":1,"name":"n"}', true],
  },
  {
    name: "class: extends Error",
    source: `${httpError}exports.fn = () => { const e = new HttpError(404, "missing"); return [e instanceof Error, e instanceof HttpError, e.message, e.status, e.name]; };`,
    expected: [true, true, "missing", 404, "HttpError"],
  },
  {
    name: "class: captured instance of an Error subclass",
    source: `${httpError}const err = new HttpError(500, "boom");\nexports.fn = () => [err, err instanceof HttpError];`,
  },
  {
    name: "class: extends Array",
    source: `class Stack extends Array { peek() { return this[this.length - 1]; } }\nconst s = Stack.from([1, 2, 3]);\nexports.fn = () => [s.peek(), s.length, Array.isArray(s), s instanceof Stack, s.map((x) => x * 2) instanceof Stack];`,
    expected: [3, 3, true, true, true],
  },
  {
    name: "class: extends Map",
    source: `class DefaultMap extends Map { get(k) { return super.has(k) ? super.get(k) : 0; } }\nconst m = new DefaultMap([["a", 1]]);\nexports.fn = () => [m.get("a"), m.get("b"), m.size, m instanceof Map];`,
    expected: [1, 0, 1, true],
  },
  {
    name: "class: extends EventEmitter",
    source: `const { EventEmitter } = require("events");\nclass Bus extends EventEmitter { fire(v) { let got; this.once("x", (a) => (got = a)); this.emit("x", v); return got; } }\nexports.fn = () => new Bus().fire(5);`,
    expected: 5,
    modules: ["events"],
  },
  {
    // The instance carries Node-internal symbol-keyed state (kCapture,
    // kShapeMode) that no module exports; unsure how it can be rebuilt.
    name: "class: captured EventEmitter subclass instance with a listener",
    source: `const { EventEmitter } = require("events");\nclass Bus extends EventEmitter {}\nconst bus = new Bus();\nlet total = 0;\nbus.on("add", (n) => (total += n));\nexports.fn = () => { bus.emit("add", 2); return [total, bus.listenerCount("add")]; };`,
    probe: "(f) => [f(), f()]",
    expected: [
      [2, 1],
      [4, 1],
    ],
  },
  {
    name: "class: object literal method using super via __proto__",
    source: `const base = { hi() { return "base"; } };\nconst obj = { __proto__: base, hi() { return super.hi() + "+obj"; } };\nexports.fn = () => obj.hi();`,
    expected: "base+obj",
  },
  {
    name: "class: super-using method moved to another object keeps its home object",
    source: `const base = { hi() { return "base"; } };\nconst obj = { __proto__: base, hi() { return super.hi() + "+obj"; } };\nconst other = { __proto__: { hi() { return "other"; } }, hi: obj.hi };\nexports.fn = () => [other.hi(), obj.hi()];`,
    expected: ["base+obj", "base+obj"],
  },
  {
    name: "class: super-using object method whose home's prototype was set after it was defined",
    source: `const obj = { __proto__: { hi() { return "first"; } }, hi() { return super.hi() + "+obj"; } };\nObject.setPrototypeOf(obj, { hi() { return "later"; } });\nconst hi = obj.hi;\nexports.fn = () => [hi.call({}), obj.hi()];`,
    expected: ["later+obj", "later+obj"],
  },
  {
    name: "class: methods using super taken from their class (instance, static, getter) and called on other objects",
    source: `class A { m() { return "A"; } static who() { return "static A"; } }\nclass B extends A { m() { return super.m() + "B"; } static s() { return super.who() + "+B"; } get g() { return super.m() + "-getter"; } }\nconst m = B.prototype.m, s = B.s, g = Object.getOwnPropertyDescriptor(B.prototype, "g").get;\nexports.fn = () => [m.call({}), s.call(null), g.call({})];`,
    expected: ["AB", "static A+B", "A-getter"],
  },
  {
    name: "class: super inside an arrow that is the exported function, reading arguments and this",
    source: `class A { m() { return "A"; } static who() { return "static A"; } }\nclass B extends A { m() { return "B"; } arrow(...xs) { return () => super.m() + arguments.length + xs.length + this.tag; } static staticArrow() { return () => super.who() + this.name; } }\nconst b = new B();\nb.tag = "!";\nexports.fn = b.arrow(1, 2);`,
    expected: "A22!",
  },
  {
    name: "class: super inside an arrow made in a static method",
    source: `class A { static who() { return "static A"; } }\nclass B extends A { static who() { return "B"; } static arrow() { return () => super.who() + "/" + this.name; } }\nexports.fn = B.arrow();`,
    expected: "static A/B",
  },
  // Static #private fields: the initialiser runs again in the copy; the value
  // the field held when serialized is set through the restore hooks.
  {
    name: "class: static #private field filled at module level",
    source: `class Router { static #routes = new Map(); static add(k, v) { Router.#routes.set(k, v); } static get(k) { return Router.#routes.get(k) ?? 404; } }\nRouter.add("/a", 200);\nexports.fn = () => [Router.get("/a"), Router.get("/b")];`,
    expected: [200, 404],
  },
  {
    name: "class: static #private counter keeps counting",
    source: `class Ids { static #next = 0; static #prefix = "id-"; static take() { return Ids.#prefix + Ids.#next++; } }\nIds.take(); Ids.take();\nexports.fn = () => Ids.take();`,
    probe: thrice,
    expected: ["id-2", "id-3", "id-4"],
  },
  {
    name: "class: static #private instance of the class itself, with instance #private state",
    source: `class Registry { static #default; #items = []; static get default() { return (Registry.#default ??= new Registry()); } static #m() { return "m"; } static get #tag() { return "t"; } add(x) { this.#items.push(x); return this.#items.length; } static extra() { return Registry.#m() + Registry.#tag; } }\nRegistry.default.add("a");\nexports.fn = () => [Registry.default.add("b"), Registry.default instanceof Registry, Registry.extra()];`,
    expected: [2, true, "mt"],
  },
  {
    name: "class: static #private fields of a parent and a subclass",
    source: `class Base { static #count = 0; static bump() { return ++Base.#count; } }\nclass Sub extends Base { static #label = "sub"; static label() { return Sub.#label + Base.bump(); } }\nBase.bump(); Sub.bump();\nexports.fn = () => Sub.label();`,
    expected: "sub3",
  },
];

describe.concurrent("classes", () => roundTripTable(rows));
