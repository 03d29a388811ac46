// Reads a browser upload (POST Object): a multipart/form-data body whose
// fields (key, Content-Type, x-amz-meta-*…) come first and whose file comes
// last. Fields are small and read whole; the file is handed on as a stream of
// its bytes, never held in memory. As S3 does, anything after the file is ignored.
import { AwsError } from "../../errors.js";

export interface PostFile {
  filename: string;
  /** The file's bytes, read lazily from the request. */
  content: AsyncIterable<Buffer>;
}

export interface PostForm {
  /** Field values by lower-case name. */
  fields: Map<string, string>;
  file: PostFile | undefined;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 1024 * 1024;

/** The boundary of a multipart/form-data Content-Type, or undefined for any other type. */
export function formBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  return /boundary=(?:"([^"]+)"|([^;\s]+))/i
    .exec(contentType)
    ?.slice(1)
    .find((each) => each !== undefined);
}

export async function readPostForm(stream: AsyncIterable<unknown>, boundary: string): Promise<PostForm> {
  const reader = new ByteReader(stream);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with the delimiter without its CRLF.
  if (!(await reader.skipPast(delimiter.subarray(2), MAX_HEADER_BYTES))) throw malformed("it does not start with its boundary");
  const fields = new Map<string, string>();
  for (;;) {
    const after = await reader.take(2);
    if (after === "--") return { fields, file: undefined };
    if (after !== "\r\n") throw malformed("a boundary is not followed by CRLF");
    const headers = await reader.readUntil(Buffer.from("\r\n\r\n"), MAX_HEADER_BYTES);
    if (headers === undefined) throw malformed("a part's headers do not end");
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers.toString("utf8"))?.[0] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw malformed("a part has no name");
    if (filename !== undefined || name.toLowerCase() === "file") {
      return { fields, file: { filename: filename ?? "", content: reader.streamUntil(delimiter) } };
    }
    const value = await reader.readUntil(delimiter, MAX_FIELD_BYTES);
    if (value === undefined) throw malformed(`field ${name} does not end`);
    fields.set(name.toLowerCase(), value.toString("utf8"));
  }
}

function malformed(what: string): AwsError {
  return new AwsError("MalformedPOSTRequest", `The body of your POST request is not well-formed multipart/form-data: ${what}.`, 400);
}

/** A byte source read by delimiters, buffering only what a search needs. */
class ByteReader {
  readonly #iterator: AsyncIterator<unknown>;
  #buffer: Buffer = Buffer.alloc(0);
  #ended = false;

  constructor(stream: AsyncIterable<unknown>) {
    this.#iterator = stream[Symbol.asyncIterator]();
  }

  async #fill(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#iterator.next();
    if (next.done) {
      this.#ended = true;
      return false;
    }
    this.#buffer = this.#buffer.length === 0 ? (next.value as Buffer) : Buffer.concat([this.#buffer, next.value as Buffer]);
    return true;
  }

  /** The next `count` bytes as latin1 text ("" at the end). */
  async take(count: number): Promise<string> {
    while (this.#buffer.length < count && (await this.#fill()));
    const text = this.#buffer.subarray(0, count).toString("latin1");
    this.#buffer = this.#buffer.subarray(count);
    return text;
  }

  /** Bytes up to `delimiter` (consumed, not returned), or undefined past `limit` or the end. */
  async readUntil(delimiter: Buffer, limit: number): Promise<Buffer | undefined> {
    for (;;) {
      const at = this.#buffer.indexOf(delimiter);
      if (at !== -1) {
        const value = Buffer.from(this.#buffer.subarray(0, at));
        this.#buffer = this.#buffer.subarray(at + delimiter.length);
        return value;
      }
      if (this.#buffer.length > limit || !(await this.#fill())) return undefined;
    }
  }

  async skipPast(delimiter: Buffer, limit: number): Promise<boolean> {
    return (await this.readUntil(delimiter, limit)) !== undefined;
  }

  /** Yields the bytes before `delimiter`, keeping back only what could be its start; throws if it never comes. */
  async *streamUntil(delimiter: Buffer): AsyncGenerator<Buffer> {
    for (;;) {
      const at = this.#buffer.indexOf(delimiter);
      if (at !== -1) {
        if (at > 0) yield this.#buffer.subarray(0, at);
        return;
      }
      const safe = this.#buffer.length - (delimiter.length - 1);
      if (safe > 0) {
        yield this.#buffer.subarray(0, safe);
        this.#buffer = this.#buffer.subarray(safe);
      }
      if (!(await this.#fill())) throw malformed("the file part does not end with the boundary");
    }
  }
}
