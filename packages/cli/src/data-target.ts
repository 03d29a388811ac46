// Where a data command sends its calls, and what the names it is given mean
// there. The endpoint is --endpoint-url; else AWS_ENDPOINT_URL_<SERVICE> or
// AWS_ENDPOINT_URL (without --target); else the target `up` and `logs` use:
// --target or the stack's own, and on the local cloud the daemon serving the
// data folder (the one `cloud status` reports, on whatever port), else
// --port (default 4566). A name the program gave a resource resolves through
// the stack's state beside the program; anything else is AWS's own name.
import { resolve } from "node:path";
import {
  createProviderContext,
  LOCAL_CREDENTIALS,
  readState,
  type ProviderContext,
  type ResourceState,
  type StackState,
  type Target,
} from "@closure-pack/aws/engine";
import type { DataFlags } from "./data-args.js";
import { resolveTarget } from "./deploy-target.js";
import { CliError, type CliErrorCode } from "./errors.js";
import type { Io } from "./io.js";

export interface DataTarget {
  context: ProviderContext;
  /** The endpoint, for messages; `AWS (<region>)` for AWS's own. */
  endpoint: string;
  /** The endpoint came from --endpoint-url or AWS_ENDPOINT_URL*. */
  explicit: boolean;
  stack: string;
  /** The stack's state beside the program, when it has one. */
  state: StackState | undefined;
}

/** The clients and names of a data command; `service` names its AWS_ENDPOINT_URL_<SERVICE>. */
export async function openDataTarget(flags: DataFlags, service: string, io: Io): Promise<DataTarget> {
  const dir = resolve(io.cwd, flags.dir);
  const state = readState(dir, flags.stack);
  const fromEnv = flags.target === undefined ? io.env[`AWS_ENDPOINT_URL_${service}`] || io.env.AWS_ENDPOINT_URL || undefined : undefined;
  const endpoint = flags.endpointUrl ?? fromEnv;
  const target = endpoint === undefined ? await resolveTarget(flags, io.env, dir, false, io.err, state?.target) : endpointTarget(endpoint, flags, io.env);
  return {
    context: createProviderContext(target, { stack: flags.stack, project: "" }),
    endpoint: target.endpoint ?? `AWS (${target.region})`,
    explicit: endpoint !== undefined,
    stack: flags.stack,
    state,
  };
}

// The local cloud accepts any credentials; without configured ones, a
// loopback endpoint gets the conventional test pair instead of the SDK's
// "could not load credentials".
function endpointTarget(endpoint: string, flags: DataFlags, env: NodeJS.ProcessEnv): Target {
  const configured = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined || flags.profile !== undefined;
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(endpoint);
  const region = flags.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1");
  if (loopback && !configured) return { kind: "local", region, endpoint, credentials: LOCAL_CREDENTIALS };
  return { kind: "aws", region, endpoint, ...(flags.profile === undefined ? {} : { profile: flags.profile }) };
}

/** The resource of `type` that the stack's program calls `name`, if any. */
export function stackResource(target: DataTarget, type: string, name: string): ResourceState | undefined {
  return target.state?.resources.find((r) => r.type === type && r.name === name && r.retired !== true);
}

/** A hint for a name that matches nothing: the stack's resources of `type` by their program names. */
export function unknownNameHint(target: DataTarget, type: string, plural: string, otherwise: string): string {
  const names = (target.state?.resources ?? [])
    .filter((r) => r.type === type && r.retired !== true)
    .map((r) => r.name)
    .sort();
  if (names.length === 0) return otherwise;
  return `the stack "${target.stack}" has the ${plural} ${names.join(", ")}`;
}

/** The text itself, or all of stdin for "-". */
export async function textOrStdin(text: string, io: Io, what: string): Promise<string> {
  if (text !== "-") return text;
  if (io.readStdin === undefined) throw new CliError("INVALID_EVENT", "-", `there is no standard input to read the ${what} from`);
  return io.readStdin();
}

const CREDENTIALS_HINT = "check the credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE";
const CREDENTIAL_CODES = [
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "AccessDenied",
  "AccessDeniedException",
  "AuthorizationError",
  "SignatureDoesNotMatch",
];

/** Hints by AWS error code, given the error's message (undefined: no hint). */
export type Hints = Readonly<Record<string, (message: string) => string | undefined>>;

/**
 * One CliError for what a call failed with, when it is not the resource's own
 * "not found" (the command says that): the endpoint unreachable, or AWS's
 * refusal with its code and message under `code`.
 */
export function describeCallFailure(error: unknown, target: DataTarget, where: string, code: CliErrorCode, hints: Hints = {}): unknown {
  if (error instanceof CliError) return error;
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === "ECONNREFUSED" || errno === "ENOTFOUND" || errno === "ECONNRESET") {
    return new CliError("ENDPOINT_NOT_REACHABLE", target.endpoint, `cannot connect (${errno})`, {
      hint: target.explicit
        ? "check --endpoint-url or AWS_ENDPOINT_URL"
        : "start the local cloud with `closure-pack cloud start` (or `closure-pack up`), or pass --endpoint-url",
      cause: error,
    });
  }
  const fault = error as { name?: string; message?: string; $metadata?: unknown };
  if (error instanceof Error && fault.$metadata !== undefined) {
    const hint = CREDENTIAL_CODES.includes(fault.name ?? "") ? CREDENTIALS_HINT : hints[fault.name ?? ""]?.(fault.message ?? "");
    return new CliError(code, where, `${fault.name}: ${fault.message}`, { ...(hint === undefined ? {} : { hint }), cause: error });
  }
  return error;
}
