// Checksums of multipart uploads: the algorithm and type an upload is
// created with (COMPOSITE, a checksum of the parts' checksums with `-<count>`,
// or FULL_OBJECT, a CRC of all the bytes), the rule that every part carries
// that algorithm, and the checksum of the completed object.
import type { IncomingHttpHeaders } from "node:http";
import { CHECKSUM_ALGORITHMS, createHasher, isChecksumAlgorithm, type Checksum, type ChecksumAlgorithm, type ChecksumType, type Hasher } from "./checksums.js";
import type { PartRow, UploadRow } from "./multipart-store.js";
import { invalidRequest } from "./s3-errors.js";

export function uploadChecksumOf(headers: IncomingHttpHeaders): { algorithm: ChecksumAlgorithm | undefined; type: ChecksumType | undefined } {
  const algorithmText = headers["x-amz-checksum-algorithm"];
  const typeText = headers["x-amz-checksum-type"];
  if (algorithmText === undefined) {
    if (typeText !== undefined) throw invalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
    return { algorithm: undefined, type: undefined };
  }
  const algorithm = String(algorithmText).toUpperCase();
  if (!isChecksumAlgorithm(algorithm)) {
    throw invalidRequest(`Checksum algorithm provided is unsupported. Please try again with any of the valid types: [${CHECKSUM_ALGORITHMS.join(", ")}]`);
  }
  const type = typeText === undefined ? (algorithm === "CRC64NVME" ? "FULL_OBJECT" : "COMPOSITE") : String(typeText).toUpperCase();
  if (type !== "COMPOSITE" && type !== "FULL_OBJECT") throw invalidRequest(`Value for x-amz-checksum-type header is invalid.`);
  const crc = algorithm.startsWith("CRC");
  if ((type === "FULL_OBJECT" && !crc) || (type === "COMPOSITE" && algorithm === "CRC64NVME")) {
    throw invalidRequest(`The ${type} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  return { algorithm, type };
}

/** Why a part's checksum does not suit its upload, or undefined. */
export function partChecksumProblem(upload: UploadRow, checksum: Checksum | undefined): string | undefined {
  const wanted = upload.checksumAlgorithm;
  if (wanted === undefined || checksum?.algorithm === wanted) return undefined;
  if (checksum === undefined) {
    return `The upload was created using a ${wanted.toLowerCase()} checksum. The part request must also include a ${wanted.toLowerCase()} checksum.`;
  }
  return `Checksum Type mismatch occurred, expected checksum Type: ${wanted.toLowerCase()}, actual checksum Type: ${checksum.algorithm.toLowerCase()}`;
}

/** The completed object's checksum; `full` has hashed all its bytes when the type is FULL_OBJECT. */
export function multipartChecksum(upload: UploadRow, parts: readonly PartRow[], full: Hasher | undefined): Checksum | undefined {
  const algorithm = upload.checksumAlgorithm;
  if (algorithm === undefined) return undefined;
  if (upload.checksumType === "FULL_OBJECT") return { algorithm, value: full!.digest().toString("base64"), type: "FULL_OBJECT" };
  const hasher = createHasher(algorithm);
  for (const part of parts) hasher.update(Buffer.from(part.checksum!.value, "base64"));
  return { algorithm, value: `${hasher.digest().toString("base64")}-${parts.length}`, type: "COMPOSITE" };
}
