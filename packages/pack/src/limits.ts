// AWS Lambda's size limits and native addons: refuses a package over the
// limits naming what makes it large, and names .node files, which only run
// on the platform they were built for. Measuring contributors is manifest.ts's.
import { PackError } from "./errors.js";

export interface SizeLimits {
  /** Bytes of the zip. */
  zipped: number;
  /** Bytes of all files unzipped. */
  unzipped: number;
}

/** AWS Lambda's limits for a zip deployment package. */
export const LAMBDA_LIMITS: Readonly<SizeLimits> = { zipped: 50 * 1024 * 1024, unzipped: 250 * 1024 * 1024 };

export interface PackageSize {
  zipBytes: number;
  unzippedBytes: number;
  /** Largest first. */
  contributors: ReadonlyArray<{ path: string; bytes: number }>;
}

const NAMED_CONTRIBUTORS = 5;

/** Throws PACKAGE_TOO_LARGE when the package is over either limit. */
export function checkLimits(size: PackageSize, limits: SizeLimits = LAMBDA_LIMITS): void {
  const over =
    size.zipBytes > limits.zipped
      ? `${describeExcess(size.zipBytes, limits.zipped)} zipped is over AWS Lambda's limit of ${formatBytes(limits.zipped)}`
      : size.unzippedBytes > limits.unzipped
        ? `${describeExcess(size.unzippedBytes, limits.unzipped)} unzipped is over AWS Lambda's limit of ${formatBytes(limits.unzipped)}`
        : undefined;
  if (over === undefined) return;
  const largest = size.contributors.slice(0, NAMED_CONTRIBUTORS).map((contributor) => `${contributor.path} (${formatBytes(contributor.bytes)})`);
  const named = largest.length > 0 ? `; largest contributors: ${largest.join(", ")}` : "";
  throw new PackError("PACKAGE_TOO_LARGE", "package", `${over}${named}`, {
    hint: "list large packages in external and provide them another way (a Lambda layer), or use a container image",
  });
}

/** The size, exact when rounding would show it equal to the limit. */
function describeExcess(bytes: number, limit: number): string {
  return formatBytes(bytes) === formatBytes(limit) ? `${bytes} bytes` : formatBytes(bytes);
}

/** Paths of native addons (.node files) among a package's files, sorted. */
export function findNativeAddons(paths: readonly string[]): string[] {
  return paths.filter((path) => path.endsWith(".node")).sort();
}

/** The warning shown for native addons, or undefined when there are none. */
export function nativeAddonWarning(addons: readonly string[]): string | undefined {
  if (addons.length === 0) return undefined;
  const [noun, pronoun, verb] = addons.length > 1 ? ["native addons", "they", "load"] : ["native addon", "it", "loads"];
  return (
    `${addons.join(", ")}: ${noun}, platform-specific: ${pronoun} ${verb} only where the OS, CPU architecture and ` +
    `Node.js ABI match the machine that built ${addons.length > 1 ? "them" : "it"} (this one is ${process.platform}-${process.arch}, ` +
    `NODE_MODULE_VERSION ${process.versions.modules})`
  );
}

/** `1.5 MB`, `812 KB`, `93 B`; MB and KB are powers of 1024, as AWS counts its limits. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
