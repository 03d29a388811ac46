// The arguments of `closure-pack s3 cp|ls|rm`: which action, its paths (a
// local file or an s3://bucket/key URL) checked for what each action takes,
// and --endpoint-url. Nothing is read from disk or the network here.
import { UsageError } from "./errors.js";

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

/** Parses `s3 <action> <paths...>`. */
export function s3Command(rest: readonly string[], endpointUrl: string | undefined): S3Command {
  const [action, ...args] = rest;
  if (action === undefined) throw new UsageError(`"s3" needs an action: cp, ls or rm`);
  if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`"s3 ${action}" is not an action: expected cp, ls or rm`);
  if (endpointUrl !== undefined && !/^https?:\/\/[^/]+/.test(endpointUrl)) {
    throw new UsageError(`option "--endpoint-url" must be an http:// or https:// URL, got ${JSON.stringify(endpointUrl)}`);
  }
  const paths = args.map(parsePath);
  checkPaths(action as S3Command["action"], paths);
  return { kind: "s3", action: action as S3Command["action"], paths, endpointUrl };
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
      if (paths[0] !== undefined && !isS3Location(paths[0])) throw new UsageError(`"s3 ls" lists s3://bucket[/prefix], got ${JSON.stringify(formatS3Path(paths[0]))}`);
      return;
    case "rm":
      if (paths.length !== 1 || !isS3Location(paths[0]!) || paths[0].key === "") throw new UsageError(`"s3 rm" takes one object, s3://bucket/key`);
      return;
  }
}
