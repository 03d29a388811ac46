// What the engine asks of each resource type: its identity, what it knows
// before creating it, and create / read / update / delete through @aws-sdk
// calls. One module per type implements it (bucket.ts, function.ts…); the
// table in providers.ts maps type tokens to them.
import type { NameRule } from "../engine/naming.js";
import type { ProviderContext } from "./context.js";

export type Outputs = Record<string, unknown>;

/** A function's package, found by the content hash its inputs hold. */
export interface CodeArtifact {
  zip: Buffer;
  codeSha256: string;
  contentHash: string;
}

export interface ApplyContext extends ProviderContext {
  /** The zip of a function's code by its content hash (a function's `code` input). */
  artifact(contentHash: string): Promise<CodeArtifact>;
  /** The resource's logical name (for tags and messages). */
  name: string;
}

export interface Provider {
  type: string;
  /** How a generated name is shaped. */
  nameRule: NameRule;
  /** Inputs whose change replaces the resource (others update it in place). */
  replaceKeys: readonly string[];
  /** Inputs that may hold secret values: the state keeps only their hash (engine/seal.ts), so `olds` may hold a hash. */
  secretInputs?: readonly string[];
  /**
   * A refusal AWS would make that only resolved inputs show (names and ARNs
   * predicted at plan time), made before anything is applied; undefined
   * when the inputs are fine or not yet known.
   */
  check?(inputs: Record<string, unknown>): { problem: string; hint?: string } | undefined;
  /** The physical id of a new resource, from its inputs and the generated name. */
  identity(inputs: Record<string, unknown>, generatedName: string): string;
  /** Outputs known before the resource exists (names, ARNs). */
  predict(accountId: string, region: string, id: string, inputs: Record<string, unknown>): Outputs;
  /**
   * Whether the existing resource `id` carries this stack's tags for this
   * resource: a create cut short by a crash is adopted only then (a resource
   * of a given name someone else holds is never adopted). Types whose read
   * finds only this stack's resources, or that carry no tags, leave it out.
   */
  isOwn?(context: ApplyContext, id: string): Promise<boolean>;
  /** The resource as it is, or undefined when it does not exist. */
  read(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Outputs | undefined>;
  create(context: ApplyContext, id: string, inputs: Record<string, unknown>): Promise<Outputs>;
  /** Makes the resource match `inputs`; also repairs one adopted after a crash (idempotent). */
  update(context: ApplyContext, id: string, olds: Record<string, unknown>, inputs: Record<string, unknown>, outputs: Outputs): Promise<Outputs>;
  /** Deletes it; a resource already gone is not an error. */
  delete(context: ApplyContext, id: string, inputs: Record<string, unknown>, outputs: Outputs): Promise<void>;
}
