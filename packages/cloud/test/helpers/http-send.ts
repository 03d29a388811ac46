// One HTTP request with full control of its header lines (a header sent
// twice stays two lines, as fetch would join them) and the raw answer:
// status, header lines, body bytes. For requests to the APIs the local
// cloud serves.
import { request } from "node:http";

export interface SentResponse {
  status: number;
  /** Header lines as received, names lower-cased. */
  headers: Array<[string, string]>;
  body: Buffer;
  text: string;
}

export interface SendOptions {
  method?: string;
  /** Header lines, in order; a name may repeat. */
  headers?: Array<[string, string]>;
  body?: string | Buffer;
}

export function send(url: string, options: SendOptions = {}): Promise<SentResponse> {
  // A header given as a list is sent as one line per value.
  const raw: Record<string, string[]> = {};
  for (const [name, value] of options.headers ?? []) (raw[name] ??= []).push(value);
  if (options.body !== undefined) raw["content-length"] = [String(Buffer.byteLength(options.body))];
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? "GET", headers: raw, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const headers: Array<[string, string]> = [];
        for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) headers.push([incoming.rawHeaders[i]!.toLowerCase(), incoming.rawHeaders[i + 1]!]);
        const body = Buffer.concat(chunks);
        resolve({ status: incoming.statusCode ?? 0, headers, body, text: body.toString("utf8") });
      });
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** The values of a header of a response, in order. */
export function headerValues(response: SentResponse, name: string): string[] {
  return response.headers.filter(([key]) => key === name).map(([, value]) => value);
}
