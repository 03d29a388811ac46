// Renders an AwsError the way each AWS protocol does, so SDK clients and the
// aws CLI raise the same exception class (NoSuchBucket, ResourceNotFoundException)
// as against AWS.
import type { AwsResponse } from "../server/aws-request.js";
import type { AwsError } from "../errors.js";
import { escapeXml, xmlText } from "./xml.js";

/** How a service shapes its answers: S3's REST-XML, the query protocol (IAM, STS, SNS), REST-JSON (Lambda, API Gateway) or JSON 1.0/1.1. */
export type Protocol = "rest-xml" | "query" | "rest-json" | "json";

export function errorResponse(protocol: Protocol, error: AwsError, requestId: string): AwsResponse {
  switch (protocol) {
    case "rest-xml":
      return restXmlError(error, requestId);
    case "query":
      return queryError(error, requestId);
    case "rest-json":
      return jsonError(error, { "x-amzn-errortype": error.code, "content-type": "application/json" }, { Type: "User", message: error.message, ...error.extra });
    case "json":
      return jsonError(
        error,
        { "x-amzn-errortype": error.code, "content-type": "application/x-amz-json-1.1" },
        { __type: error.code, message: error.message, ...error.extra },
      );
  }
}

function restXmlError(error: AwsError, requestId: string): AwsResponse {
  const extra = Object.entries(error.extra)
    .map(([name, value]) => xmlText(name, value))
    .join("");
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${xmlText("Code", error.code)}${xmlText("Message", error.message)}${extra}${xmlText("RequestId", requestId)}</Error>`;
  return { status: error.status, headers: { "content-type": "application/xml", "x-amz-request-id": requestId }, body };
}

function queryError(error: AwsError, requestId: string): AwsResponse {
  const type = error.status >= 500 ? "Receiver" : "Sender";
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>${type}</Type>${xmlText("Code", error.code)}<Message>${escapeXml(error.message)}</Message></Error>${xmlText("RequestId", requestId)}</ErrorResponse>`;
  return { status: error.status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
}

function jsonError(error: AwsError, headers: Record<string, string>, body: object): AwsResponse {
  return { status: error.status, headers, body: JSON.stringify(body) };
}
