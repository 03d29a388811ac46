// Whether a JSON document matches a compiled pattern, as aws/event-ruler's
// rulesForJSONEvent decides: some alternative has every field matched; a
// field matches when one of its leaf values passes one of its tests (arrays
// are crushed: each element is a value of the same field), or when an
// `exists` test holds for the field as a whole. Array consistency: the
// values that satisfy two fields must not come from different elements of
// the same array (`{ employees: { first: ["Anna"], last: ["Jones"] } }`
// matches no event where Anna and Jones are two different employees).
import type { Alternative, CompiledPattern } from "./compile-pattern.js";
import { matchesLeaf, type Leaf, type Matcher } from "./matchers.js";

/** A leaf value and where it sits: for each array on its way, [array id, element index]. */
interface Located {
  value: Leaf;
  coords: ReadonlyArray<readonly [number, number]>;
}

export function matchesPattern(pattern: CompiledPattern, document: unknown): boolean {
  const leaves = collectLeaves(document, pathsOf(pattern));
  return pattern.alternatives.some((alternative) => matchesAlternative(alternative, leaves));
}

function pathsOf(pattern: CompiledPattern): Set<string> {
  const paths = new Set<string>();
  for (const alternative of pattern.alternatives) for (const path of alternative.keys()) paths.add(path);
  return paths;
}

/** The leaves of the wanted paths; only branches leading to one are walked. */
function collectLeaves(document: unknown, wanted: ReadonlySet<string>): Map<string, Located[]> {
  const prefixes = new Set<string>();
  for (const path of wanted) {
    const parts = path.split(".");
    for (let length = 1; length <= parts.length; length++) prefixes.add(parts.slice(0, length).join("."));
  }
  const found = new Map<string, Located[]>();
  let arrays = 0;
  const visit = (value: unknown, path: string, coords: Located["coords"]): void => {
    if (Array.isArray(value)) {
      const id = arrays++;
      value.forEach((element, index) => visit(element, path, [...coords, [id, index]]));
    } else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const next = path === "" ? key : `${path}.${key}`;
        if (prefixes.has(next)) visit(child, next, coords);
      }
    } else if (wanted.has(path)) {
      const list = found.get(path) ?? [];
      list.push({ value: value as Leaf, coords });
      found.set(path, list);
    }
  };
  visit(document, "", []);
  return found;
}

/** Per field: satisfied without choosing a value (an `exists` test), or the values that could satisfy it. */
function matchesAlternative(alternative: Alternative, leaves: ReadonlyMap<string, Located[]>): boolean {
  const choices: Located[][] = [];
  for (const [path, matchers] of alternative) {
    const values = leaves.get(path) ?? [];
    if (matchers.some((matcher) => matcher.kind === "exists" && matcher.value === values.length > 0)) continue;
    const candidates = values.filter((leaf) => matchers.some((matcher) => matcher.kind !== "exists" && matchesLeaf(matcher as Matcher, leaf.value)));
    if (candidates.length === 0) return false;
    choices.push(candidates);
  }
  choices.sort((a, b) => a.length - b.length);
  return chooseConsistent(choices, 0, []);
}

function chooseConsistent(choices: Located[][], index: number, chosen: Located[]): boolean {
  if (index === choices.length) return true;
  for (const candidate of choices[index]!) {
    if (chosen.every((other) => consistent(candidate, other)) && chooseConsistent(choices, index + 1, [...chosen, candidate])) return true;
  }
  return false;
}

function consistent(a: Located, b: Located): boolean {
  for (const [id, index] of a.coords) {
    const other = b.coords.find(([otherId]) => otherId === id);
    if (other !== undefined && other[1] !== index) return false;
  }
  return true;
}
