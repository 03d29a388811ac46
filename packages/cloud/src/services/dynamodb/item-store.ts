// Items of a table and their keys. A key is checked against the table's key
// schema with DynamoDB's wording and stored encoded: the partition key as
// text, the sort key as text whose byte order is DynamoDB's order for its
// type (UTF-8 bytes for S, numeric for N, bytes for B), so Query's ranges
// and ScanIndexForward are plain index walks.
import type Database from "better-sqlite3";
import { typeOf, type AttributeValue, type Item } from "./attribute-value.js";
import { validation } from "./dynamodb-protocol.js";
import { sortableNumber } from "./numbers.js";
import type { KeyElement, TableRow } from "./table-store.js";

export interface EncodedKey {
  pk: string;
  sk: string;
}

/** A key's attribute encoded for storage (order-preserving for sort keys). */
export function encodeKeyValue(value: AttributeValue): string {
  if ("S" in value) return value.S;
  if ("N" in value) return sortableNumber(value.N);
  if ("B" in value) return Buffer.from(value.B, "base64").toString("hex");
  throw new Error("not a key type");
}

export function keyElements(table: TableRow): KeyElement[] {
  const { hash, range } = table.definition;
  return range === undefined ? [hash] : [hash, range];
}

/** The key of an item PutItem was given: every key attribute present, of its type, not empty. */
export function itemKey(table: TableRow, item: Item): { key: Item; encoded: EncodedKey } {
  const key: Item = {};
  for (const element of keyElements(table)) {
    const value = item[element.name];
    if (value === undefined) throw validation(`One or more parameter values were invalid: Missing the key ${element.name} in the item`);
    key[element.name] = checkKeyValue(element, value);
  }
  return { key, encoded: encode(table, key) };
}

/** A Key parameter (GetItem, UpdateItem, DeleteItem...): exactly the key attributes. */
export function readKey(table: TableRow, key: Item): EncodedKey {
  const elements = keyElements(table);
  if (
    Object.keys(key).length !== elements.length ||
    elements.some((element) => key[element.name] === undefined || typeOf(key[element.name]!) !== element.type)
  ) {
    throw validation("The provided key element does not match the schema");
  }
  for (const element of elements) checkKeyValue(element, key[element.name]!);
  return encode(table, key);
}

function checkKeyValue(element: KeyElement, value: AttributeValue): AttributeValue {
  const type = typeOf(value);
  if (type !== element.type)
    throw validation(`One or more parameter values were invalid: Type mismatch for key ${element.name} expected: ${element.type} actual: ${type}`);
  if (("S" in value && value.S === "") || ("B" in value && value.B === "")) {
    throw validation(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === "S" ? "string" : "binary"} value. Key: ${element.name}`,
    );
  }
  return value;
}

function encode(table: TableRow, key: Item): EncodedKey {
  const { hash, range } = table.definition;
  return { pk: encodeKeyValue(key[hash.name]!), sk: range === undefined ? "" : encodeKeyValue(key[range.name]!) };
}

/** The key attributes of a stored item. */
export function keyOf(table: TableRow, item: Item): Item {
  return Object.fromEntries(keyElements(table).map((element) => [element.name, item[element.name]!]));
}

/** A sort key range for Query: bounds on the encoded sort key. */
export interface SortRange {
  low?: { value: string; inclusive: boolean };
  high?: { value: string; inclusive: boolean };
  prefix?: string;
}

export class ItemStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  get(tableId: number, key: EncodedKey): Item | undefined {
    const row = this.#db.prepare("SELECT item FROM dynamodb_items WHERE table_id = ? AND pk = ? AND sk = ?").get(tableId, key.pk, key.sk) as
      { item: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.item) as Item);
  }

  put(tableId: number, key: EncodedKey, item: Item): void {
    this.#db
      .prepare("INSERT INTO dynamodb_items (table_id, pk, sk, item) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET item = excluded.item")
      .run(tableId, key.pk, key.sk, JSON.stringify(item));
  }

  delete(tableId: number, key: EncodedKey): void {
    this.#db.prepare("DELETE FROM dynamodb_items WHERE table_id = ? AND pk = ? AND sk = ?").run(tableId, key.pk, key.sk);
  }

  /** Items of one partition in sort key order, within `range`, after `after` (an encoded sort key), at most `limit`. */
  query(tableId: number, pk: string, range: SortRange, forward: boolean, after: string | undefined, limit: number): Array<{ sk: string; item: Item }> {
    const where = ["table_id = ?", "pk = ?"];
    const params: unknown[] = [tableId, pk];
    if (range.low !== undefined) (where.push(`sk ${range.low.inclusive ? ">=" : ">"} ?`), params.push(range.low.value));
    if (range.high !== undefined) (where.push(`sk ${range.high.inclusive ? "<=" : "<"} ?`), params.push(range.high.value));
    // substr counts characters (code points) in TEXT.
    if (range.prefix !== undefined) (where.push("substr(sk, 1, ?) = ?"), params.push([...range.prefix].length, range.prefix));
    if (after !== undefined) (where.push(`sk ${forward ? ">" : "<"} ?`), params.push(after));
    const sql = `SELECT sk, item FROM dynamodb_items WHERE ${where.join(" AND ")} ORDER BY sk ${forward ? "ASC" : "DESC"} LIMIT ?`;
    const rows = this.#db.prepare(sql).all(...params, limit) as Array<{ sk: string; item: string }>;
    return rows.map((row) => ({ sk: row.sk, item: JSON.parse(row.item) as Item }));
  }

  /** Items of the table in key order after `after`, at most `limit`. */
  scan(tableId: number, after: EncodedKey | undefined, limit: number): Array<EncodedKey & { item: Item }> {
    const sql =
      after === undefined
        ? "SELECT pk, sk, item FROM dynamodb_items WHERE table_id = ? ORDER BY pk, sk LIMIT ?"
        : "SELECT pk, sk, item FROM dynamodb_items WHERE table_id = ? AND (pk > ? OR (pk = ? AND sk > ?)) ORDER BY pk, sk LIMIT ?";
    const params = after === undefined ? [tableId, limit] : [tableId, after.pk, after.pk, after.sk, limit];
    const rows = this.#db.prepare(sql).all(...params) as Array<{ pk: string; sk: string; item: string }>;
    return rows.map((row) => ({ pk: row.pk, sk: row.sk, item: JSON.parse(row.item) as Item }));
  }
}
