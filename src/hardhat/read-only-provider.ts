import type { NetworkConnection } from "hardhat/types/network";

import type { Eip1193Provider } from "../core/provider.js";

/**
 * For read-only operations (status, dry runs, export) on an HTTP network whose accounts are
 * local keys: a plain JSON-RPC provider on the network's URL and headers. Hardhat's own provider
 * reads every key of `accounts` on its first request (a keystore asks for its password then);
 * reading state needs none of them. Undefined when the connection's provider reads no secret.
 */
export async function readOnlyProvider(connection: NetworkConnection): Promise<Eip1193Provider | undefined> {
  const config = connection.networkConfig;
  if (config.type !== "http" || config.accounts === "remote" || (Array.isArray(config.accounts) && config.accounts.length === 0)) {
    return undefined;
  }
  const url = await config.url.get();
  let id = 0;
  return {
    async request({ method, params }: { method: string; params?: unknown[] | object }): Promise<unknown> {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...config.httpHeaders },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params: params ?? [] }),
        signal: AbortSignal.timeout(config.timeout),
      });
      const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
      if (body.error !== undefined) {
        throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data });
      }
      return body.result;
    },
  };
}
