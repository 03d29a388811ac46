// What DynamoDB's actions share: the stores, the clock, and the one way an
// item changes. writeItem() stores the new item (or deletes it) and, when
// the table has a stream, appends the stream record in the same
// transaction: a write that was answered has its record, whatever happens
// to the daemon next. A write that changes nothing writes no record, as on
// DynamoDB.
import { createHash } from "node:crypto";
import type { AwsRequest } from "../../server/aws-request.js";
import type { CloudContext } from "../service.js";
import { valuesEqual, type Item } from "./attribute-value.js";
import { tableNotFound, tableName, type DynamoInput } from "./dynamodb-protocol.js";
import { keyOf, type EncodedKey, type ItemStore } from "./item-store.js";
import type { StreamReader } from "./stream-reader.js";
import type { TableRow, TableStore } from "./table-store.js";

export interface DynamoState {
  readonly context: CloudContext;
  readonly tables: TableStore;
  readonly items: ItemStore;
  readonly streams: StreamReader;
  /** Called after a transaction that appended stream records (pollers waiting on the stream look again). */
  readonly streamWritten: (streamId: number) => void;
  /** Streams written in the current transaction, announced once it commits. */
  readonly pendingStreams: Set<number>;
}

export type DynamoAction = (state: DynamoState, input: DynamoInput, request: AwsRequest) => Promise<object> | object;

/** The table the input's TableName names, in the request's region; ResourceNotFoundException otherwise. */
export function requireTable(state: DynamoState, input: DynamoInput, region: string, field = "TableName"): TableRow {
  const table = state.tables.find(region, tableName(input, field));
  if (table === undefined) throw tableNotFound();
  return table;
}

/** One stream record as stored: everything but the sequence number, which is its row's. */
export interface StoredRecord {
  eventID: string;
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  awsRegion: string;
  approximateCreationSeconds: number;
  keys: Item;
  newImage?: Item;
  oldImage?: Item;
  sizeBytes: number;
  viewType: string;
}

/** Stores `after` (undefined: deletes the item) and records the change on the table's stream. Call inside a transaction. */
export function writeItem(state: DynamoState, table: TableRow, key: EncodedKey, before: Item | undefined, after: Item | undefined): void {
  if (after === undefined) state.items.delete(table.id, key);
  else state.items.put(table.id, key, after);
  if (table.streamId === null || (before === undefined && after === undefined) || (before !== undefined && after !== undefined && itemsEqual(before, after)))
    return;
  const stream = state.tables.stream(table.streamId);
  if (stream === undefined) return;
  const now = state.context.clock.now();
  const keys = keyOf(table, (after ?? before)!);
  const view = stream.viewType;
  const record: StoredRecord = {
    eventID: "",
    eventName: before === undefined ? "INSERT" : after === undefined ? "REMOVE" : "MODIFY",
    awsRegion: table.region,
    approximateCreationSeconds: Math.floor(now / 1000),
    keys,
    ...(after !== undefined && (view === "NEW_IMAGE" || view === "NEW_AND_OLD_IMAGES") ? { newImage: after } : {}),
    ...(before !== undefined && (view === "OLD_IMAGE" || view === "NEW_AND_OLD_IMAGES") ? { oldImage: before } : {}),
    sizeBytes: 0,
    viewType: view,
  };
  const db = state.context.db;
  const last = db.prepare("SELECT MAX(seq) AS seq FROM dynamodb_stream_records WHERE stream_id = ?").get(stream.id) as { seq: number | null };
  const seq = (last.seq ?? 0) + 1;
  record.eventID = createHash("md5").update(`${stream.arn}/${seq}`).digest("hex");
  record.sizeBytes = Buffer.byteLength(JSON.stringify([record.keys, record.newImage ?? {}, record.oldImage ?? {}])) - 8;
  db.prepare("INSERT INTO dynamodb_stream_records (stream_id, seq, created_ms, record) VALUES (?, ?, ?, ?)").run(stream.id, seq, now, JSON.stringify(record));
  state.pendingStreams.add(stream.id);
}

/** Runs `work` in a transaction, then tells the stream's readers about the records it appended. */
export function transact<T>(state: DynamoState, work: () => T): T {
  let result: T;
  try {
    result = state.context.db.transaction(work)();
  } catch (error) {
    // Rolled back: nothing was appended.
    state.pendingStreams.clear();
    throw error;
  }
  const written = [...state.pendingStreams];
  state.pendingStreams.clear();
  for (const id of written) state.streamWritten(id);
  return result;
}

function itemsEqual(a: Item, b: Item): boolean {
  return valuesEqual({ M: a }, { M: b });
}
