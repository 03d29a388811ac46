// The daemon's flags: --data <folder> (required), --port <n> (default 4566,
// 0 for a free one), --async-retry-delays <ms,ms> (Lambda's retry delays,
// shortened by tests), --durability process|machine (what an acknowledged
// write survives; see Durability).
import { CloudError } from "../errors.js";
import type { CloudOptions } from "../cloud.js";

export function parseDaemonArgs(argv: readonly string[]): CloudOptions {
  let dataDir: string | undefined;
  let port: number | undefined;
  let asyncRetryDelaysMs: number[] | undefined;
  let durability: CloudOptions["durability"];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new CloudError("INVALID_OPTION", String(flag), "needs a value");
    if (flag === "--data") dataDir = value;
    else if (flag === "--port") port = Number(value);
    else if (flag === "--async-retry-delays") asyncRetryDelaysMs = value.split(",").map(Number);
    else if (flag === "--durability") durability = value as CloudOptions["durability"];
    else throw new CloudError("INVALID_OPTION", String(flag), "is not a flag of the local cloud daemon");
  }
  if (dataDir === undefined) throw new CloudError("INVALID_OPTION", "--data", "is required");
  if (asyncRetryDelaysMs?.some((ms) => !Number.isFinite(ms) || ms < 0)) {
    throw new CloudError("INVALID_OPTION", "--async-retry-delays", "must be milliseconds separated by commas, e.g. 100,200");
  }
  return {
    dataDir,
    ...(port === undefined ? {} : { port }),
    ...(asyncRetryDelaysMs === undefined ? {} : { asyncRetryDelaysMs }),
    ...(durability === undefined ? {} : { durability }),
  };
}
