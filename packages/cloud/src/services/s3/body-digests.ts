// Digests of small request bodies read whole (DeleteObjects, tagging and
// notification XML): Content-MD5 and a flexible checksum header, checked as
// S3 checks them before it acts on the body.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { checksumOf, declaredChecksum } from "./checksums.js";
import { badDigest, invalidDigest } from "./s3-errors.js";

export function checkBodyDigests(headers: IncomingHttpHeaders, body: Buffer): void {
  const md5 = headers["content-md5"];
  if (md5 !== undefined) {
    const expected = Buffer.from(String(md5), "base64");
    if (expected.length !== 16) throw invalidDigest();
    if (!createHash("md5").update(body).digest().equals(expected)) throw badDigest("The Content-MD5 you specified did not match what we received.");
  }
  const declared = declaredChecksum(headers);
  if (declared?.expected !== undefined && checksumOf(declared.algorithm, body) !== declared.expected) {
    throw badDigest(`The ${declared.algorithm} you specified did not match the calculated checksum.`);
  }
}
