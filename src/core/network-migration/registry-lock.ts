import type { ChainInfo } from "../chain.js";
import { RunLock } from "../run-lock.js";
import type { MigrationHost } from "../session.js";

/**
 * Runs `body` (a registry write of a network migration) holding the chain's run lock, so `sync`
 * and `cutover` never write a registry a `migrate` run on that chain is changing. A live holder
 * makes it stop with MIGRATION_LOCKED; the lock is never taken over from a running process.
 */
export async function withRegistryLock<C, T>(host: MigrationHost<C>, chain: ChainInfo, body: () => Promise<T>): Promise<T> {
  const file = host.lockFile?.(chain);
  const lock = file === undefined ? undefined : await RunLock.acquire(file, chain.chainId);
  try {
    return await body();
  } finally {
    await lock?.release();
  }
}
