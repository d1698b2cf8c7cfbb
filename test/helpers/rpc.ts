/** A JSON-RPC call to an HTTP node, for tests that look at the chain directly. */
export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error !== undefined) {
    throw new Error(`${method}: ${body.error.message}`);
  }
  return body.result as T;
}

export async function blockNumber(url: string): Promise<number> {
  return Number(BigInt(await rpc<string>(url, "eth_blockNumber")));
}

/** Every contract-creation transaction mined in blocks [from, head]. */
export async function creationsSince(url: string, from: number): Promise<Array<{ hash: string; from: string; nonce: number }>> {
  const head = await blockNumber(url);
  const creations: Array<{ hash: string; from: string; nonce: number }> = [];
  for (let n = from; n <= head; n++) {
    const block = await rpc<{ transactions: Array<{ hash: string; to: string | null; from: string; nonce: string }> }>(url, "eth_getBlockByNumber", [
      `0x${n.toString(16)}`,
      true,
    ]);
    for (const tx of block.transactions) {
      if (tx.to === null) {
        creations.push({ hash: tx.hash, from: tx.from, nonce: Number(BigInt(tx.nonce)) });
      }
    }
  }
  return creations;
}
