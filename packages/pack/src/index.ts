// Public API of @closure-pack/pack.
export { pack } from "./pack.js";
export { PackError, type PackErrorCode, type PackErrorData } from "./errors.js";
export { writeZip, compareBytes, ZIP_EPOCH, FILE_MODE, EXECUTABLE_MODE, DEFAULT_ZIP_LEVEL } from "./zip-writer.js";
export type { ZipEntryInput, ZipWriteOptions } from "./zip-writer.js";
export { readZip, type ZipEntry } from "./zip-reader.js";
export { readZipHeaders, dosToUtcDate, type ZipHeader } from "./zip-layout.js";
export { codeSha256, contentHash, sha256Hex, type HashedFile } from "./hashes.js";
export { diffZips, type ZipDiff, type ChangedFile } from "./diff.js";
export { checkLimits, findNativeAddons, formatBytes, LAMBDA_LIMITS, type SizeLimits, type PackageSize } from "./limits.js";
export { writeFileAtomic, isUnchanged } from "./write-atomic.js";
export { DEFAULT_RUNTIME, RUNTIME_TARGETS } from "./options.js";
export { packageName } from "./package-name.js";
export { displayPath, fromEsbuildLocation, byteColumnToCharColumn, formatExcerpt, type SourceLocation } from "./source-location.js";
export type * from "./types.js";
