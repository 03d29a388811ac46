// One HTTP server per API on 127.0.0.1: opened on a free port when the API
// is made (the port is then stored with it), reopened on the same port when
// the daemon starts again, closed when the API is deleted or the cloud
// stops. A port another program took meanwhile is retried every few seconds
// and reported in the daemon's log; the API keeps its URL.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AwsError } from "../../errors.js";

export type ApiRequestHandler = (apiId: string, incoming: IncomingMessage, outgoing: ServerResponse) => void;

const RETRY_MS = 5_000;

export class ApiServers {
  readonly #handler: ApiRequestHandler;
  readonly #log: (message: string) => void;
  readonly #servers = new Map<string, Server>();
  readonly #waiting = new Map<string, number>();
  #retry: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(handler: ApiRequestHandler, log: (message: string) => void) {
    this.#handler = handler;
    this.#log = log;
  }

  /** Serves `apiId` on `port` (0: a free one); resolves with the port once listening. */
  open(apiId: string, port: number): Promise<number> {
    const server = createServer((incoming, outgoing) => this.#handler(apiId, incoming, outgoing));
    // As the daemon's own server: close idle connections promptly so a stop is quick.
    server.keepAliveTimeout = 5_000;
    server.requestTimeout = 0;
    return new Promise((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) => {
        reject(
          new AwsError("ServiceUnavailableException", `the local cloud cannot serve API ${apiId} on 127.0.0.1:${port}: ${error.code ?? error.message}`, 503),
        );
      });
      server.listen(port, "127.0.0.1", () => {
        this.#servers.set(apiId, server);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  /**
   * Reopens every stored API on its port (at start); resolves once each
   * listens or has failed (a port taken by another program is retried).
   */
  async restore(apis: ReadonlyArray<{ apiId: string; port: number }>): Promise<void> {
    await Promise.all(apis.map(({ apiId, port }) => this.#reopen(apiId, port)));
  }

  #reopen(apiId: string, port: number): Promise<void> {
    return this.open(apiId, port).then(
      () => {
        if (this.#waiting.delete(apiId)) this.#log(`apigateway: API ${apiId} is served again on 127.0.0.1:${port}`);
        if (this.#closed) void this.close(apiId);
      },
      (error: Error) => {
        if (!this.#waiting.has(apiId)) this.#log(`apigateway: ${error.message}; retrying every ${RETRY_MS / 1000} s`);
        this.#waiting.set(apiId, port);
        this.#retry ??= setInterval(() => this.#retryWaiting(), RETRY_MS).unref();
      },
    );
  }

  #retryWaiting(): void {
    if (this.#waiting.size === 0 || this.#closed) {
      clearInterval(this.#retry);
      this.#retry = undefined;
      return;
    }
    for (const [apiId, port] of this.#waiting) if (!this.#servers.has(apiId)) void this.#reopen(apiId, port);
  }

  /** Stops serving `apiId` (its API was deleted); open connections end now. */
  async close(apiId: string): Promise<void> {
    this.#waiting.delete(apiId);
    const server = this.#servers.get(apiId);
    if (server === undefined) return;
    this.#servers.delete(apiId);
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  }

  async closeAll(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#retry);
    await Promise.all([...this.#servers.keys()].map((apiId) => this.close(apiId)));
  }
}
