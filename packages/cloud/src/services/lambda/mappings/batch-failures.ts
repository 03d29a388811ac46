// ReportBatchItemFailures: what a function's response says about its batch,
// read as Lambda reads it. A null or empty response, no batchItemFailures
// or an empty list means every item succeeded; a list of
// { itemIdentifier } names the failed ones; anything else (a response that
// is not JSON or not an object, an entry without an identifier, an
// identifier that is not in the batch) fails the whole batch.

export type BatchVerdict = { kind: "all-succeeded" } | { kind: "some-failed"; failed: Set<string> } | { kind: "all-failed"; reason: string };

/** The verdict of `responseJson` for a batch whose items have `identifiers` (message ids, sequence numbers). */
export function readBatchItemFailures(responseJson: string, identifiers: readonly string[]): BatchVerdict {
  let response: unknown;
  try {
    response = JSON.parse(responseJson);
  } catch {
    return { kind: "all-failed", reason: "the response is not JSON" };
  }
  if (response === null || response === undefined || response === "") return { kind: "all-succeeded" };
  if (typeof response !== "object" || Array.isArray(response)) return { kind: "all-failed", reason: "the response is not an object" };
  const list = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === null || list === undefined) return { kind: "all-succeeded" };
  if (!Array.isArray(list)) return { kind: "all-failed", reason: "batchItemFailures is not a list" };
  const known = new Set(identifiers);
  const failed = new Set<string>();
  for (const entry of list as unknown[]) {
    const id = entry !== null && typeof entry === "object" ? (entry as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== "string" || id === "" || !known.has(id))
      return { kind: "all-failed", reason: `batchItemFailures names ${JSON.stringify(id ?? null)}, which is not in the batch` };
    failed.add(id);
  }
  return failed.size === 0 ? { kind: "all-succeeded" } : { kind: "some-failed", failed };
}
