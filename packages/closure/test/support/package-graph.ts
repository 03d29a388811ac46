// The package graph STYLE.md §1 allows: which workspace folders each
// workspace folder may depend on (cli -> aws -> pack -> closure; cli -> cloud
// -> runtime; aws and cloud -> event-rules; every package -> errors). Checked
// against package.json by workspace.test.ts and against the imports in the
// source by import-graph.test.ts.

/** Which workspace folders each workspace folder may depend on. */
export const ALLOWED: Record<string, string[]> = {
  errors: [],
  closure: ["errors"],
  pack: ["closure", "errors"],
  runtime: ["errors"],
  "event-rules": ["errors"],
  cloud: ["runtime", "event-rules", "errors"],
  aws: ["pack", "closure", "event-rules", "errors"],
  cli: ["aws", "cloud", "pack", "closure", "runtime", "event-rules", "errors"],
};
