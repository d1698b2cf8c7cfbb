/** One JSON-RPC call over HTTP from the bench process itself (setting up and resetting nodes). */
export async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error !== undefined) {
    throw new Error(`${method}: ${body.error.message}`);
  }
  return body.result;
}

/**
 * A node that goes back to one clean state before every run, so each tool starts from the same
 * chain: `evm_revert` to the snapshot, then a new snapshot (a snapshot is consumed by a revert).
 */
export class CleanChain {
  #snapshot: string | undefined;

  constructor(readonly url: string) {}

  async reset(): Promise<void> {
    if (this.#snapshot !== undefined) {
      if ((await rpc(this.url, "evm_revert", [this.#snapshot])) !== true) {
        throw new Error("evm_revert failed");
      }
    }
    this.#snapshot = (await rpc(this.url, "evm_snapshot")) as string;
  }
}
