// The engine's answer to "what is this output?": the outputs of each
// resource as far as they are known (predicted at plan time, real once
// applied), and the deployment's context.
import { UNKNOWN } from "../core/brand.js";
import type { ContextKey, ValueLookup } from "../core/output.js";
import type { NamingContext } from "./naming.js";
import type { Program } from "./program.js";

export class Values implements ValueLookup {
  private readonly byKey = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly program: Program,
    private readonly naming: NamingContext,
  ) {}

  set(key: string, outputs: Record<string, unknown>): void {
    this.byKey.set(key, outputs);
  }

  outputsOf(key: string): Record<string, unknown> | undefined {
    return this.byKey.get(key);
  }

  property(resource: object, key: string): unknown {
    const node = this.program.byResource.get(resource);
    if (node === undefined) return UNKNOWN;
    const outputs = this.byKey.get(node.key);
    return outputs !== undefined && key in outputs ? outputs[key] : UNKNOWN;
  }

  context(key: ContextKey): unknown {
    return this.naming[key === "accountId" ? "accountId" : key];
  }
}
