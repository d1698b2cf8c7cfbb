import { MigrationsError } from "./errors.js";
import type { Eip1193Provider } from "./provider.js";

interface Entry<T> {
  readonly key: string;
  snapshot: string;
  readonly value: T;
}

/**
 * Test fixtures on one dev chain. The first `load` snapshots the chain as it is (the base); each
 * new key is built from the base and snapshotted; loading a known key reverts to its snapshot
 * (taking a new one, as a revert consumes it) and returns the same value. A revert invalidates
 * the snapshots taken after it, so those fixtures are rebuilt when next loaded.
 */
export class FixtureCache<T> {
  #entries: Array<Entry<T>> = [];
  #base: string | undefined;

  constructor(
    private readonly provider: Eip1193Provider,
    private readonly networkName: string,
    /** Called after the chain went back to the base, to put off-chain state back too. */
    private readonly onBase: () => Promise<void>,
  ) {}

  async load(key: string, create: () => Promise<T>, restore: (value: T) => Promise<void>): Promise<T> {
    const index = this.#entries.findIndex((e) => e.key === key);
    if (index !== -1) {
      const entry = this.#entries[index]!;
      await this.#revert(entry.snapshot);
      this.#entries.splice(index + 1);
      entry.snapshot = await this.#snapshot();
      await restore(entry.value);
      return entry.value;
    }
    if (this.#base === undefined) {
      this.#base = await this.#snapshot();
    } else {
      await this.#revert(this.#base);
      this.#entries = [];
      this.#base = await this.#snapshot();
    }
    await this.onBase();
    const value = await create();
    this.#entries.push({ key, snapshot: await this.#snapshot(), value });
    return value;
  }

  async #revert(snapshot: string): Promise<void> {
    if ((await this.provider.request({ method: "evm_revert", params: [snapshot] })) !== true) {
      this.#entries = [];
      this.#base = undefined;
      throw new MigrationsError("FIXTURE_SNAPSHOT_LOST", { network: this.networkName });
    }
  }

  async #snapshot(): Promise<string> {
    try {
      return (await this.provider.request({ method: "evm_snapshot" })) as string;
    } catch (error) {
      throw new MigrationsError("FIXTURE_NEEDS_SNAPSHOTS", { network: this.networkName }, { cause: error });
    }
  }
}
