// The arguments of `closure-pack s3 cp|ls|rm`: which action, its paths (a
// local file or an s3://bucket/key URL) checked for what each action takes,
// and --endpoint-url, and their help tables. Nothing is read from disk or the
// network here.
import { parseFlags, unknownSubcommand, type CommandEntry, type CommandHelp } from "./command-spec.js";
import { UsageError } from "./errors.js";
import { ENDPOINT_URL, endpointUrlOf } from "./flag-values.js";

/** An s3://bucket/key URL; `key` is "" for a whole bucket or "dir/" for a folder. */
export interface S3Location {
  bucket: string;
  key: string;
}

export type S3Path = S3Location | { file: string };

export interface S3Command {
  kind: "s3";
  action: "cp" | "ls" | "rm";
  paths: S3Path[];
  /** --endpoint-url, when given. */
  endpointUrl: string | undefined;
}

const ACTIONS = ["cp", "ls", "rm"] as const;

export function isS3Location(path: S3Path): path is S3Location {
  return "bucket" in path;
}

export function formatS3Path(path: S3Path): string {
  return isS3Location(path) ? `s3://${path.bucket}/${path.key}` : path.file;
}

export const S3_CP_HELP = {
  name: "s3 cp",
  args: "<from> <to> [options]",
  summary: "copy a file to or from S3, or between keys",
  description: "copy a file to or from S3, or between keys: s3://bucket/key, where a key ending in / is a folder",
  flags: { "endpoint-url": ENDPOINT_URL },
  examples: ["closure-pack s3 cp ./doc1.txt s3://docs-b9bfe40/", "closure-pack s3 cp s3://docs-b9bfe40/doc1.txt ./copy.txt"],
} as const satisfies CommandHelp;

export const S3_LS_HELP = {
  name: "s3 ls",
  args: "[s3://bucket[/prefix]] [options]",
  summary: "list the buckets, or a bucket's folder",
  flags: { "endpoint-url": ENDPOINT_URL },
  examples: ["closure-pack s3 ls", "closure-pack s3 ls s3://docs-b9bfe40/reports/"],
} as const satisfies CommandHelp;

export const S3_RM_HELP = {
  name: "s3 rm",
  args: "s3://bucket/key [options]",
  summary: "delete an object",
  flags: { "endpoint-url": ENDPOINT_URL },
  examples: ["closure-pack s3 rm s3://docs-b9bfe40/doc1.txt"],
} as const satisfies CommandHelp;

const ACTION_HELP = { cp: S3_CP_HELP, ls: S3_LS_HELP, rm: S3_RM_HELP } as const;

export const S3: CommandEntry<S3Command> = {
  name: "s3",
  summary: "S3 without the aws CLI: copy, list and delete objects",
  subcommands: Object.values(ACTION_HELP),
  parse: parseS3Command,
};

/** Parses the arguments after `closure-pack s3`: `<action> <paths...>`. */
export function parseS3Command(argv: readonly string[]): S3Command {
  const [action, ...rest] = argv;
  if (!(ACTIONS as readonly string[]).includes(action ?? "")) throw unknownSubcommand("s3", ACTIONS, action);
  const { values, positionals } = parseFlags(ACTION_HELP[action as S3Command["action"]], rest);
  const paths = positionals.map(parsePath);
  checkPaths(action as S3Command["action"], paths);
  return { kind: "s3", action: action as S3Command["action"], paths, endpointUrl: endpointUrlOf(values["endpoint-url"]) };
}

function parsePath(text: string): S3Path {
  if (text === "") throw new UsageError("a path must not be empty");
  if (!text.startsWith("s3://")) return { file: text };
  const rest = text.slice("s3://".length);
  const slash = rest.indexOf("/");
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (bucket === "") throw new UsageError(`${JSON.stringify(text)} names no bucket: expected s3://bucket/key`);
  return { bucket, key: slash === -1 ? "" : rest.slice(slash + 1) };
}

function checkPaths(action: S3Command["action"], paths: readonly S3Path[]): void {
  switch (action) {
    case "cp":
      if (paths.length !== 2) throw new UsageError(`"s3 cp" takes a source and a destination, got ${paths.length} path(s)`);
      if (!paths.some(isS3Location)) throw new UsageError(`"s3 cp" copies to or from S3: one of its paths must be an s3://bucket/key URL`);
      if (isS3Location(paths[0]!) && paths[0].key === "") throw new UsageError(`"s3 cp" needs an object to copy from, got s3://${paths[0].bucket} (no key)`);
      return;
    case "ls":
      if (paths.length > 1) throw new UsageError(`"s3 ls" takes at most one s3:// URL, got ${paths.length}`);
      if (paths[0] !== undefined && !isS3Location(paths[0]))
        throw new UsageError(`"s3 ls" lists s3://bucket[/prefix], got ${JSON.stringify(formatS3Path(paths[0]))}`);
      return;
    case "rm":
      if (paths.length !== 1 || !isS3Location(paths[0]!) || paths[0].key === "") throw new UsageError(`"s3 rm" takes one object, s3://bucket/key`);
      return;
  }
}
