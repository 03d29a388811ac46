// `closure-pack s3 cp|ls|rm`: S3 for users without the aws CLI, through
// @aws-sdk/client-s3, against the local cloud by default (--endpoint-url, or
// AWS_ENDPOINT_URL, points it elsewhere). Output lines follow `aws s3`'s;
// S3's errors become one line with a hint (exit 1).
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { CliError } from "../errors.js";
import type { Io } from "../io.js";
import { formatS3Path, isS3Location, type S3Command, type S3Location, type S3Path } from "../s3-args.js";

/** The local cloud's default endpoint (closure-pack cloud start). */
export const LOCAL_CLOUD_ENDPOINT = "http://127.0.0.1:4566";

export async function runS3(command: S3Command, io: Io): Promise<number> {
  const endpoint = command.endpointUrl ?? io.env.AWS_ENDPOINT_URL_S3 ?? io.env.AWS_ENDPOINT_URL ?? LOCAL_CLOUD_ENDPOINT;
  const s3 = clientFor(endpoint, io.env);
  try {
    switch (command.action) {
      case "cp":
        await copy(s3, command.paths[0]!, command.paths[1]!, io);
        break;
      case "ls":
        await list(s3, command.paths[0] as S3Location | undefined, io);
        break;
      case "rm":
        await remove(s3, command.paths[0] as S3Location, io);
        break;
    }
    return 0;
  } catch (error) {
    throw describeFailure(error, endpoint, command);
  } finally {
    s3.destroy();
  }
}

// The local cloud accepts any credentials; without configured ones, a
// loopback endpoint gets the conventional test pair instead of the SDK's
// "could not load credentials".
function clientFor(endpoint: string, env: NodeJS.ProcessEnv): S3Client {
  const configured = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(endpoint);
  return new S3Client({
    endpoint,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    forcePathStyle: true,
    // Failures come back as exceptions and are reported once; the SDK's own
    // console warnings (a failed streaming upload is not retried) would repeat them.
    logger: SILENT,
    ...(configured || !loopback ? {} : { credentials: { accessKeyId: "test", secretAccessKey: "test" } }),
  });
}

const SILENT = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function copy(s3: S3Client, from: S3Path, to: S3Path, io: Io): Promise<void> {
  if (isS3Location(from) && isS3Location(to)) {
    const target = { bucket: to.bucket, key: folderKey(to.key, basename(from.key)) };
    await s3.send(new CopyObjectCommand({ Bucket: target.bucket, Key: target.key, CopySource: `${from.bucket}/${encodeURIComponent(from.key)}` }));
    io.out(`copy: ${formatS3Path(from)} to ${formatS3Path(target)}\n`);
  } else if (isS3Location(to)) {
    await upload(s3, (from as { file: string }).file, to, io);
  } else {
    await download(s3, from as S3Location, (to as { file: string }).file, io);
  }
}

async function upload(s3: S3Client, file: string, to: S3Location, io: Io): Promise<void> {
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CliError("FILE_NOT_FOUND", file, "is not a file");
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError("FILE_NOT_FOUND", file, "no such file", { cause: error });
  }
  const target = { bucket: to.bucket, key: folderKey(to.key, basename(file)) };
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  await s3.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      // An empty file has no stream to frame: send it as an empty body.
      Body: size === 0 ? Buffer.alloc(0) : createReadStream(path),
      ContentLength: size,
      ...(type === undefined ? {} : { ContentType: type }),
    }),
  );
  io.out(`upload: ${file} to ${formatS3Path(target)}\n`);
}

async function download(s3: S3Client, from: S3Location, file: string, io: Io): Promise<void> {
  const path = isFolder(file, io.cwd) ? join(resolve(io.cwd, file), basename(from.key)) : resolve(io.cwd, file);
  const response = await s3.send(new GetObjectCommand({ Bucket: from.bucket, Key: from.key }));
  // Written beside the target, then renamed: an interrupted download never leaves half a file under its name.
  const temporary = `${path}.closure-pack-${process.pid}.tmp`;
  try {
    await pipeline(response.Body as Readable, createWriteStream(temporary));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError("FILE_NOT_WRITABLE", file, `cannot write the download: ${(error as Error).message}`, { cause: error });
  }
  io.out(`download: ${formatS3Path(from)} to ${file}\n`);
}

async function list(s3: S3Client, where: S3Location | undefined, io: Io): Promise<void> {
  if (where === undefined) {
    const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
    for (const bucket of Buckets) io.out(`${timestamp(bucket.CreationDate)} ${bucket.Name}\n`);
    return;
  }
  // Names are shown relative to the prefix's folder, as `aws s3 ls` does.
  const folder = where.key.slice(0, where.key.lastIndexOf("/") + 1);
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: where.bucket, Prefix: where.key, Delimiter: "/", ContinuationToken: token }));
    for (const prefix of page.CommonPrefixes ?? []) io.out(`${"PRE".padStart(30)} ${prefix.Prefix!.slice(folder.length)}\n`);
    for (const object of page.Contents ?? [])
      io.out(`${timestamp(object.LastModified)} ${String(object.Size ?? 0).padStart(10)} ${object.Key!.slice(folder.length)}\n`);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}

async function remove(s3: S3Client, what: S3Location, io: Io): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: what.bucket, Key: what.key }));
  io.out(`delete: ${formatS3Path(what)}\n`);
}

/** `key`, or `key` + `name` when it names a folder (empty or ending in /), as `aws s3 cp` does. */
function folderKey(key: string, name: string): string {
  return key === "" || key.endsWith("/") ? `${key}${name}` : key;
}

function isFolder(file: string, cwd: string): boolean {
  if (file.endsWith("/")) return true;
  try {
    return statSync(resolve(cwd, file)).isDirectory();
  } catch {
    return false;
  }
}

// UTC, so the listing reads the same on every machine.
function timestamp(date: Date | undefined): string {
  return (date ?? new Date(0)).toISOString().slice(0, 19).replace("T", " ");
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".txt": "text/plain",
  ".html": "text/html",
  ".css": "text/css",
  ".csv": "text/csv",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
};

const HINTS: Readonly<Record<string, (command: S3Command, bucket: string) => string>> = {
  NoSuchBucket: (_, bucket) =>
    `create it with \`aws s3 mb s3://${bucket}\` or by deploying the program that declares it; \`closure-pack s3 ls\` lists the buckets`,
  NoSuchKey: (_, bucket) => `\`closure-pack s3 ls s3://${bucket}/\` lists what the bucket holds`,
  AccessDenied: () => "check the credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
  InvalidAccessKeyId: () => "check the credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
  SignatureDoesNotMatch: () => "check the credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE",
};

/** One CliError for anything the S3 call failed with. */
function describeFailure(error: unknown, endpoint: string, command: S3Command): unknown {
  if (error instanceof CliError) return error;
  const where = command.paths.filter(isS3Location).map(formatS3Path)[0] ?? endpoint;
  const bucket = command.paths.find(isS3Location)?.bucket ?? "";
  if (error instanceof S3ServiceException) {
    // HEAD-style answers carry no body: the SDK names them by status (NotFound).
    const code = error.name === "NotFound" ? "NoSuchKey" : error.name;
    const message = error.name === "NotFound" ? "The specified key does not exist." : error.message;
    const hint = HINTS[code]?.(command, bucket);
    return new CliError("S3_REQUEST_FAILED", where, `${code}: ${message}`, { ...(hint === undefined ? {} : { hint }), cause: error });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ECONNRESET") {
    return new CliError("ENDPOINT_NOT_REACHABLE", endpoint, `cannot connect (${code})`, {
      hint:
        endpoint === LOCAL_CLOUD_ENDPOINT
          ? "start the local cloud with `closure-pack cloud start` (or `closure-pack up`), or pass --endpoint-url"
          : "check --endpoint-url or AWS_ENDPOINT_URL",
      cause: error,
    });
  }
  return error;
}
