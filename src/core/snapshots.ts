import type { Eip1193Provider } from "./provider.js";

/**
 * `evm_snapshot` / `evm_revert` on a dev chain. A node that does not implement them makes
 * `take()` resolve `undefined`, once and for all.
 */
export class DevChainSnapshots {
  #supported = true;

  constructor(private readonly provider: Eip1193Provider) {}

  get supported(): boolean {
    return this.#supported;
  }

  async take(): Promise<string | undefined> {
    if (!this.#supported) {
      return undefined;
    }
    try {
      return (await this.provider.request({ method: "evm_snapshot" })) as string;
    } catch {
      this.#supported = false;
      return undefined;
    }
  }

  /** Reverts to `id`; false when the node no longer knows that snapshot. */
  async revert(id: string): Promise<boolean> {
    return (await this.provider.request({ method: "evm_revert", params: [id] })) === true;
  }
}
