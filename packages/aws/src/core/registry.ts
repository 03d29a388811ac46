// The program's resources in the order it declared them, kept on globalThis
// so that every copy of this package registers into one list, which the
// engine (perhaps another copy) takes after loading the program.
import { AwsError, describeResource } from "../errors.js";
import { REGISTRY, RESOURCE } from "./brand.js";
import type { ResourceDescriptor } from "./resource.js";

export interface Registry {
  resources: object[];
  byKey: Map<string, object>;
}

export function registry(): Registry {
  const holder = globalThis as Record<symbol, Registry | undefined>;
  holder[REGISTRY] ??= { resources: [], byKey: new Map() };
  return holder[REGISTRY];
}

export function resourceKey(type: string, name: string): string {
  return `${type}::${name}`;
}

/** Adds a resource; a second one of the same type and name is refused, naming both declarations. */
export function register(resource: object): void {
  const descriptor = descriptorOf(resource)!;
  const key = resourceKey(descriptor.type, descriptor.name);
  const list = registry();
  const first = list.byKey.get(key);
  if (first !== undefined) {
    const where = descriptor.declaredAt || describeResource(descriptor.type, descriptor.name);
    const before = descriptorOf(first)!.declaredAt || "earlier";
    throw new AwsError("DUPLICATE_RESOURCE", where, `${describeResource(descriptor.type, descriptor.name)} is declared twice (first at ${before})`, {
      hint: "names are unique per resource type: give one of them another name",
    });
  }
  list.byKey.set(key, resource);
  list.resources.push(resource);
}

/** Takes every registered resource and empties the registry (the engine, after loading a program). */
export function takeResources(): object[] {
  const list = registry();
  const resources = list.resources;
  list.resources = [];
  list.byKey = new Map();
  return resources;
}

export function descriptorOf(value: unknown): ResourceDescriptor | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<symbol, ResourceDescriptor | undefined>)[RESOURCE];
}

export function isResource(value: unknown): boolean {
  return descriptorOf(value) !== undefined;
}
