import { createServer, request, type Server } from "node:http";

/**
 * An HTTP JSON-RPC proxy on 127.0.0.1 in front of a node that counts what passes through it:
 * HTTP requests (round trips) and JSON-RPC calls (a batch counts each call), by method.
 */
export class CountingRpcProxy {
  httpRequests = 0;
  calls = 0;
  /**
   * Sequential round trips: a request that starts while another is in flight joins its round
   * (calls sent at once count as one), one that starts when none is in flight opens a new one.
   */
  rounds = 0;
  #inFlight = 0;
  readonly methods = new Map<string, number>();
  #server: Server | undefined;

  /** `delayMs`: every request waits this long before it is forwarded (a remote RPC's latency). */
  constructor(
    private readonly target: string,
    private readonly options: { readonly delayMs?: number } = {},
  ) {}

  reset(): void {
    this.httpRequests = 0;
    this.calls = 0;
    this.rounds = 0;
    this.methods.clear();
  }

  async start(): Promise<string> {
    const target = new URL(this.target);
    this.#server = createServer((req, res) => {
      if (this.#inFlight === 0) {
        this.rounds += 1;
      }
      this.#inFlight += 1;
      res.on("close", () => {
        this.#inFlight -= 1;
      });
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        this.#count(body);
        const delay = this.options.delayMs ?? 0;
        if (delay > 0) {
          setTimeout(() => forward(body), delay);
        } else {
          forward(body);
        }
      });
      const forward = (body: Buffer) => {
        const upstream = request(
          { host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: { ...req.headers, host: target.host } },
          (upstreamRes) => {
            res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
            upstreamRes.pipe(res);
          },
        );
        upstream.on("error", (error) => {
          res.writeHead(502);
          res.end(String(error));
        });
        upstream.end(body);
      };
    });
    // Longer than any client keeps an idle connection: the proxy never closes one a client is about to reuse
    // (a command that reads 10,000 migration files between two requests saw "Failed to make POST request").
    this.#server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.#server === undefined) {
        resolve();
        return;
      }
      this.#server.closeAllConnections();
      this.#server.close(() => resolve());
    });
  }

  #count(body: Buffer): void {
    this.httpRequests += 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString());
    } catch {
      return;
    }
    for (const call of Array.isArray(parsed) ? parsed : [parsed]) {
      const method = (call as { method?: unknown }).method;
      if (typeof method === "string") {
        this.calls += 1;
        this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
      }
    }
  }
}
