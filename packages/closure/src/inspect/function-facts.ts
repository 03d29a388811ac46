// Facts about one live function: its source text and parsed syntax (cached
// by identity across calls, they never change), where it was defined, the
// scopes it closes over (read fresh for every serialization) and, for bound
// functions, their target, receiver and arguments. Makes no decisions.
import type { Inspector, RemoteObject } from "./inspector.js";
import { parseFunctionSource, type FunctionSyntax } from "./function-syntax.js";

export type ScopeKind = "closure" | "block" | "catch" | "script" | "module" | "with" | "eval" | "global" | "other";

/** One entry of a function's [[Scopes]], innermost first. */
export interface ScopeFacts {
  kind: ScopeKind;
  /** V8's label, e.g. "Closure (makeCounter)". */
  description: string;
  /** A null-prototype copy of the scope's variables. */
  variables: Record<string, unknown>;
}

export interface BoundFacts {
  target: Function;
  thisArg: unknown;
  args: unknown[];
}

export interface FunctionLocation {
  scriptId: string;
  line: number;
  column: number;
}

export interface FunctionFacts {
  source: string;
  /** Undefined for bound functions and native code. */
  syntax: FunctionSyntax | undefined;
  /** Why the source could not be parsed, when it could not. */
  syntaxError: Error | undefined;
  location: FunctionLocation | undefined;
  scopes: ScopeFacts[];
  bound: BoundFacts | undefined;
}

interface StaticFacts {
  source: string;
  syntax: FunctionSyntax | undefined;
  syntaxError: Error | undefined;
}

const staticFacts = new WeakMap<Function, StaticFacts>();
// The same source text parses the same way: closures made by one factory
// share it. Bounded, so a program that makes endless distinct functions
// cannot grow it without limit.
const syntaxBySource = new Map<string, StaticFacts>();
const MAX_CACHED_SOURCES = 10_000;

/** Reads everything the serializer needs to know about `fn`. */
export function inspectFunction(inspector: Inspector, fn: Function): FunctionFacts {
  return inspectFunctions(inspector, [fn])[0]!;
}

/**
 * The facts of many functions in N + 3 round trips instead of 3N: handles in
 * one batch, internal properties per function, then every live value
 * ([[Scopes]] lists, bound parts) in one call.
 */
export function inspectFunctions(inspector: Inspector, fns: readonly Function[]): FunctionFacts[] {
  const ids = inspector.objectIdsOf(fns);
  const internals = ids.map((objectId) => inspector.internalsById(objectId).internal);
  const remotes: RemoteObject[] = [];
  const firstRemote = internals.map((internal) => {
    const at = remotes.length;
    const target = internal.get("[[TargetFunction]]");
    if (target) remotes.push(target, internal.get("[[BoundThis]]")!, internal.get("[[BoundArgs]]")!);
    else {
      const scopes = internal.get("[[Scopes]]");
      if (scopes?.objectId) remotes.push(scopes);
    }
    return at;
  });
  const live = inspector.liveValues(remotes);
  return fns.map((fn, i) => factsOf(fn, internals[i]!, live, firstRemote[i]!));
}

function factsOf(fn: Function, internal: Map<string, RemoteObject>, live: unknown[], at: number): FunctionFacts {
  if (internal.has("[[TargetFunction]]")) {
    const bound = { target: live[at] as Function, thisArg: live[at + 1], args: [...(live[at + 2] as unknown[])] };
    return { ...readStatic(fn), location: undefined, scopes: [], bound };
  }
  const scopes = internal.get("[[Scopes]]")?.objectId ? readScopes(live[at]) : [];
  return { ...readStatic(fn), location: functionLocation(internal), scopes, bound: undefined };
}

/** Where a function was defined, from its internal properties; undefined for bound and native functions. */
export function functionLocation(internal: ReadonlyMap<string, RemoteObject>): FunctionLocation | undefined {
  const where = internal.get("[[FunctionLocation]]")?.value as { scriptId: string; lineNumber: number; columnNumber: number } | undefined;
  return where && { scriptId: where.scriptId, line: where.lineNumber, column: where.columnNumber };
}

/** The parsed syntax of `fn` (undefined for bound and native functions), read without the inspector; cached like inspectFunction's. */
export function syntaxOf(fn: Function): FunctionSyntax | undefined {
  return readStatic(fn).syntax;
}

function readStatic(fn: Function): StaticFacts {
  let facts = staticFacts.get(fn);
  if (!facts) {
    const source = Function.prototype.toString.call(fn);
    facts = syntaxBySource.get(source);
    if (!facts) {
      facts = { source, syntax: undefined, syntaxError: undefined };
      try {
        facts.syntax = parseFunctionSource(source);
      } catch (error) {
        facts.syntaxError = error as Error;
      }
      if (syntaxBySource.size >= MAX_CACHED_SOURCES) syntaxBySource.clear();
      syntaxBySource.set(source, facts);
    }
    staticFacts.set(fn, facts);
  }
  return facts;
}

function readScopes(list: unknown): ScopeFacts[] {
  const entries = list as ArrayLike<{ description: string; object: Record<string, unknown> }>;
  const scopes: ScopeFacts[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    scopes.push({ kind: scopeKindOf(entry.description), description: entry.description, variables: entry.object });
  }
  return scopes;
}

function scopeKindOf(description: string): ScopeKind {
  const word = description.split(" ", 1)[0]!.toLowerCase();
  switch (word) {
    case "closure":
    case "block":
    case "catch":
    case "script":
    case "module":
    case "with":
    case "eval":
    case "global":
      return word;
    default:
      return "other";
  }
}
