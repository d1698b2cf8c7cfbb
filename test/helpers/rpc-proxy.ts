import { createServer, type Server, type ServerResponse } from "node:http";

import { freePort } from "./hardhat-node.js";

export interface RpcRequest {
  readonly method: string;
  readonly params: unknown[];
}

/**
 * How the proxy fails a call, as a flaky endpoint or the load balancer in front of it does:
 * an HTTP status instead of a JSON-RPC answer (a 502 or 503; a 429 is sent with `retry-after: 0`),
 * a JSON-RPC error object, the connection dropped without an answer (the client sees a reset), or
 * no answer at all until the proxy stops (the client's timeout ends the request). A batch with one
 * call failed at the HTTP level fails whole.
 */
export type RpcFailure =
  | { readonly httpStatus: number }
  | { readonly rpcError: { readonly code: number; readonly message: string } }
  | { readonly reset: true }
  | { readonly hang: true };

/**
 * A JSON-RPC proxy in front of a node, to make it look like something else: `fail` may fail a
 * call (see RpcFailure); `answer` may return a result (or throw, for an error) instead of
 * forwarding; `rewrite` may change a forwarded result. Counts every call by method.
 */
export interface RpcProxy {
  readonly url: string;
  readonly calls: Map<string, number>;
  stop(): Promise<void>;
}

export async function startRpcProxy(
  target: string,
  hooks: {
    fail?: (request: RpcRequest) => RpcFailure | undefined;
    answer?: (request: RpcRequest) => { result: unknown } | undefined;
    rewrite?: (request: RpcRequest, result: unknown) => unknown;
  } = {},
): Promise<RpcProxy> {
  const port = await freePort();
  const calls = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const handle = async (body: { id: unknown; method: string; params?: unknown[] }, failure: RpcFailure | undefined) => {
    const request = { method: body.method, params: body.params ?? [] };
    if (failure !== undefined && "rpcError" in failure) {
      return { jsonrpc: "2.0", id: body.id, error: failure.rpcError };
    }
    try {
      const answered = hooks.answer?.(request);
      if (answered !== undefined) {
        return { jsonrpc: "2.0", id: body.id, result: answered.result };
      }
    } catch (error) {
      return { jsonrpc: "2.0", id: body.id, error: { code: -32000, message: (error as Error).message } };
    }
    const response = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json()) as { result?: unknown; error?: unknown };
    if (json.error === undefined && hooks.rewrite !== undefined) {
      try {
        json.result = hooks.rewrite(request, json.result);
      } catch (error) {
        return { jsonrpc: "2.0", id: body.id, error: { code: -32000, message: (error as Error).message } };
      }
    }
    return { ...json, jsonrpc: "2.0", id: body.id };
  };
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      void (async () => {
        const parsed = JSON.parse(text) as { id: unknown; method: string; params?: unknown[] } | Array<{ id: unknown; method: string; params?: unknown[] }>;
        const bodies = Array.isArray(parsed) ? parsed : [parsed];
        const failures = bodies.map((body) => {
          calls.set(body.method, (calls.get(body.method) ?? 0) + 1);
          return hooks.fail?.({ method: body.method, params: body.params ?? [] });
        });
        const whole = failures.find((failure): failure is Exclude<RpcFailure, { rpcError: unknown }> => failure !== undefined && !("rpcError" in failure));
        if (whole !== undefined) {
          if ("reset" in whole) {
            req.socket.destroy();
          } else if ("hang" in whole) {
            hanging.add(res);
            res.on("close", () => hanging.delete(res));
          } else {
            res.writeHead(whole.httpStatus, { "content-type": "text/html", ...(whole.httpStatus === 429 ? { "retry-after": "0" } : {}) });
            res.end(`<html><body><h1>${whole.httpStatus}</h1>The upstream node did not answer.</body></html>`);
          }
          return;
        }
        const reply = Array.isArray(parsed) ? await Promise.all(parsed.map((body, i) => handle(body, failures[i]))) : await handle(parsed, failures[0]);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply));
      })().catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    stop: () =>
      new Promise((resolve) => {
        for (const res of hanging) {
          res.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** Makes a dev node look like a live network (geth): no dev-chain rollback, confirmations asked. */
export const looksLive = {
  rewrite: (request: RpcRequest, result: unknown) => (request.method === "web3_clientVersion" ? "Geth/v1.14.0-stable/linux-amd64/go1.22" : result),
  answer: (request: RpcRequest) => {
    if (request.method === "hardhat_metadata" || request.method.startsWith("evm_")) {
      throw new Error(`the method ${request.method} does not exist/is not available`);
    }
    return undefined;
  },
};
