// Which functions to read from the inspector together. Each read costs
// round trips (a handle, the internal properties, the scopes as live
// values), so a chain of functions calling each other (f0 calls f1, which
// calls f2…), met one at a time by the walk, paid three per function. The
// functions a function's free names lead to in the scopes it closes over are
// the ones the walk meets next: they are read in the same batch. A guess
// the walk never uses costs one read, never a wrong fact (facts are kept by
// function identity and are facts of that function).
import type { FunctionPrefetch, Walker } from "../shared/walk-state.js";
import type { GraphNode } from "../../walk/graph.js";
import { inspectFunctions, syntaxOf, type FunctionFacts, type ScopeFacts } from "../../inspect/function-facts.js";

/** At most this many functions are read ahead at once (each holds inspector handles until the batch ends). */
const MAX_GUESSES = 256;

/** Reads the facts of the queued function nodes not read yet, and of the functions they lead to. */
export function prefetchFunctions(nodes: readonly GraphNode[], walker: Walker): void {
  const state = walker.state.functionFacts;
  const fns = nodes.map((node) => node.value as Function).filter((fn) => !state.read.has(fn));
  if (fns.length === 0) return;
  read(fns, walker, state);
  const guesses = likelyNext(fns, walker, state);
  if (guesses.length === 0) return;
  try {
    read(guesses, walker, state);
  } catch {
    // A guess the inspector cannot read is read again, and reported, if the walk meets it.
    for (const fn of guesses) if (!state.facts.has(fn)) state.read.delete(fn);
  }
}

/** The facts read ahead for `fn`, once (the walk keeps what it needs). */
export function takePrefetched(walker: Walker, fn: Function): FunctionFacts | undefined {
  const state = walker.state.functionFacts;
  const facts = state.facts.get(fn);
  state.facts.delete(fn);
  return facts;
}

function read(fns: readonly Function[], walker: Walker, state: FunctionPrefetch): void {
  for (const fn of fns) state.read.add(fn);
  const facts = inspectFunctions(walker.inspector, fns);
  fns.forEach((fn, i) => state.facts.set(fn, facts[i]!));
}

/**
 * Functions the free names of `fns` lead to, through the scopes they close
 * over (innermost first, as the walk resolves them), then through theirs:
 * a function found in a scope is taken to close over that scope and the
 * ones around it. Only functions the walk would inspect (not globals,
 * package exports or require) count.
 */
function likelyNext(fns: readonly Function[], walker: Walker, state: FunctionPrefetch): Function[] {
  const found = new Set<Function>();
  const queue: Array<[Function, readonly ScopeFacts[]]> = fns.map((fn) => [fn, state.facts.get(fn)!.scopes]);
  for (let i = 0; i < queue.length && found.size < MAX_GUESSES; i++) {
    const [fn, scopes] = queue[i]!;
    for (const name of syntaxOf(fn)?.freeNames ?? []) {
      const at = scopes.findIndex((scope) => scope.kind !== "global" && Object.hasOwn(scope.variables, name));
      const value = at < 0 ? undefined : scopes[at]!.variables[name];
      if (typeof value !== "function" || found.has(value) || state.read.has(value) || walker.classify(value, walker) !== "function") continue;
      found.add(value);
      queue.push([value, scopes.slice(at)]);
      if (found.size >= MAX_GUESSES) break;
    }
  }
  return [...found];
}
