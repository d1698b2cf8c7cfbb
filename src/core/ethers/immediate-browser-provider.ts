import { BrowserProvider, makeError, type JsonRpcPayload } from "ethers";

/**
 * ethers' `BrowserProvider` over an EIP-1193 provider, each request sent at once. ethers queues
 * every `send` and drains the queue from a `setTimeout` (0 ms, so at least 1 ms in Node, once per
 * request: `JsonRpcApiProvider.#scheduleDrain`), which an EIP-1193 provider never batches anyway;
 * on an in-process chain that timer was most of a receipt's cost. Errors are ethers' own, made as
 * the queue makes them (`getRpcError`).
 */
export class ImmediateBrowserProvider extends BrowserProvider {
  #nextId = 1;

  override async send(method: string, params: unknown[] | Record<string, unknown>): Promise<unknown> {
    if (this.destroyed) {
      throw makeError("provider destroyed; cancelled request", "UNSUPPORTED_OPERATION", { operation: method });
    }
    await this._start();
    const payload: JsonRpcPayload = { method, params, id: this.#nextId++, jsonrpc: "2.0" };
    const [response] = await this._send(payload);
    if (response === undefined) {
      throw makeError("missing response for request", "BAD_DATA", { value: response, info: { payload } });
    }
    if ("error" in response) {
      throw this.getRpcError(payload, response);
    }
    return response.result;
  }
}
