// Every TypeScript example in the READMEs compiles against the SDK as it is:
// a renamed option, a changed type or a removed class fails here rather than
// in a user's first program. A block that uses `aws.` without importing it
// gets `import * as aws from "@closure-pack/aws"`, as a reader would write.
// Blocks are compiled with the repository's own compiler options (strict,
// exactOptionalPropertyTypes...) from a folder inside the repository, so the
// packages resolve as they do for the tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const READMES = ["README.md", "packages/aws/README.md"];
const scratch = mkdtempSync(join(REPO, "packages", "aws", ".readme-types-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Block {
  /** `README.md:12`: the file and the line of the opening fence. */
  where: string;
  code: string;
}

function tsBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
    const line = text.slice(0, match.index).split("\n").length;
    blocks.push({ where: `${file}:${line}`, code: match[1]! });
  }
  return blocks;
}

// Each block as a module of its own; diagnostics name the README line.
function compile(blocks: readonly Block[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(REPO, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const files = new Map<string, Block>();
  blocks.forEach((block, index) => {
    const path = join(scratch, `block-${index}.ts`);
    const imports = /\baws\./.test(block.code) && !block.code.includes('from "@closure-pack/aws"') ? 'import * as aws from "@closure-pack/aws";\n' : "";
    writeFileSync(path, `${imports}${block.code}\nexport {};\n`);
    files.set(path, block);
  });
  const program = ts.createProgram([...files.keys()], { ...config.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const block = diagnostic.file === undefined ? undefined : files.get(diagnostic.file.fileName);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (block === undefined || diagnostic.file === undefined) return `${diagnostic.file ? relative(REPO, diagnostic.file.fileName) : "?"}: ${message}`;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${block.where} (+${line}): ${message}`;
  });
}

const blocks = READMES.flatMap((file) => tsBlocks(file, readFileSync(join(REPO, file), "utf8")));

describe("README examples compile", () => {
  it("finds the examples: the seed program and at least one per event source", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const name of ["s3.Bucket", "sqs.Queue", "sns.Topic", "dynamodb.Table", "kinesis.Stream", "cloudwatch.onSchedule", "apigateway.API"]) {
      expect(
        blocks.some((block) => block.code.includes(name)),
        name,
      ).toBe(true);
    }
  });

  it("every TypeScript block type-checks against the SDK", { timeout: 180_000 }, () => {
    expect(compile(blocks)).toEqual([]);
  });

  it("a block using an option the SDK does not have is reported with its README line", { timeout: 180_000 }, () => {
    const wrong = { where: "README.md:1", code: 'const q = new aws.sqs.Queue("q", { visibilityTimeout: 30 });\n' };
    const [first, ...rest] = compile([wrong]);
    expect(rest).toEqual([]);
    expect(first).toMatch(
      /^README\.md:1 \(\+1\): Object literal may only specify known properties, and 'visibilityTimeout' does not exist in type 'QueueArgs'/,
    );
  });
});
