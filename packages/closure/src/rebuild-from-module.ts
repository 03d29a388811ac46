// After a refusal: is the refused value held by a binding at the top level
// of a module? Then it is rebuilt as Lambda would make it, from the slice of
// its module that declares and configures that binding (the walk runs
// again); where no slice is safe, the refusal says why and how to go on.
import { SerializationError } from "./errors.js";
import type { Inspector } from "./inspect/inspector.js";
import { moduleIndex } from "./inspect/module-index.js";
import { sliceModule } from "./inspect/module-slice.js";
import { dataOf } from "./kinds/shared/node-data.js";
import type { Walker } from "./kinds/shared/walk-state.js";
import type { GraphNode } from "./walk/graph.js";

/** Refusals of values a fresh evaluation of their declaration can avoid (not of a function's own code). */
const REBUILDABLE = new Set(["LIVE_HANDLE", "PRIVATE_STATE", "PENDING_PROMISE", "REJECTED_PROMISE", "NATIVE_FUNCTION", "UNSUPPORTED_VALUE"]);
/** A CommonJS module's own variables, which the package's module does not have. */
const MODULE_LOCALS = new Set(["module", "exports", "__filename", "__dirname"]);
const WAY_OUT = "create it inside the handler or with callbackFactory in the SDK, or pack with --mode bundle in the CLI (the module then runs as it is)";

/**
 * Registers the slice that rebuilds the module-level binding above the
 * walk's refusal, so the walk can run again; throws the refusal, with why
 * no slice was taken, when there is none.
 */
export function rebuildAfterRefusal(error: SerializationError, walker: Walker, inspector: Inspector): void {
  const refused = walker.refused;
  if (!REBUILDABLE.has(error.code) || !refused || walker.options.rebuildModuleBindings === false) throw error;
  const holder = moduleBindingAbove(refused);
  // Made inside a function: no declaration to run again, but the module can still run where the function does.
  if (!holder)
    throw new SerializationError(
      error.code,
      error.path,
      error.problem,
      `${error.hint ?? "create it inside the handler"}; or use callbackFactory in the SDK, or pack with --mode bundle in the CLI`,
    );
  const { context, name, scriptId } = holder.binding!;
  const data = dataOf(context, "context");
  const recipes = walker.session.moduleSlices;
  const refuse = (why: string): never => {
    // The refused part is the package's business; the hint speaks of the binding the user declared.
    throw new SerializationError(error.code, error.path, error.problem, `\`${name}\` cannot be rebuilt from its module: ${why}; ${WAY_OUT}`);
  };
  if (recipes.has(holder.value)) throw error;
  if (data.written.has(name)) refuse("a captured function assigns it");
  if (scriptId === undefined) refuse("its module's source is not known");
  const sourceType = data.scope.kind === "module" ? "module" : "script";
  const kept = (each: string): boolean => Object.hasOwn(data.scope.variables, each);
  const result = sliceModule(moduleIndex().scriptSource(inspector, scriptId!), sourceType, name, kept);
  if ("problem" in result) return refuse(result.problem);
  const local = sourceType === "script" ? result.slice.freeNames.find((each) => MODULE_LOCALS.has(each) && !kept(each)) : undefined;
  if (local !== undefined) refuse(`its declaration reads \`${local}\`, which the package's module does not share`);
  recipes.set(holder.value, {
    name,
    body: result.slice.body,
    requires: result.slice.requires,
    freeNames: result.slice.freeNames,
    variables: data.scope.variables,
    sourceType,
    why: `${error.problem.replace(/^cannot serialize /, "holds ")} (${error.code}): rebuilt from its declaration, line ${result.slice.line} of its module`,
  });
}

/** The nearest value above `node` on its route from the root that a module's top-level binding holds. */
function moduleBindingAbove(node: GraphNode): GraphNode | undefined {
  for (let at: GraphNode | undefined = node; at; at = at.via) {
    if (at.binding && dataOf(at.binding.context, "context").singleton && typeof at.value === "object" && at.value !== null) return at;
  }
  return undefined;
}
