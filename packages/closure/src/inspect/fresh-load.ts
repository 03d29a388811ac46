// What the packages a copy references look like when they load fresh: one
// `node` child per project folder loads each module the way the copy will
// (require, or import for an ES module namespace), follows each property
// path and reports the own keys found there. Answers are kept for the life of
// the process: a fresh load always gives the same shapes. Makes no decisions
// (kinds/reference/fresh-check.ts compares them with the live values).
import { execFile } from "node:child_process";

export interface FreshRequest {
  /** Folder the specifier resolves from (the project holding node_modules). */
  dir: string;
  specifier: string;
  style: "namespace" | "commonjs";
  path: readonly string[];
}

export interface Shape {
  /** typeof, or "null"; "missing" when the path does not lead anywhere; "error" when the module throws. */
  type: string;
  /** Own string keys of an object or function. */
  keys?: string[];
  /** Own string keys of a function's `prototype` object. */
  prototypeKeys?: string[];
}

const MARKER = "@@closure-pack-fresh@@";
const TIMEOUT_MS = 60_000;

// The child: plain CommonJS run with `node -e`, so require() and import()
// resolve from its working directory, as they will beside the copy.
const CHILD = `
const own = (v) => Reflect.ownKeys(v).filter((k) => typeof k === "string");
const shapeOf = (v) => {
  const type = v === null ? "null" : typeof v;
  if (type !== "object" && type !== "function") return { type };
  const p = type === "function" ? Reflect.getOwnPropertyDescriptor(v, "prototype") : undefined;
  const proto = p && "value" in p && typeof p.value === "object" && p.value !== null ? own(p.value) : undefined;
  return proto ? { type, keys: own(v), prototypeKeys: proto } : { type, keys: own(v) };
};
(async () => {
  const out = [];
  for (const r of JSON.parse(process.argv[1])) {
    try {
      let v = r.style === "namespace" ? await import(r.specifier) : require(r.specifier);
      let missing = false;
      for (const k of r.path) {
        const d = v !== null && (typeof v === "object" || typeof v === "function") ? Reflect.getOwnPropertyDescriptor(v, k) : undefined;
        if (d === undefined) { missing = true; break; }
        v = "value" in d ? d.value : d.get ? d.get.call(v) : undefined;
      }
      out.push(missing ? { type: "missing" } : shapeOf(v));
    } catch {
      out.push({ type: "error" });
    }
  }
  process.stdout.write("\\n${MARKER}" + JSON.stringify(out) + "\\n", () => process.exit(0));
})();
`;

const known = new Map<string, Shape>();

function keyOf(request: FreshRequest): string {
  return JSON.stringify([request.dir, request.specifier, request.style, request.path]);
}

/** The fresh shape of each request, in order; children only for requests not answered before. */
export async function freshShapes(requests: readonly FreshRequest[]): Promise<Shape[]> {
  const byDir = new Map<string, FreshRequest[]>();
  for (const request of requests) {
    if (known.has(keyOf(request))) continue;
    const list = byDir.get(request.dir) ?? [];
    if (!list.some((each) => keyOf(each) === keyOf(request))) list.push(request);
    byDir.set(request.dir, list);
  }
  await Promise.all(
    [...byDir].map(async ([dir, list]) => {
      const shapes = await runChild(dir, list);
      list.forEach((request, i) => known.set(keyOf(request), shapes[i] ?? { type: "error" }));
    }),
  );
  return requests.map((request) => known.get(keyOf(request))!);
}

function runChild(dir: string, requests: readonly FreshRequest[]): Promise<Shape[]> {
  const payload = JSON.stringify(requests.map(({ specifier, style, path }) => ({ specifier, style, path })));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--no-warnings", "-e", CHILD, payload],
      { cwd: dir, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (_error, stdout) => {
        const at = stdout.lastIndexOf(MARKER);
        if (at < 0) return resolve(requests.map(() => ({ type: "error" })));
        try {
          resolve(JSON.parse(stdout.slice(at + MARKER.length).trim()) as Shape[]);
        } catch {
          resolve(requests.map(() => ({ type: "error" })));
        }
      },
    );
  });
}
