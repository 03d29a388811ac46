// Loading an entry must end. An ES module whose top-level await waits on a
// promise nothing will settle leaves Node with an empty event loop: the
// process would exit 0 with nothing done. One that waits on a live timer or
// socket would hang forever. Both become errors naming the entry.
import { CliError } from "./errors.js";

/** Seconds an entry may take to load unless --load-timeout says otherwise. */
export const DEFAULT_LOAD_TIMEOUT = 60;

export interface LoadDeadline {
  seconds: number;
  /** Packing (pack, print) offers --load-timeout and --mode bundle; a deploy program neither. */
  packing: boolean;
}

/** `loading`, or an error once the event loop empties or the deadline passes first. */
export function withLoadDeadline<T>(loading: Promise<T>, file: string, deadline: LoadDeadline): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (error: CliError) => {
      done();
      reject(error);
    };
    // "beforeExit" comes when nothing is left to run: the await can never settle.
    const onEmptyLoop = () => fail(neverSettled(file, deadline));
    // Unreferenced: the timer alone must not keep the loop from emptying.
    const timer = setTimeout(() => fail(timedOut(file, deadline)), deadline.seconds * 1000).unref();
    const done = () => {
      clearTimeout(timer);
      process.removeListener("beforeExit", onEmptyLoop);
    };
    process.once("beforeExit", onEmptyLoop);
    loading.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

function neverSettled(file: string, deadline: LoadDeadline): CliError {
  const instead = deadline.packing ? "pack without running the module: --mode bundle" : "await it inside a function instead";
  return new CliError("TOP_LEVEL_AWAIT_NEVER_SETTLED", file, "its top-level await never settled", {
    hint: `it waits on a promise that nothing resolves: resolve it, or ${instead}`,
  });
}

function timedOut(file: string, deadline: LoadDeadline): CliError {
  const hint = deadline.packing
    ? "raise the limit with --load-timeout <s>, or pack without running the module: --mode bundle"
    : "module-level code must finish: end the wait, or await it inside a function instead";
  return new CliError("LOAD_TIMEOUT", file, `still loading after ${deadline.seconds} s (a top-level await waiting on a timer or a connection?)`, { hint });
}
