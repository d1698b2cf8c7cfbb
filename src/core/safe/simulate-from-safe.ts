import { decodeParameters, functionSelector } from "../eth/index.js";
import { describeError } from "../errors.js";
import type { Eip1193Provider } from "../provider.js";
import type { SafeCall } from "./safe-transaction.js";

/** The selector of `Error(string)`, what `require(…, "reason")` and `revert("reason")` revert with. */
const ERROR_STRING_SELECTOR = functionSelector(["function Error(string)"], "Error");

/** Revert data in the shapes nodes return it (`error.data`, `error.data.data`, `error.error.data`). */
function revertData(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth++) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === "string" && data.startsWith("0x")) {
      return data;
    }
    current = data ?? (current as { error?: unknown; cause?: unknown }).error ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Makes `call` as the Safe would (`eth_call` from the Safe's address, on the latest block): the
 * revert reason when it reverts, `undefined` when it succeeds. The Safe runs proposals without
 * `safeTxGas`, so a reverting call makes `execTransaction` itself revert (GS013).
 */
export async function simulateFromSafe(provider: Eip1193Provider, safe: string, call: SafeCall): Promise<string | undefined> {
  try {
    await provider.request({
      method: "eth_call",
      params: [{ from: safe, to: call.to, data: call.data, value: `0x${BigInt(call.value).toString(16)}` }, "latest"],
    });
    return undefined;
  } catch (error) {
    const data = revertData(error);
    if (data !== undefined && data.toLowerCase().startsWith(ERROR_STRING_SELECTOR)) {
      return `reverted with "${String(decodeParameters(["string"], `0x${data.slice(10)}`)[0])}"`;
    }
    return data !== undefined && data !== "0x" ? `reverted with data ${data.slice(0, 74)}` : describeError(error);
  }
}
