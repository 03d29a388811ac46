// Lambda's function lifecycle: CreateFunction, GetFunction(Configuration),
// ListFunctions, UpdateFunctionCode, UpdateFunctionConfiguration and
// DeleteFunction. A change takes effect for the next invocation (running
// ones finish on the code they started with).
import { randomUUID } from "node:crypto";
import { prepareCode, RuntimeError } from "@closure-pack/runtime";
import { AwsError } from "../../errors.js";
import { objectReader, roleDirectory } from "../service.js";
import { applySettings, DEFAULT_SETTINGS, functionConfiguration, parseFunctionRef, validation, type SettingsInput } from "./function-config.js";
import type { FunctionRow, FunctionSettings } from "./function-store.js";
import { findFunction, jsonReply, readJson, type LambdaAction, type LambdaState } from "./lambda-state.js";

// Lambda's limit on a request carrying a zip (50 MB of zip, base64 in JSON).
const CODE_REQUEST_LIMIT = 70_167_211;

interface CodeInput {
  ZipFile?: string;
  S3Bucket?: string;
  S3Key?: string;
  S3ObjectVersion?: string;
  ImageUri?: string;
}

interface CreateInput extends SettingsInput {
  FunctionName?: string;
  Code?: CodeInput;
  PackageType?: string;
  Tags?: Record<string, string>;
}

interface UpdateInput extends SettingsInput, CodeInput {
  RevisionId?: string;
  DryRun?: boolean;
}

export const createFunction: LambdaAction = async (state, request) => {
  const input = await readJson<CreateInput>(request, "CreateFunction", CODE_REQUEST_LIMIT);
  if (input.FunctionName === undefined) throw validation("null", "functionName", "Member must not be null");
  const name = parseFunctionRef(input.FunctionName).name;
  for (const field of ["Runtime", "Role", "Handler"] as const) {
    if (input[field] === undefined) throw new AwsError("InvalidParameterValueException", `${field} is required for .zip deployment package.`);
  }
  if (input.PackageType === "Image")
    throw new AwsError("InvalidParameterValueException", "The local cloud runs .zip functions only: PackageType Image is not supported.");
  const settings = applySettings({ ...DEFAULT_SETTINGS, runtime: "", role: "", handler: "" }, input);
  checkRole(state, settings);
  const zip = await readCode(state, input.Code ?? {});
  const tags = input.Tags ?? {};
  if (Object.keys(tags).length > 50) throw new AwsError("InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
  // From here on synchronous: the zip's file and the row that names it appear together.
  return state.functions.transaction(() => {
    if (state.functions.get(name) !== undefined) throw new AwsError("ResourceConflictException", `Function already exist: ${name}`, 409);
    const stored = state.code.write(zip);
    const row: FunctionRow = {
      name,
      region: request.region,
      settings,
      codeSha256: stored.sha256,
      codeSize: stored.size,
      revisionId: randomUUID(),
      lastModified: state.context.clock.now(),
      reservedConcurrency: null,
      tags: Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, String(value)])),
      policy: [],
    };
    state.functions.put(row);
    return jsonReply(201, functionConfiguration(row));
  });
};

export const getFunction: LambdaAction = async (state, request, [name]) => {
  const row = findFunction(state, request, name!);
  return jsonReply(200, {
    Configuration: functionConfiguration(row),
    // AWS gives a presigned S3 URL; here the daemon serves the stored zip itself.
    Code: { RepositoryType: "S3", Location: `${state.context.endpoint}/_closure-pack/lambda/code/${encodeURIComponent(row.name)}` },
    ...(Object.keys(row.tags).length > 0 ? { Tags: row.tags } : {}),
    ...(row.reservedConcurrency === null ? {} : { Concurrency: { ReservedConcurrentExecutions: row.reservedConcurrency } }),
  });
};

export const getFunctionConfiguration: LambdaAction = async (state, request, [name]) =>
  jsonReply(200, functionConfiguration(findFunction(state, request, name!)));

export const listFunctions: LambdaAction = async (state, request) => {
  const max = Number(request.query.get("MaxItems") ?? "50");
  if (!Number.isInteger(max) || max < 1 || max > 10000)
    throw validation(`'${request.query.get("MaxItems")}'`, "maxItems", "Member must have value between 1 and 10000");
  const rows = state.functions.list(request.query.get("Marker") ?? "", max + 1);
  const page = rows.slice(0, max);
  const next = rows.length > max ? page[page.length - 1]!.name : undefined;
  return jsonReply(200, { Functions: page.map(functionConfiguration), ...(next === undefined ? {} : { NextMarker: next }) });
};

export const updateFunctionCode: LambdaAction = async (state, request, [name]) => {
  const input = await readJson<UpdateInput>(request, "UpdateFunctionCode", CODE_REQUEST_LIMIT);
  findFunction(state, request, name!);
  const zip = await readCode(state, input);
  return state.functions.transaction(() => {
    const row = checkRevision(findFunction(state, request, name!), input.RevisionId);
    if (input.DryRun === true) return jsonReply(200, functionConfiguration(row));
    const stored = state.code.write(zip);
    const updated = { ...row, codeSha256: stored.sha256, codeSize: stored.size, revisionId: randomUUID(), lastModified: state.context.clock.now() };
    state.functions.put(updated);
    state.changed(row.name, false);
    return jsonReply(200, functionConfiguration(updated));
  });
};

export const updateFunctionConfiguration: LambdaAction = async (state, request, [name]) => {
  const input = await readJson<UpdateInput>(request, "UpdateFunctionConfiguration");
  const row = checkRevision(findFunction(state, request, name!), input.RevisionId);
  const settings = applySettings(row.settings, input);
  if (input.Role !== undefined) checkRole(state, settings);
  const updated = { ...row, settings, revisionId: randomUUID(), lastModified: state.context.clock.now() };
  state.functions.put(updated);
  state.changed(row.name, false);
  return jsonReply(200, functionConfiguration(updated));
};

export const deleteFunction: LambdaAction = async (state, request, [name]) => {
  const row = findFunction(state, request, name!);
  state.functions.delete(row.name);
  state.changed(row.name, true);
  state.code.collect(state.functions.codeInUse());
  return jsonReply(204, undefined);
};

/** The zip a request gives, checked to be one Lambda could unpack. */
async function readCode(state: LambdaState, input: CodeInput): Promise<Buffer> {
  if (input.ImageUri !== undefined)
    throw new AwsError("InvalidParameterValueException", "The local cloud runs .zip functions only: ImageUri is not supported.");
  let zip: Buffer;
  if (input.ZipFile !== undefined) zip = Buffer.from(input.ZipFile, "base64");
  else if (input.S3Bucket !== undefined && input.S3Key !== undefined) zip = await readS3Code(state, input.S3Bucket, input.S3Key, input.S3ObjectVersion);
  else throw new AwsError("InvalidParameterValueException", "Please provide a source for function code.");
  if (zip.length === 0) throw new AwsError("InvalidParameterValueException", "Uploaded file must be a non-empty zip");
  try {
    // Unpacks into the runtime's code cache: the check and the first cold start's work at once.
    await prepareCode(zip, undefined, "ZipFile");
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    throw new AwsError("InvalidParameterValueException", "Could not unzip uploaded file. Please check your file, then try to upload again.");
  }
  return zip;
}

async function readS3Code(state: LambdaState, bucket: string, key: string, version: string | undefined): Promise<Buffer> {
  const bytes = await objectReader(state.context)?.readObject(bucket, key, version);
  if (bytes === undefined) {
    throw new AwsError(
      "InvalidParameterValueException",
      `Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist. (s3://${bucket}/${key})`,
    );
  }
  return bytes;
}

function checkRole(state: LambdaState, settings: FunctionSettings): void {
  if (!roleDirectory(state.context).isAssumableBy(settings.role, "lambda.amazonaws.com")) {
    throw new AwsError("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.");
  }
}

function checkRevision(row: FunctionRow, revisionId: string | undefined): FunctionRow {
  if (revisionId !== undefined && revisionId !== row.revisionId) {
    throw new AwsError(
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
      412,
    );
  }
  return row;
}
