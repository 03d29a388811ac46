// HTTP/2 cleartext from tests with node:http2 itself, for what the SDK's
// handler does not do: a chosen `:authority`, an upload cut off by
// RST_STREAM or by the connection lost, a session kept open across a stop.
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream, type OutgoingHttpHeaders } from "node:http2";
import { connect as connectTcp, createServer, type Server } from "node:net";

export interface H2Response {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

export function openSession(endpoint: string): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(endpoint);
    session.once("connect", () => resolve(session));
    session.once("error", reject);
  });
}

/** One request on `session`; resolves with the whole answer. */
export function h2Request(session: ClientHttp2Session, headers: OutgoingHttpHeaders, body?: Buffer): Promise<H2Response> {
  return new Promise((resolve, reject) => {
    const stream = session.request(headers, { endStream: body === undefined });
    const chunks: Buffer[] = [];
    let answer: Omit<H2Response, "body"> = { status: 0, headers: {} };
    stream.once("response", (fields) => (answer = { status: Number(fields[":status"]), headers: { ...fields } }));
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.once("end", () => resolve({ ...answer, body: Buffer.concat(chunks) }));
    stream.once("error", reject);
    if (body !== undefined) stream.end(body);
  });
}

/**
 * Starts an upload that announces `size` bytes (or no length) and keeps
 * writing; resolves once `sent` bytes were written, with writes still
 * pending, so a cut then comes mid-body (no END_STREAM before it).
 */
export function startUpload(session: ClientHttp2Session, path: string, size: number | undefined, sent: number): Promise<ClientHttp2Stream> {
  const stream = session.request({ ":method": "PUT", ":path": path, ...(size === undefined ? {} : { "content-length": size }) });
  stream.on("error", () => {});
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let written = 0;
  return new Promise((resolve) => {
    const write = (): void => {
      while (!stream.destroyed && !stream.closed && stream.write(chunk, () => (written += chunk.length) >= sent && resolve(stream)));
      if (!stream.destroyed && !stream.closed) stream.once("drain", write);
    };
    write();
  });
}

export const CANCEL = constants.NGHTTP2_CANCEL;

/**
 * Sends raw bytes on a new TCP connection, each piece in a packet of its own
 * (20 ms apart); resolves with what came back once the daemon closed it.
 */
export function sendRaw(port: number, pieces: readonly Buffer[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, "127.0.0.1", () => {
      socket.setNoDelay(true);
      pieces.forEach((piece, index) => setTimeout(() => socket.write(piece), 20 * index));
    });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A reset instead of a clean close is a close too.
    socket.on("error", () => {});
    socket.once("close", () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * A TCP proxy to `port` that sends each connection's first packet in
 * pieces of `cuts` bytes (20 ms apart), so the daemon sees the start of a
 * connection in several reads; resolves with the proxy's port.
 */
export async function splittingProxy(port: number, cuts: readonly number[]): Promise<{ port: number; close(): Promise<void> }> {
  const proxy: Server = createServer((client) => {
    const upstream = connectTcp(port, "127.0.0.1");
    upstream.setNoDelay(true);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.once("data", (first: Buffer) => {
      client.pause();
      const bounds = [0, ...cuts, first.length];
      bounds.slice(1).forEach((to, index) =>
        setTimeout(() => {
          upstream.write(first.subarray(bounds[index], to));
          if (to === first.length) client.on("data", (chunk: Buffer) => upstream.write(chunk)).resume();
        }, 20 * index),
      );
    });
  });
  await new Promise<void>((done) => proxy.listen(0, "127.0.0.1", done));
  return {
    port: (proxy.address() as { port: number }).port,
    close: () => new Promise<void>((done) => proxy.close(() => done())),
  };
}
