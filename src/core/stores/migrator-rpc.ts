import { errorChain } from "../error-chain.js";
import type { Eip1193Provider } from "../provider.js";
import { decodeErrorData } from "../eth/abi-error.js";
import { LEGACY_MIGRATOR_ABI } from "./legacy-migrator.js";
import { MIGRATOR_ABI } from "./migrator-events.js";

export async function ethCall(provider: Eip1193Provider, to: string, data: string, from: string | undefined): Promise<string> {
  return (await provider.request({ method: "eth_call", params: [{ ...(from !== undefined ? { from } : {}), to, data }, "latest"] })) as string;
}

/** The name of a Migrator custom error (either design) inside whatever the front-end library or the node threw. */
export function revertName(error: unknown): string | undefined {
  for (const item of errorChain(error)) {
    const e = item as { revert?: { name?: unknown }; data?: unknown };
    if (typeof e.revert?.name === "string") {
      return e.revert.name;
    }
    if (typeof e.data === "string" && e.data.startsWith("0x") && e.data.length >= 10) {
      for (const abi of [MIGRATOR_ABI, LEGACY_MIGRATOR_ABI]) {
        const parsed = decodeErrorData(abi, e.data);
        if (parsed !== undefined) {
          return parsed.name;
        }
      }
    }
  }
  return undefined;
}
