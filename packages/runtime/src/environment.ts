// The environment of a function instance, as Lambda builds it: the runtime's
// variables, the function's own, PATH, and nothing else of the parent's
// (no NODE_OPTIONS, no credentials, no HOME).
import { randomBytes } from "node:crypto";
import type { ResolvedOptions } from "./options.js";

export const FUNCTION_VERSION = "$LATEST";
/** The account in ARNs; the local runtime has no real one. */
export const ACCOUNT_ID = "123456789012";

export interface InstanceSetting {
  taskRoot: string;
  runtimeDir: string;
  runtimeApi: string;
  logStreamName: string;
}

export function functionArn(options: ResolvedOptions): string {
  return `arn:aws:lambda:${options.region}:${options.accountId ?? ACCOUNT_ID}:function:${options.name}`;
}

/** `2024/05/01/[$LATEST]<32 hex>`: one stream per instance, as Lambda names them. */
export function logStreamName(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, "/");
  return `${day}/[${FUNCTION_VERSION}]${randomBytes(16).toString("hex")}`;
}

export function buildEnvironment(options: ResolvedOptions, setting: InstanceSetting): Record<string, string> {
  const env: Record<string, string> = {
    // Before the function's own variables: on Lambda a function may set NODE_PATH itself.
    ...(options.providedModules === undefined ? {} : { NODE_PATH: options.providedModules }),
    ...options.environment,
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    LAMBDA_TASK_ROOT: setting.taskRoot,
    LAMBDA_RUNTIME_DIR: setting.runtimeDir,
    _HANDLER: options.handler,
    AWS_REGION: options.region,
    AWS_DEFAULT_REGION: options.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${process.versions.node.split(".")[0]}.x`,
    AWS_LAMBDA_FUNCTION_NAME: options.name,
    AWS_LAMBDA_FUNCTION_VERSION: FUNCTION_VERSION,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(options.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${options.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: setting.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_LAMBDA_RUNTIME_API: setting.runtimeApi,
  };
  const credentials = options.credentials;
  if (credentials) {
    env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    if (credentials.sessionToken !== undefined) env.AWS_SESSION_TOKEN = credentials.sessionToken;
  }
  return env;
}

/**
 * Node's flags for the memory size. Lambda's Node.js bootstrap gives the old
 * space 90% of the function's memory, leaving the rest to new space and the
 * process itself.
 */
export function memoryFlags(memorySize: number): string[] {
  return [`--max-old-space-size=${Math.floor(memorySize * 0.9)}`];
}
