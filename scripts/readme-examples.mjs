// The README's example outputs ("Packing and running one handler"), produced
// by running the commands they show and written between <!-- example:<name> -->
// and <!-- /example:<name> -->. Timings, request ids, timestamps and memory
// figures change from run to run, so blocks are compared with those masked: a
// block is rewritten (or, with --check, reported) only when something else
// changed: a size, a hash, a line.
//   node scripts/readme-examples.mjs [--check] [--readme <file>]
// The commands run in a fresh temp folder holding copies of the fixtures they
// name and a package.json of the repository's module type, so that paths and
// outputs are those of the same commands at the root of a clone.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "packages", "cli", "bin", "closure-pack.cjs");

/** Each block: the commands it shows, in order; `stdoutTo` is a `>` redirection, `code` the exit code (default 0). */
const EXAMPLES = {
  pack: [
    { args: ["fixtures/cli/handler.ts", "-o", "out/handler.zip", "--analyze"] },
    { args: ["fixtures/cli/handler.ts", "-o", "out/handler.zip"], comment: "same content: file left untouched" },
  ],
  invoke: [
    { args: ["fixtures/demo/on-upload.cjs", "-o", "out/demo.zip"] },
    { args: ["event", "s3-put", "--bucket", "docs", "--key", "a.txt"], stdoutTo: "out/event.json" },
    { args: ["invoke", "out/demo.zip", "--event", "out/event.json"] },
  ],
  usage: [
    { args: ["invok", "out/demo.zip"], code: 2 },
    { args: ["invoke", "out/demo.zip", "--evnet", "out/event.json"], code: 2 },
  ],
};
const FIXTURES = ["fixtures/cli", "fixtures/demo"];

/** What varies from run to run, masked before two blocks are compared. */
const VARYING = [
  [/(Duration|Max Memory Used): [\d.]+ (ms|MB)/g, "$1: <n> $2"],
  [/ \d+ ms$| \d+\.\d\d s$/gm, " <time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<request id>"],
  [/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<timestamp>"],
];

function makeFolder() {
  const dir = mkdtempSync(join(tmpdir(), "closure-pack-readme-"));
  for (const fixture of FIXTURES) cpSync(join(root, fixture), join(dir, fixture), { recursive: true });
  const { type } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true, type })}\n`);
  mkdirSync(join(dir, "out"));
  return dir;
}

const lines = (text) =>
  text === ""
    ? []
    : text
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => line.trimEnd());

/** `$ npx closure-pack ...`, then what it printed: log lines (stderr) first, then its output. */
function runExample(dir, { args, stdoutTo, comment, code = 0 }) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", TZ: "UTC" };
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: "utf8" });
  if (result.status !== code) throw new Error(`closure-pack ${args.join(" ")} exited ${result.status}, not ${code}:\n${result.stderr}`);
  if (stdoutTo) writeFileSync(join(dir, stdoutTo), result.stdout);
  const command = `$ npx closure-pack ${args.join(" ")}${stdoutTo ? ` > ${stdoutTo}` : ""}`;
  const shown = [comment ? `${command}   # ${comment}` : command, ...lines(result.stderr)];
  return stdoutTo ? shown : [...shown, ...lines(result.stdout)];
}

/** Every block's text as the commands print it now. */
function renderExamples() {
  const dir = makeFolder();
  try {
    return Object.entries(EXAMPLES).map(([name, commands]) => ({
      name,
      text: ["```sh", ...commands.flatMap((command) => runExample(dir, command)), "```"].join("\n"),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mask = (text) => VARYING.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
const blockPattern = (name) => new RegExp(`(<!-- example:${name} -->\\n)([\\s\\S]*?)\\n(<!-- /example:${name} -->)`);

/**
 * The fresh block, where each line that differs from one of the old block's
 * only in masked figures is the old line: a rewrite changes only what
 * changed, not every timing with the load of the machine it ran on.
 */
function keepLines(old, fresh) {
  const unused = new Map();
  for (const line of lines(old)) unused.set(mask(line), [...(unused.get(mask(line)) ?? []), line]);
  return lines(fresh)
    .map((line) => unused.get(mask(line))?.shift() ?? line)
    .join("\n");
}

/** The README with every drifted block replaced, and the names of those blocks with a diff of each. */
function updateReadme(readme, examples) {
  let text = readme;
  const drifted = [];
  for (const { name, text: fresh } of examples) {
    const match = blockPattern(name).exec(text);
    if (!match) throw new Error(`no block <!-- example:${name} --> ... <!-- /example:${name} -->`);
    if (mask(match[2]) === mask(fresh)) continue;
    const [was, now] = [lines(mask(match[2])), lines(mask(fresh))];
    const diff = [...was.filter((line) => !now.includes(line)).map((l) => `- ${l}`), ...now.filter((line) => !was.includes(line)).map((l) => `+ ${l}`)];
    drifted.push({ name, diff });
    text = text.replace(blockPattern(name), (_, open, _old, close) => `${open}${keepLines(match[2], fresh)}\n${close}`);
  }
  return { text, drifted };
}

function main(argv) {
  const check = argv.includes("--check");
  const at = argv.indexOf("--readme");
  const file = at >= 0 ? argv[at + 1] : join(root, "README.md");
  const shown = at >= 0 ? file : "README.md";
  const { text, drifted } = updateReadme(readFileSync(file, "utf8"), renderExamples());
  if (drifted.length === 0) {
    console.log(`${shown}: the examples (${Object.keys(EXAMPLES).join(", ")}) are what the commands print`);
    return 0;
  }
  const report = drifted.map(({ name, diff }) => `${shown}: example "${name}" is not what the commands print:\n${diff.join("\n")}`).join("\n");
  if (check) {
    console.error(`${report}\nhint: run "node scripts/readme-examples.mjs" to rewrite it`);
    return 1;
  }
  writeFileSync(file, text);
  console.log(`${report}\nrewrote ${shown}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
