// What createFunction() takes, its defaults and the checks that name the
// option and what it must be. Limits are Lambda's, except that the timeout
// may be a fraction of a second (tests and local loops want short ones).
import { RuntimeError } from "./errors.js";
import type { LogRecord } from "./log-record.js";

/** The code of a function: a zip file's path, its bytes, or an unpacked folder. */
export type FunctionCode = string | Uint8Array;

export interface FunctionOptions {
  /** The function's name: AWS_LAMBDA_FUNCTION_NAME, the log group and the log file. */
  name: string;
  code: FunctionCode;
  /** How messages name the code (default: its path as given, or "zip" for bytes). */
  codeName?: string;
  /** `file.export`, as Lambda's handler setting (default "index.handler"). */
  handler?: string;
  /** Seconds, at most 900 (default 3). */
  timeout?: number;
  /** MB, 128 to 10240 (default 128); sets --max-old-space-size. */
  memorySize?: number;
  /** The function's own environment variables; Lambda's reserved names are refused. */
  environment?: Record<string, string>;
  /** Most instances running at once; invocations past it wait in a queue (default 10). */
  concurrency?: number;
  /** Seconds an idle instance is kept warm before it is ended (default 300). */
  idleTimeout?: number;
  /** Seconds the init phase (loading the handler) may take, as Lambda's 10 s limit (default 10). */
  initTimeout?: number;
  /** AWS_REGION (default "us-east-1"). */
  region?: string;
  /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: the role Lambda would pass. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Appends every log record to `<logDir>/<name>.jsonl`. */
  logDir?: string;
  /** Called with every log record as it happens. */
  onLog?: (record: LogRecord) => void;
  /** Where zips are extracted (default `<os tmpdir>/closure-pack-runtime`). */
  cacheDir?: string;
  /**
   * A folder laid out as a node_modules folder whose packages the function
   * may import without bundling them, as Lambda's Node.js runtimes provide
   * `@aws-sdk/*` v3: searched after the function's own node_modules, by
   * require() (it is NODE_PATH) and by import (a resolve hook). Build one with
   * {@link provideAwsSdk}. Default: none.
   */
  providedModules?: string;
  /** The account in the function's ARN (context.invokedFunctionArn; default 123456789012). */
  accountId?: string;
  /**
   * Another runtime interface client speaking the Runtime API, e.g. AWS's
   * aws-lambda-ric: `{ command: "node", args: [".../aws-lambda-ric/bin/index.mjs", "index.handler"] }`.
   * Default: closure-pack's own bootstrap. A foreign client writes no
   * end-of-invocation markers, so END follows the answer at once.
   */
  runtimeClient?: { command: string; args: string[] };
}

type OptionalOptions = "codeName" | "logDir" | "onLog" | "credentials" | "cacheDir" | "runtimeClient" | "providedModules" | "accountId";
export type ResolvedOptions = Required<Omit<FunctionOptions, OptionalOptions>> & Pick<FunctionOptions, OptionalOptions>;

/** AWS_REGION when none is given, and the region of sample events. */
export const DEFAULT_REGION = "us-east-1";

// Lambda refuses these as a function's variables: the runtime sets them.
const RESERVED = new Set([
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
]);

/** True for the variables Lambda's runtime sets, which a function may not set itself. */
export function isReservedVariable(name: string): boolean {
  return RESERVED.has(name);
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const HANDLER = /^[^.]*\..+$/;
const VARIABLE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Fills in defaults; throws INVALID_OPTION naming the option and what it must be. */
export function resolveOptions(options: FunctionOptions): ResolvedOptions {
  if (!NAME.test(options.name)) invalid("name", "must be 1 to 64 letters, digits, - or _", options.name);
  const handler = options.handler ?? "index.handler";
  if (!HANDLER.test(handler)) invalid("handler", 'must be "file.export" (e.g. "index.handler")', handler);
  const timeout = options.timeout ?? 3;
  if (!(timeout > 0 && timeout <= 900)) invalid("timeout", "must be a number of seconds above 0 and at most 900", timeout);
  const memorySize = options.memorySize ?? 128;
  if (!Number.isInteger(memorySize) || memorySize < 128 || memorySize > 10240)
    invalid("memorySize", "must be a whole number of MB from 128 to 10240", memorySize);
  const concurrency = options.concurrency ?? 10;
  if (!Number.isInteger(concurrency) || concurrency < 1) invalid("concurrency", "must be a whole number of at least 1", concurrency);
  const idleTimeout = options.idleTimeout ?? 300;
  if (!(idleTimeout > 0)) invalid("idleTimeout", "must be a number of seconds above 0", idleTimeout);
  const initTimeout = options.initTimeout ?? 10;
  if (!(initTimeout > 0)) invalid("initTimeout", "must be a number of seconds above 0", initTimeout);
  const environment = options.environment ?? {};
  checkEnvironment(environment);
  return { ...options, handler, timeout, memorySize, concurrency, idleTimeout, initTimeout, environment, region: options.region ?? DEFAULT_REGION };
}

function checkEnvironment(environment: Record<string, string>): void {
  for (const [key, value] of Object.entries(environment)) {
    if (!VARIABLE.test(key)) invalid(`environment.${key}`, "the name must be a letter followed by letters, digits or _", key);
    if (RESERVED.has(key)) {
      throw new RuntimeError("INVALID_OPTION", `environment.${key}`, "is reserved: Lambda's runtime sets it", {
        hint: "use another name, or the region and credentials options",
      });
    }
    if (typeof value !== "string") invalid(`environment.${key}`, "must be a string", value);
  }
}

function invalid(option: string, what: string, got: unknown): never {
  throw new RuntimeError("INVALID_OPTION", `option "${option}"`, `${what}, got ${JSON.stringify(got)}`);
}
