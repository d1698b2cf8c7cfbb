import { formatUnits, getAddress, id, isAddress, keccak256, parseUnits, toBeHex } from "ethers";

import { TruffleBN, type BNInput } from "./bn.js";
import type { TruffleHost } from "./truffle-host.js";
import { toOverrides, type TruffleTxParams } from "./tx-params.js";
import { MigrationsError } from "../errors.js";

const UNITS: Record<string, number> = { wei: 0, kwei: 3, mwei: 6, gwei: 9, szabo: 12, finney: 15, ether: 18 };

function unit(name: string | undefined): number {
  const decimals = UNITS[(name ?? "ether").toLowerCase()];
  if (decimals === undefined) {
    throw new TypeError(`Unknown unit "${name}": use one of ${Object.keys(UNITS).join(", ")}`);
  }
  return decimals;
}

/**
 * The small part of web3 1.x that migrations use for values and accounts — `web3.utils` (toWei,
 * fromWei, toBN, BN, isBN, toHex, …) and `web3.eth` (getAccounts, getBalance, getBlockNumber,
 * getChainId, sendTransaction) — implemented with ethers. Anything else throws an error saying so.
 */
export function createWeb3Shim(host: TruffleHost, accounts: () => Promise<string[]>): unknown {
  const utils = {
    BN: TruffleBN,
    isBN: (value: unknown) => TruffleBN.isBN(value),
    toBN: (value: BNInput) => new TruffleBN(value),
    toWei: (value: BNInput, unitName?: string) => {
      const wei = parseUnits(TruffleBN.isBN(value) ? (value as TruffleBN).toString() : String(value), unit(unitName));
      return TruffleBN.isBN(value) ? new TruffleBN(wei) : wei.toString();
    },
    fromWei: (value: BNInput, unitName?: string) => {
      const text = formatUnits(new TruffleBN(value).toBigInt(), unit(unitName));
      return text.endsWith(".0") ? text.slice(0, -2) : text;
    },
    toHex: (value: BNInput) =>
      typeof value === "string" && !/^-?(0x[0-9a-f]*|\d+)$/i.test(value)
        ? `0x${Buffer.from(value, "utf8").toString("hex")}`
        : toBeHex(new TruffleBN(value).toBigInt()),
    toChecksumAddress: (address: string) => getAddress(address),
    isAddress: (address: string) => isAddress(address),
    keccak256: (text: string) => (/^0x[0-9a-f]*$/i.test(text) ? keccak256(text) : id(text)),
    sha3: (text: string) => (/^0x[0-9a-f]*$/i.test(text) ? keccak256(text) : id(text)),
    utf8ToHex: (text: string) => `0x${Buffer.from(text, "utf8").toString("hex")}`,
  };
  const eth = {
    getAccounts: () => host.track(accounts()),
    getBalance: (address: string) => host.track(host.provider.getBalance(address).then((b) => b.toString())),
    getBlockNumber: () => host.track(host.provider.getBlockNumber()),
    getChainId: () => Promise.resolve(host.core.network.chainId),
    sendTransaction: (params: TruffleTxParams & { to: string; data?: string }) =>
      host.track(
        (async () => {
          const signer = await host.signerFor(params.from);
          const tx = await signer.sendTransaction({ to: params.to, data: params.data, ...toOverrides(params) });
          const receipt = await host.waitForReceipt(tx);
          return { transactionHash: receipt.hash, blockNumber: receipt.blockNumber, from: receipt.from, to: receipt.to, gasUsed: Number(receipt.gasUsed), status: receipt.status === 1 };
        })(),
      ),
  };
  return unsupportedBeyond({ utils: unsupportedBeyond(utils, "web3.utils"), eth: unsupportedBeyond(eth, "web3.eth") }, "web3");
}

/** `target`, where reading any other property throws an error naming it. */
function unsupportedBeyond<T extends object>(target: T, path: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "symbol" || key in object || key === "then" || key === "toJSON") {
        return Reflect.get(object, key, receiver) as unknown;
      }
      throw new MigrationsError("TRUFFLE_WEB3_UNSUPPORTED", { name: `${path}.${key}` });
    },
  });
}
