// Decodes `Content-Encoding: aws-chunked` bodies, the framing SDKs use to
// stream an upload whose checksum (or chunk signatures) they only know at the
// end: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` repeated, a `0` chunk,
// then trailer lines `x-amz-checksum-crc32:<base64>\r\n` and an empty line.
// A push parser: each network chunk in, the payload pieces it completes out,
// with no copy of the payload and no per-byte work outside the headers.
import { AwsError } from "../../errors.js";

type State = "size" | "data" | "data-end" | "trailer" | "done";

// A chunk header or trailer line longer than this is not aws-chunked.
const MAX_LINE = 8 * 1024;

export class AwsChunkedDecoder {
  #state: State = "size";
  #line: Buffer = Buffer.alloc(0);
  #remaining = 0;
  readonly #trailers = new Map<string, string>();

  /** Feeds the next bytes of the HTTP body; returns the payload they contain. */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.#state === "data") {
        const take = Math.min(this.#remaining, chunk.length - at);
        out.push(chunk.subarray(at, at + take));
        at += take;
        this.#remaining -= take;
        if (this.#remaining === 0) this.#state = "data-end";
        continue;
      }
      if (this.#state === "done") throw malformed("bytes after the final chunk");
      const end = chunk.indexOf(0x0a, at);
      const piece = chunk.subarray(at, end === -1 ? chunk.length : end + 1);
      at += piece.length;
      this.#line = this.#line.length === 0 ? piece : Buffer.concat([this.#line, piece]);
      if (this.#line.length > MAX_LINE) throw malformed("a chunk header line is too long");
      if (end === -1) continue;
      const line = this.#line.toString("latin1");
      this.#line = Buffer.alloc(0);
      if (!line.endsWith("\r\n")) throw malformed("a line does not end with CRLF");
      this.#readLine(line.slice(0, -2));
    }
    return out;
  }

  /** Checks the body ended after its trailer; returns the trailer lines by lower-case name. */
  finish(): ReadonlyMap<string, string> {
    // The JS SDK ends a body without a trailer right after `0\r\n`.
    const ended = this.#state === "done" || (this.#state === "trailer" && this.#line.length === 0);
    if (!ended) throw new AwsError("IncompleteBody", "The request body ended before its final aws-chunked chunk", 400);
    return this.#trailers;
  }

  #readLine(line: string): void {
    switch (this.#state) {
      case "size": {
        const sizeText = line.split(";", 1)[0]!.trim();
        if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw malformed(`"${line.slice(0, 40)}" is not a chunk size`);
        this.#remaining = Number.parseInt(sizeText, 16);
        this.#state = this.#remaining === 0 ? "trailer" : "data";
        return;
      }
      case "data-end":
        if (line !== "") throw malformed("a chunk is longer than its size");
        this.#state = "size";
        return;
      case "trailer": {
        if (line === "") {
          this.#state = "done";
          return;
        }
        const colon = line.indexOf(":");
        if (colon <= 0) throw malformed(`"${line.slice(0, 40)}" is not a trailer line`);
        this.#trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        return;
      }
      default:
        throw malformed("unexpected line");
    }
  }
}

function malformed(what: string): AwsError {
  return new AwsError("InvalidRequest", `Malformed aws-chunked body: ${what}`, 400);
}
