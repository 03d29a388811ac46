// lambda.Function: a function whose code is an archive: a folder or a .zip
// (FileArchive) or files by path (AssetArchive). Outputs name and arn.
import { assetKind, type Archive } from "../asset/archive.js";
import { checkObject, invalidArgument } from "../core/check.js";
import type { Input, Output } from "../core/output.js";
import { Resource, type ResourceOptions } from "../core/resource.js";
import { TYPES } from "../core/types.js";
import type { Role } from "../iam/role.js";
import { functionParts, grantMadeRole, type FunctionConfig } from "./function-config.js";

export interface FunctionArgs extends FunctionConfig {
  code: Archive;
  /** Default "index.handler". */
  handler?: string;
}

const READ = Symbol("read");

export class Function extends Resource {
  readonly name: Output<string>;
  readonly arn: Output<string>;
  /** The role made for this function when none was given. */
  readonly role: Role | undefined;

  constructor(name: string, args: FunctionArgs, options: ResourceOptions = {}) {
    const read = (args as { [READ]?: Input<string> } | undefined)?.[READ];
    if (read !== undefined) {
      super(TYPES.function, name, {}, { readId: read } as ResourceOptions, ["name", "arn"]);
      this.role = undefined;
    } else {
      const given = checkObject(TYPES.function, name, args) as unknown as FunctionArgs;
      const kind = assetKind(given.code);
      if (kind !== "file-archive" && kind !== "asset-archive") {
        throw invalidArgument(TYPES.function, name, `"code" must be a FileArchive or an AssetArchive`, `code: new aws.asset.FileArchive("./app")`);
      }
      if (given.runtime === undefined) throw invalidArgument(TYPES.function, name, `"runtime" is required with "code"`, `runtime: "nodejs22.x"`);
      const parts = functionParts(name, given, { handler: given.handler ?? "index.handler", timeout: 3 });
      super(TYPES.function, name, parts.inputs, { ...options, code: { kind: "archive", archive: given.code } } as ResourceOptions, ["name", "arn"]);
      this.role = parts.madeRole;
    }
    this.name = this.output("name");
    this.arn = this.output("arn");
    if (this.role !== undefined) grantMadeRole(name, this.role, this.name, (args as FunctionArgs).policies);
  }

  /** The existing function named `id`, read and never changed. */
  static get(name: string, id: Input<string>): Function {
    return new Function(name, { [READ]: id } as unknown as FunctionArgs);
  }
}
