import { MigrationsError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";

/**
 * Refuses to import deployments that have no code on the connected chain: a dev chain restarted
 * since, or a folder of another chain with the same id (and, on deterministic dev chains, the
 * same genesis).
 */
export async function requireCode(
  provider: Eip1193Provider,
  deployments: ReadonlyArray<{ readonly name: string; readonly address: string }>,
  context: { readonly source: string; readonly network: string; readonly chainId: number },
): Promise<void> {
  const missing: string[] = [];
  for (const { name, address } of deployments) {
    const code = (await provider.request({ method: "eth_getCode", params: [address, "latest"] })) as string;
    if (code === "0x" || code === "") {
      missing.push(`${name} (${address})`);
    }
  }
  if (missing.length > 0) {
    throw new MigrationsError("IMPORTED_CONTRACT_HAS_NO_CODE", { ...context, names: missing.join(", ") });
  }
}
