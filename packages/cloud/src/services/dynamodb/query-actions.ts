// Query and Scan: pages of at most Limit evaluated items and about 1 MB,
// the filter applied after the page is read (Count vs ScannedCount),
// LastEvaluatedKey when more items remain, Select COUNT, projections, and
// Scan's parallel segments (by a hash of the partition key).
import { createHash } from "node:crypto";
import { readItem, type Item } from "./attribute-value.js";
import { evaluate } from "./condition-eval.js";
import { choice, DynamoError, optionalLimit, optionalMap, optionalString, validation, type DynamoInput } from "./dynamodb-protocol.js";
import { project } from "./document-path.js";
import { readCondition, readExpressionContext, readProjection } from "./expression-input.js";
import type { Condition, Path } from "./expression-parser.js";
import type { ExpressionContext } from "./expression-lexer.js";
import { keyElements, keyOf, readKey, type EncodedKey } from "./item-store.js";
import { readKeyCondition } from "./key-condition.js";
import { requireTable, type DynamoAction } from "./dynamodb-state.js";
import type { TableRow } from "./table-store.js";

const PAGE_BYTES = 1024 * 1024;
const CHUNK = 200;

interface Reading {
  table: TableRow;
  context: ExpressionContext;
  filter: Condition | undefined;
  projection: Path[] | undefined;
  count: boolean;
  limit: number;
  startKey: Item | undefined;
}

function readCommon(input: DynamoInput, table: TableRow, context: ExpressionContext): Omit<Reading, "filter"> {
  if (input.IndexName !== undefined && input.IndexName !== null) throw validation(`The table does not have the specified index: ${String(input.IndexName)}`);
  const select = choice(input, "Select", ["ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"], "ALL_ATTRIBUTES");
  const projection = readProjection(input, context);
  if (select === "COUNT" && projection !== undefined) throw validation("Cannot specify the AttributesToGet when choosing to get only the Count");
  const start = optionalMap(input, "ExclusiveStartKey");
  return {
    table,
    context,
    projection,
    count: select === "COUNT",
    limit: optionalLimit(input, "Limit") ?? Infinity,
    startKey: start === undefined ? undefined : readItem(start),
  };
}

function readFilter(input: DynamoInput, table: TableRow, context: ExpressionContext): Condition | undefined {
  const filter = readCondition(input, "FilterExpression", context);
  if (filter !== undefined) {
    const keyNames = keyElements(table).map((element) => element.name);
    const used = JSON.stringify(filter);
    const key = keyNames.find((name) => used.includes(`{"name":${JSON.stringify(name)}}`));
    if (key !== undefined && input.KeyConditionExpression !== undefined)
      throw validation(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${key}`);
  }
  return filter;
}

/** Walks pages of `next` until Limit items are evaluated or the page is full; the output DynamoDB answers. */
function page(
  reading: Reading,
  next: (after: EncodedKey | undefined, max: number) => Array<EncodedKey & { item: Item }>,
  first: EncodedKey | undefined,
): object {
  const items: Item[] = [];
  let scanned = 0;
  let bytes = 0;
  let after = first;
  let last: Item | undefined;
  let more = false;
  for (;;) {
    const rows = next(after, Math.min(CHUNK, reading.limit - scanned + 1));
    for (const row of rows) {
      if (scanned >= reading.limit || bytes >= PAGE_BYTES) {
        more = true;
        break;
      }
      scanned++;
      bytes += JSON.stringify(row.item).length;
      last = row.item;
      after = row;
      if (reading.filter !== undefined && !evaluate(reading.filter, row.item, reading.context.values)) continue;
      items.push(reading.projection === undefined ? row.item : project(row.item, reading.projection));
    }
    if (more || rows.length === 0) break;
  }
  return {
    ...(reading.count ? {} : { Items: items }),
    Count: items.length,
    ScannedCount: scanned,
    ...(more && last !== undefined ? { LastEvaluatedKey: keyOf(reading.table, last) } : {}),
  };
}

const query: DynamoAction = (state, input, request) => {
  const table = requireTable(state, input, request.region);
  const context = readExpressionContext(input);
  const text = optionalString(input, "KeyConditionExpression");
  if (text === undefined) throw validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  const keyCondition = readCondition(input, "KeyConditionExpression", context)!;
  const reading: Reading = { ...readCommon(input, table, context), filter: readFilter(input, table, context) };
  context.checkAllUsed();
  const { pk, range } = readKeyCondition(keyCondition, table, context.values);
  const forward = input.ScanIndexForward !== false;
  let first: EncodedKey | undefined;
  if (reading.startKey !== undefined) {
    first = readStartKey(table, reading.startKey);
    if (first.pk !== pk) throw validation("The provided starting key is invalid: The provided key element does not match the schema");
  }
  return page(reading, (after, max) => state.items.query(table.id, pk, range, forward, after?.sk, max).map((row) => ({ pk, ...row })), first);
};

const scan: DynamoAction = (state, input, request) => {
  const table = requireTable(state, input, request.region);
  const context = readExpressionContext(input);
  const reading: Reading = { ...readCommon(input, table, context), filter: readFilter(input, table, context) };
  context.checkAllUsed();
  const segment = readSegment(input);
  const first = reading.startKey === undefined ? undefined : readStartKey(table, reading.startKey);
  return page(
    reading,
    (after, max) => {
      // Rows of other segments are skipped without counting as evaluated.
      let cursor = after;
      for (;;) {
        const rows = state.items.scan(table.id, cursor, max);
        const mine = segment === undefined ? rows : rows.filter((row) => segmentOf(row.pk, segment.total) === segment.index);
        if (mine.length > 0 || rows.length === 0) return mine;
        cursor = rows.at(-1);
      }
    },
    first,
  );
};

function readStartKey(table: TableRow, key: Item): EncodedKey {
  try {
    return readKey(table, key);
  } catch (error) {
    if (error instanceof DynamoError) throw validation(`The provided starting key is invalid: ${error.message}`);
    throw error;
  }
}

function readSegment(input: DynamoInput): { index: number; total: number } | undefined {
  const index = input.Segment;
  const total = input.TotalSegments;
  if (index === undefined && total === undefined) return undefined;
  if (total === undefined) throw validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
  if (index === undefined) throw validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
  if (typeof total !== "number" || !Number.isInteger(total) || total < 1 || total > 1000000)
    throw validation(
      `1 validation error detected: Value '${String(total)}' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000`,
    );
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= total) {
    throw validation(
      `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${String(index)} is not less than TotalSegments: ${total}`,
    );
  }
  return { index, total };
}

function segmentOf(pk: string, total: number): number {
  return createHash("md5").update(pk).digest().readUInt32BE(0) % total;
}

export const QUERY_ACTIONS: Readonly<Record<string, DynamoAction>> = { Query: query, Scan: scan };
