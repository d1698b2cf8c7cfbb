import { Contract, type InterfaceAbi } from "ethers";

import type { Eip1193Provider } from "../../src/core/provider.js";

export const rpc = async (url: string, method: string, params: unknown[] = []): Promise<unknown> => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
};

export const urlProvider = (url: string): Eip1193Provider => ({
  request: ({ method, params }) => rpc(url, method, (params as unknown[] | undefined) ?? []),
});

/** Code, balance, nonce and the given slots of `address`, read at `block`. */
export async function accountAt(url: string, address: string, slots: readonly string[], block = "latest") {
  const storage: Record<string, string> = {};
  for (const slot of slots) storage[slot] = (await rpc(url, "eth_getStorageAt", [address, slot, block])) as string;
  return {
    code: await rpc(url, "eth_getCode", [address, block]),
    balance: await rpc(url, "eth_getBalance", [address, block]),
    nonce: await rpc(url, "eth_getTransactionCount", [address, block]),
    storage,
  };
}

/**
 * The result of every view function of `abi` at `address`: those without inputs, and those with
 * inputs for each argument list `inputs[name]` gives. Functions with inputs and no argument lists
 * are reported so a test cannot silently skip them.
 */
export async function viewResults(
  url: string,
  address: string,
  abi: InterfaceAbi,
  inputs: Record<string, unknown[][]>,
): Promise<{ results: Record<string, string>; untested: string[] }> {
  const provider = { request: urlProvider(url).request } as never;
  const contract = new Contract(address, abi, new (await import("ethers")).BrowserProvider(provider));
  const results: Record<string, string> = {};
  const untested: string[] = [];
  for (const fragment of contract.interface.fragments) {
    if (fragment.type !== "function") continue;
    const fn = fragment as unknown as { name: string; stateMutability: string; inputs: unknown[]; format(): string };
    if (fn.stateMutability !== "view" && fn.stateMutability !== "pure") continue;
    const argLists = fn.inputs.length === 0 ? [[]] : inputs[fn.name];
    if (argLists === undefined) {
      untested.push(fn.format());
      continue;
    }
    for (const args of argLists) {
      const value: unknown = await contract.getFunction(fn.format())(...args);
      const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
      results[`${fn.format()}(${json(args)})`] = json(value);
    }
  }
  return { results, untested };
}

const ALICE = "0x70997970c51812dc3a010c7d01b50e20ee4b3dc8";
const BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
const OWNER = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

/** Argument lists for every view function with inputs, in Token, Ledger and the Migrator. */
export const VIEW_INPUTS: Record<string, unknown[][]> = {
  balanceOf: [[OWNER], [ALICE], [BOB]],
  credits: [[OWNER], [ALICE], [BOB]],
  notes: [[ALICE, 1n], [BOB, 2n], [ALICE, 2n]],
  values: [[0n], [1n]],
  entry: [[0n], [1n]],
  isCompleted: [[1n], [2n], [3n]],
  supportsInterface: [["0x1f399e91"]],
};

