import type { Eip1193Provider } from "../../src/core/provider.js";
import { completedOf, readRecord } from "../../src/core/stores/migrator-events.js";
import { rpc } from "./rpc.js";

/** The ids a (design 2) Migrator holds, read the way `status` reads them: its version and events. */
export async function recordedIds(provider: Eip1193Provider | string, address: string): Promise<number[]> {
  const p: Eip1193Provider = typeof provider === "string" ? { request: ({ method, params }) => rpc(provider, method, params as unknown[]) } : provider;
  const { events } = await readRecord(p, address, 0, undefined);
  return [...completedOf(events)].sort((a, b) => a - b);
}
