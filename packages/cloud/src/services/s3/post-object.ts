// POST Object: the browser upload form (multipart/form-data to the bucket's
// URL), S3's ObjectCreated:Post. The key field may hold ${filename}; the
// other fields set the object's headers and the answer (success_action_status
// 200, 201 with an XML body, or 204). The form's policy and signature are not
// checked: the local cloud enforces no access control.
import { AwsError } from "../../errors.js";
import type { AwsResponse } from "../../server/aws-request.js";
import { receivePayload } from "./body-receiver.js";
import { wholeSeconds } from "./bucket-operations.js";
import { commitObject } from "./object-commit.js";
import { storedHeaders } from "./object-headers.js";
import { formBoundary, readPostForm } from "./post-form.js";
import { emptyResponse, requireBucket, type S3Call, type S3Context } from "./s3-context.js";
import { invalidArgument, keyTooLong } from "./s3-errors.js";
import type { ObjectRow } from "./s3-store.js";
import { element, quoteEtag, xmlResponse } from "./s3-xml.js";

export async function postObject(context: S3Context, call: S3Call): Promise<AwsResponse> {
  requireBucket(context, call);
  const boundary = formBoundary(call.http.headers["content-type"]);
  if (boundary === undefined) {
    throw new AwsError("PreconditionFailed", "Bucket POST must be of the enclosure-type multipart/form-data", 412, {
      Condition: "Bucket POST must be of the enclosure-type multipart/form-data",
    });
  }
  const form = await readPostForm(call.http.stream, boundary);
  const template = form.fields.get("key");
  if (template === undefined)
    throw invalidArgument("Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.", "key", "");
  if (form.file === undefined) throw invalidArgument("POST requires exactly one file upload per request.", "file", "0");
  const key = template.replaceAll("${filename}", form.file.filename);
  if (key === "") throw invalidArgument("User key must have a length greater than 0.", "key", "");
  if (Buffer.byteLength(key) > 1024) throw keyTooLong(Buffer.byteLength(key));
  const headers = storedHeaders(Object.fromEntries(form.fields));
  const body = await receivePayload(form.file.content, context.blobs, true);
  const row: ObjectRow = {
    bucket: call.bucket,
    key,
    blob: body.blob,
    bytes: body.bytes,
    size: body.size,
    etag: body.md5,
    modifiedMs: wholeSeconds(context.cloud.clock.now()),
    headers,
    checksum: undefined,
    parts: undefined,
  };
  await commitObject(context, { ...call, key }, row, "ObjectCreated:Post");
  return postAnswer(call, key, row.etag, form.fields.get("success_action_status"));
}

function postAnswer(call: S3Call, key: string, etag: string, status: string | undefined): AwsResponse {
  const location = `http://${call.http.headers.host ?? "127.0.0.1"}/${call.bucket}/${encodeURIComponent(key).replace(/%2F/g, "/")}`;
  const headers = { etag: quoteEtag(etag), location };
  if (status === "201") {
    const inner = element("Location", location) + element("Bucket", call.bucket) + element("Key", key) + element("ETag", quoteEtag(etag));
    return { ...xmlResponse("PostResponse", inner, headers), status: 201 };
  }
  // S3's default, and its answer to any value other than 200 and 201.
  return emptyResponse(status === "200" ? 200 : 204, headers);
}
