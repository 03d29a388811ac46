// The base of every resource class: validates the name, records where it was
// declared, registers it, and keeps what the engine needs as plain data under
// the RESOURCE symbol (the ResourceDescriptor), so another copy of this
// package can read it. Inside a deployed function a captured resource is
// rebuilt as its outputs.
import { AwsError } from "../errors.js";
import { OUTPUT, REBUILD, RESOURCE } from "./brand.js";
import { callSite } from "./call-site.js";
import { propertyOutput, valueForFunction, type Output } from "./output.js";
import { register } from "./registry.js";

export interface ResourceOptions {
  /** Resources to create before this one, beyond those whose outputs it uses. */
  dependsOn?: Resource | readonly Resource[];
}

/** The code of a function: a closure to serialize, or an archive to zip. */
export type CodeSource = { kind: "callback"; fn: Function; factory: boolean } | { kind: "archive"; archive: object };

export interface ResourceDescriptor {
  type: string;
  name: string;
  /** Inputs as the program gave them: plain data and outputs. */
  inputs: Record<string, unknown>;
  dependsOn: object[];
  /** file:line of the declaration, "" when unknown. */
  declaredAt: string;
  /** Set by get(): the resource is read, never changed. */
  readId?: unknown;
  code?: CodeSource;
  /** Properties available as outputs (bucketName, arn…). */
  outputKeys: readonly string[];
}

export abstract class Resource {
  /** @internal */
  readonly [RESOURCE]: ResourceDescriptor;
  /** The logical name given in the program. */
  readonly logicalName: string;

  protected constructor(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    options: ResourceOptions & { readId?: unknown; code?: CodeSource },
    outputKeys: readonly string[],
  ) {
    if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name)) {
      throw new AwsError("INVALID_ARGUMENT", callSite() || type, `resource name ${JSON.stringify(name)} is not valid`, {
        hint: "use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)",
      });
    }
    const dependsOn = options.dependsOn === undefined ? [] : Array.isArray(options.dependsOn) ? [...options.dependsOn] : [options.dependsOn];
    this.logicalName = name;
    this[RESOURCE] = { type, name, inputs, dependsOn, declaredAt: callSite(), outputKeys };
    if ("readId" in options) this[RESOURCE].readId = options.readId;
    if (options.code !== undefined) this[RESOURCE].code = options.code;
    register(this);
  }

  /** An output of one of this resource's properties. */
  protected output<T>(key: string): Output<T> {
    return propertyOutput<T>(this, key);
  }

  /** Rebuilt in a deployed function as an object of its outputs: `{ arn: { get() } }`. */
  [REBUILD](): { fn: Function; args: unknown[] } {
    const values: Record<string, unknown> = {};
    for (const key of this[RESOURCE].outputKeys) values[key] = valueForFunction(propertyOutput(this, key)[OUTPUT]);
    return { fn: deployedResource, args: [values] };
  }
}

// Self-contained: it is emitted into the function's package.
function deployedResource(values: Record<string, unknown>): Record<string, { get(): unknown }> {
  const out: Record<string, { get(): unknown }> = {};
  for (const key of Object.keys(values)) out[key] = { get: () => values[key] };
  return out;
}
