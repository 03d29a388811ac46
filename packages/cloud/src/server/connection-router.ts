// One port, two protocols: the daemon listens with a plain TCP server and
// hands each connection to the HTTP/1.1 server, or to the HTTP/2 server when
// its first bytes are HTTP/2's connection preface (h2c with prior knowledge,
// what @aws-sdk/client-kinesis sends by default). Node's http2 server has no
// HTTP/1.1 fallback without TLS, hence the routing here. Also owns shutdown:
// every connection, routed or not yet, ends with close().
import type { Server as Http1Server } from "node:http";
import type { Http2Server, Http2Session } from "node:http2";
import { createServer, type Server, type Socket } from "node:net";

/** HTTP/2's connection preface (RFC 9113, section 3.4). */
const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");

// A connection that sends nothing is dropped after this long, as the
// HTTP/1.1 server drops one that sends no complete headers.
const FIRST_BYTES_TIMEOUT_MS = 60_000;

export interface CloudServer {
  /** The listening socket's server: listen() on it, read address() from it. */
  readonly listener: Server;
  /** Stops listening and ends every connection (HTTP/2 sessions with a GOAWAY first). */
  close(): Promise<void>;
}

export function routeConnections(http1: Http1Server, http2: Http2Server): CloudServer {
  const waiting = new Set<Socket>();
  const sessions = new Set<Http2Session>();
  http2.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  const listener = createServer((socket) => {
    waiting.add(socket);
    awaitFirstBytes(socket, (isHttp2) => {
      waiting.delete(socket);
      if (isHttp2) http2.emit("connection", socket);
      else http1.emit("connection", socket);
    });
  });
  const close = (): Promise<void> =>
    new Promise<void>((done) => {
      listener.close(() => done());
      for (const socket of waiting) socket.destroy();
      http1.closeAllConnections();
      for (const session of sessions) closeSession(session);
    });
  return { listener, close };
}

// Reads until the bytes so far can no longer be the start of the preface
// (an HTTP/1.1 method differs from "PRI" by its second byte at the latest) or
// are the whole preface, then puts them back for the server that takes the
// socket. Node's HTTP/2 session reads bytes already buffered on the socket;
// the HTTP/1.1 parser gets them through the socket's "data" event once it
// is resumed, before anything it reads from the handle itself.
function awaitFirstBytes(socket: Socket, route: (isHttp2: boolean) => void): void {
  let seen: Buffer | undefined;
  const onData = (chunk: Buffer): void => {
    seen = seen === undefined ? chunk : Buffer.concat([seen, chunk]);
    const length = Math.min(seen.length, PREFACE.length);
    const isPrefix = seen.subarray(0, length).equals(PREFACE.subarray(0, length));
    if (isPrefix && seen.length < PREFACE.length) return;
    socket.off("data", onData);
    socket.off("timeout", onTimeout);
    socket.off("error", onError);
    socket.setTimeout(0);
    socket.pause();
    socket.unshift(seen);
    route(isPrefix);
    if (!isPrefix) socket.resume();
  };
  const onTimeout = (): void => void socket.destroy();
  // A connection reset before its first request is nobody's concern.
  const onError = (): void => void socket.destroy();
  socket.on("data", onData);
  socket.once("error", onError);
  socket.setTimeout(FIRST_BYTES_TIMEOUT_MS, onTimeout);
}

// GOAWAY tells the client no new stream will be taken; streams still open
// are cut, as closeAllConnections() cuts HTTP/1.1 requests in flight.
function closeSession(session: Http2Session): void {
  session.close();
  session.destroy();
}
