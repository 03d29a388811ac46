// Helpers every provider module uses: recognising AWS error codes, bounded
// retries while AWS converges, and the tags every created resource carries.
import type { ProviderContext } from "./context.js";

export function errorCode(error: unknown): string {
  const e = error as { name?: string; Code?: string; code?: string } | null;
  if (e === null || typeof e !== "object") return "";
  // Node's system errors are named "Error" and carry their code (ECONNREFUSED).
  return e.Code ?? (e.name !== undefined && e.name !== "Error" ? e.name : (e.code ?? e.name ?? ""));
}

export function isNotFound(error: unknown, ...codes: string[]): boolean {
  const code = errorCode(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return codes.includes(code) || code === "NotFound" || (codes.length === 0 && status === 404);
}

/** Calls `call` until it succeeds or fails otherwise than `shouldRetry` says, at most context.retries times. */
export async function retrying<T>(context: ProviderContext, shouldRetry: (error: unknown) => boolean, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= context.retries || !shouldRetry(error)) throw error;
      await new Promise((done) => setTimeout(done, context.retryDelayMs));
    }
  }
}

/** The tags a resource gets: the user's, then the stack's (which the user cannot override). */
export function resourceTags(context: ProviderContext & { name: string }, given: unknown): Record<string, string> {
  return {
    ...((given as Record<string, string> | undefined) ?? {}),
    "closure-pack:project": context.project,
    "closure-pack:stack": context.stack,
    "closure-pack:name": context.name,
  };
}

/** Tags as services answer them: a map, or a list of Key/Value pairs. */
export type TagsRead = Record<string, string> | Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined;

/** Tags as one map, whichever way the service answered them. */
export function tagRecord(tags: TagsRead): Record<string, string> {
  return Array.isArray(tags) ? Object.fromEntries(tags.map((tag) => [tag.Key ?? "", tag.Value ?? ""])) : (tags ?? {});
}

/**
 * Whether an existing resource carries this stack's tags for this resource:
 * only then is a name found taken on create adopted (a run cut short made
 * it). Anything else under that name is someone else's: "name taken".
 */
export function isOwnResource(context: ProviderContext & { name: string }, tags: TagsRead): boolean {
  const found = tagRecord(tags);
  return found["closure-pack:project"] === context.project && found["closure-pack:stack"] === context.stack && found["closure-pack:name"] === context.name;
}

const MADE_NOTHING = Symbol.for("closure-pack.made-nothing");

/**
 * Marks the error of a create that made nothing because the name is taken:
 * the engine then forgets the journaled create instead of letting the next
 * run adopt whatever is under that name.
 */
export function nameTaken<T>(error: T): T {
  if (typeof error === "object" && error !== null) Object.defineProperty(error, MADE_NOTHING, { value: true });
  return error;
}

/**
 * The error of a create that found its name held by a resource this stack
 * did not make (its tags say so): AWS's code for a taken name, marked as
 * having made nothing (nameTaken).
 */
export function notMadeByThisStack(kind: string, id: string, code: string): Error {
  return nameTaken(Object.assign(new Error(`${kind} ${id} exists in this account and was not made by this stack`), { name: code }));
}

export function madeNothing(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[MADE_NOTHING] === true;
}

export function tagList(tags: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key]! }));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
