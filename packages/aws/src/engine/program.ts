// The desired resource graph of a loaded program: each registered resource
// with its dependencies (from the outputs its inputs read, and dependsOn),
// in a deterministic topological order (declaration order among the ready).
import { resourcesOf } from "../core/output.js";
import { descriptorOf, resourceKey, takeResources } from "../core/registry.js";
import type { ResourceDescriptor } from "../core/resource.js";
import { AwsError } from "../errors.js";

export interface ProgramNode {
  key: string;
  /** The user's resource object: outputs name it. */
  resource: object;
  descriptor: ResourceDescriptor;
  dependencies: Set<string>;
}

export interface Program {
  /** Topological order: every node after those it depends on. */
  nodes: ProgramNode[];
  byResource: Map<object, ProgramNode>;
  byKey: Map<string, ProgramNode>;
}

/** The program from the resources it registered (taken from the global registry). */
export function collectProgram(resources: object[] = takeResources()): Program {
  const declared = resources.map((resource) => {
    const descriptor = descriptorOf(resource)!;
    return { key: resourceKey(descriptor.type, descriptor.name), resource, descriptor, dependencies: new Set<string>() };
  });
  const byResource = new Map<object, ProgramNode>(declared.map((node) => [node.resource, node]));
  for (const node of declared) {
    const referenced = resourcesOf([node.descriptor.inputs, node.descriptor.readId]);
    for (const other of [...referenced, ...node.descriptor.dependsOn]) {
      const target = byResource.get(other);
      if (target !== undefined && target !== node) node.dependencies.add(target.key);
    }
  }
  const nodes = sortTopologically(declared);
  return { nodes, byResource, byKey: new Map(nodes.map((node) => [node.key, node])) };
}

function sortTopologically(nodes: ProgramNode[]): ProgramNode[] {
  const done = new Set<string>();
  const order: ProgramNode[] = [];
  while (order.length < nodes.length) {
    const ready = nodes.find((node) => !done.has(node.key) && [...node.dependencies].every((key) => done.has(key)));
    if (ready === undefined) throw cycleError(nodes.filter((node) => !done.has(node.key)));
    done.add(ready.key);
    order.push(ready);
  }
  return order;
}

function cycleError(remaining: ProgramNode[]): AwsError {
  const names = remaining.map((node) => `${node.descriptor.type} "${node.descriptor.name}"`).join(", ");
  return new AwsError("DEPENDENCY_CYCLE", remaining[0]?.descriptor.declaredAt || "program", `these resources depend on each other in a cycle: ${names}`, {
    hint: "break the cycle: a resource cannot use an output of a resource that uses one of its own",
  });
}
