// How a benchmark child hands its result to the parent: one line on stdout,
// this prefix and JSON, so whatever else the child or its packages print
// (warnings, logs) cannot be mistaken for it.
export const RESULT_PREFIX = "BENCH_RESULT ";

/** The result a child wrote to `stdout`, or undefined when it wrote none. */
export function resultOf(stdout) {
  const line = (stdout ?? "").split("\n").find((each) => each.startsWith(RESULT_PREFIX));
  return line === undefined ? undefined : JSON.parse(line.slice(RESULT_PREFIX.length));
}
