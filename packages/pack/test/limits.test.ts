// AWS Lambda's size limits (50 MB zipped, 250 MB unzipped) with the largest
// contributors named, and native addons detected and reported.
import { describe, expect, test } from "vitest";
import { checkLimits, LAMBDA_LIMITS, pack, readZip } from "../src/index.js";
import { fixturesDir } from "./support/children.js";

const MB = 1024 * 1024;
const CONTRIBUTORS = [
  { path: "node_modules/huge-sdk", bytes: 180 * MB },
  { path: "node_modules/big-data", bytes: 60 * MB },
  { path: "(handler)", bytes: 20 * MB },
  { path: "node_modules/a", bytes: 3 * MB },
  { path: "node_modules/b", bytes: 2 * MB },
  { path: "node_modules/c", bytes: 1 * MB },
];
const HINT = "hint: list large packages in external and provide them another way (a Lambda layer), or use a container image";

describe("limits", () => {
  test("limits: AWS Lambda's numbers", () => {
    expect(LAMBDA_LIMITS).toEqual({ zipped: 52_428_800, unzipped: 262_144_000 });
  });

  test("limits: at the limits is accepted", () => {
    expect(() => checkLimits({ zipBytes: 50 * MB, unzippedBytes: 250 * MB, contributors: CONTRIBUTORS })).not.toThrow();
  });

  test("limits: over 50 MB zipped names the five largest contributors", () => {
    expect(() => checkLimits({ zipBytes: 50 * MB + 1, unzippedBytes: 200 * MB, contributors: CONTRIBUTORS })).toThrow(
      expect.objectContaining({
        code: "PACKAGE_TOO_LARGE",
        message:
          "package: 52428801 bytes zipped is over AWS Lambda's limit of 50.0 MB; largest contributors: node_modules/huge-sdk (180.0 MB), " +
          `node_modules/big-data (60.0 MB), (handler) (20.0 MB), node_modules/a (3.0 MB), node_modules/b (2.0 MB)\n${HINT}`,
      }),
    );
  });

  test("limits: over 250 MB unzipped", () => {
    expect(() => checkLimits({ zipBytes: 40 * MB, unzippedBytes: 266 * MB, contributors: CONTRIBUTORS.slice(0, 1) })).toThrow(
      expect.objectContaining({
        code: "PACKAGE_TOO_LARGE",
        message: `package: 266.0 MB unzipped is over AWS Lambda's limit of 250.0 MB; largest contributors: node_modules/huge-sdk (180.0 MB)\n${HINT}`,
      }),
    );
  });

  test("native addon: copied beside the code, listed and warned about", async () => {
    const result = await pack({ entry: `${fixturesDir}/native-entry.mjs` }, { resolveDir: fixturesDir });
    const [addon] = result.manifest.nativeAddons;
    expect(result.manifest.nativeAddons).toEqual([expect.stringMatching(/^addon-[A-Z0-9]{8}\.node$/)]);
    const entries = await readZip(result.zip);
    expect(entries.map((entry) => entry.path)).toEqual([addon, "index.js"]);
    expect(entries[1]?.bytes.toString()).toContain(`require("./${addon}")`);
    expect(result.warnings).toEqual([
      `${addon}: native addon, platform-specific: it loads only where the OS, CPU architecture and Node.js ABI match ` +
        `the machine that built it (this one is ${process.platform}-${process.arch}, NODE_MODULE_VERSION ${process.versions.modules})`,
    ]);
    expect(result.contributors).toContainEqual({ path: addon, bytes: 43 });
  });
});
