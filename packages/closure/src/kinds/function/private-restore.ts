// #private state of captured class instances. Only code inside a class body
// can install its private fields, and only by constructing. So a class whose
// instances carry private state is emitted with two hooks injected into its
// body: a constructor guard that, while restoring, skips the user's
// constructor body (a derived class gets a stub parent that returns a bare
// object, on which the fields are installed), and a static block exposing a
// setter for each private field. Instances are then made and filled without
// running user code beyond field initialisers.
import * as acorn from "acorn";

/** `class … { … }` with restore hooks bound to `__restore`, or undefined when the source has no usable shape. */
export function injectRestoreHooks(classSource: string, fields: readonly string[]): string | undefined {
  let program: acorn.Program;
  try {
    program = acorn.parse(`(${classSource})`, { ecmaVersion: "latest", sourceType: "script" });
  } catch {
    return undefined;
  }
  const statement = program.body[0];
  if (statement?.type !== "ExpressionStatement" || statement.expression.type !== "ClassExpression") return undefined;
  const cls = statement.expression;
  const derived = cls.superClass !== null && cls.superClass !== undefined;
  const offset = 1; // the opening parenthesis
  const bodyEnd = cls.body.end - offset - 1;
  const constructor = cls.body.body.find((member): member is acorn.MethodDefinition => member.type === "MethodDefinition" && member.kind === "constructor");
  const guard = derived ? "if (__restore.on) { super(); return; }" : "if (__restore.on) return;";
  const setter = fields.map((name) => `case ${JSON.stringify(name)}: o.${name} = v; break;`).join(" ");
  const hooks = ` static { __restore.set = (o, name, v) => { switch (name) { ${setter} } }; }`;
  let text = `${classSource.slice(0, bodyEnd)}${hooks}${classSource.slice(bodyEnd)}`;
  if (constructor) {
    const at = constructor.value.body.start - offset + 1;
    text = `${text.slice(0, at)} ${guard} ${text.slice(at)}`;
  } else {
    const bodyStart = cls.body.start - offset + 1;
    const added = derived ? `constructor(...args) { ${guard} super(...args); }` : `constructor() { ${guard} }`;
    text = `${text.slice(0, bodyStart)} ${added}${text.slice(bodyStart)}`;
  }
  return text;
}

/**
 * Source of the hooks object's `make`: a bare instance with the fields of the
 * class and of its ancestors installed (their hooks are on too, so each
 * constructor returns right after `super()`). With `top` (the first class of
 * the chain, whose parent is a built-in), also `adopt(o)`: the fields are
 * installed on `o`, a built-in made through its own API (a Map, an
 * EventTarget), by giving `top` for that one construction a parent whose
 * constructor returns `o`, the only way to add private fields to an object
 * that exists already.
 */
export function restoreMakeSource(className: string, hooks: string, ancestors: readonly string[], top?: string): string {
  const all = [hooks, ...ancestors];
  const on = all.map((each) => `${each}.on = true;`).join(" ");
  const off = all.map((each) => `${each}.on = false;`).join(" ");
  const make = `${hooks}.make = () => { ${on} try { return new ${className}(); } finally { ${off} } };`;
  if (top === undefined) return make;
  const adopt =
    `${hooks}.adopt = (o) => { const parent = Object.getPrototypeOf(${top}); Object.setPrototypeOf(${top}, function () { return o; }); ${on} ` +
    `try { new ${className}(); } finally { ${off} Object.setPrototypeOf(${top}, parent); } };`;
  return `${make}\n${adopt}`;
}
