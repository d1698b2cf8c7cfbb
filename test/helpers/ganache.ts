import { createServer } from "node:http";

import ganache from "ganache";

import { freePort, type RunningNode } from "./hardhat-node.js";

/**
 * Serves a ganache chain (the `ganache` package, Hardhat's default mnemonic so the fixture's
 * accounts are funded) over JSON-RPC on a free 127.0.0.1 port. Ganache's own server needs a native
 * module that Node 22 cannot load, so its provider is served by node:http. Always stop() it.
 */
export async function startGanache(options: { chainId?: number } = {}): Promise<RunningNode> {
  const port = await freePort();
  const provider = ganache.provider({
    chain: { chainId: options.chainId ?? 1337 },
    wallet: { mnemonic: "test test test test test test test test test test test junk" },
    miner: { instamine: "eager" },
    logging: { quiet: true },
  });
  const answer = async (body: { id: unknown; method: string; params?: unknown[] }) => {
    try {
      const result: unknown = await provider.request({ method: body.method, params: body.params ?? [] } as never);
      return { jsonrpc: "2.0", id: body.id, result };
    } catch (error) {
      const { code, message, data } = error as { code?: number; message: string; data?: unknown };
      return { jsonrpc: "2.0", id: body.id, error: { code: code ?? -32000, message, ...(data !== undefined ? { data } : {}) } };
    }
  };
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      void (async () => {
        const parsed = JSON.parse(text) as Parameters<typeof answer>[0] | Array<Parameters<typeof answer>[0]>;
        const reply = Array.isArray(parsed) ? await Promise.all(parsed.map(answer)) : await answer(parsed);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await provider.disconnect();
    },
  };
}
