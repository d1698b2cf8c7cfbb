import type { PublicClient, WalletClient } from "@nomicfoundation/hardhat-viem/types";
import { createPublicClient, createWalletClient, custom, defineChain, getAddress, getContract, type Abi, type GetContractReturnType } from "viem";

import type { Eip1193Provider } from "../../core/provider.js";

/** Where the viem clients run: the chain the engine checked, and what the front-end knows of it. */
export interface ViemChainInfo {
  readonly chainId: number;
  readonly name: string;
  /**
   * `dev`: in-process, or declared `live: false`; `live`: declared `live: true`; `unknown`: an
   * undeclared network over HTTP (a `hardhat node` or a remote RPC: the front-end is not told
   * which the engine detected).
   */
  readonly kind: "dev" | "live" | "unknown";
}

/**
 * viem's polling (block watchers, `confirmations` above 1; a receipt itself is answered at once,
 * when the run has it) and its cache of block numbers. A dev chain mines at once: poll every
 * 100 ms and cache no block number (one read after a write is the new one). A live network:
 * viem's defaults (4 s, the cache as long). Unknown: 100 ms, as before this distinction.
 */
function clientTiming(kind: ViemChainInfo["kind"]): { pollingInterval?: number; cacheTime?: number } {
  switch (kind) {
    case "dev":
      return { pollingInterval: 100, cacheTime: 0 };
    case "unknown":
      return { pollingInterval: 100 };
    case "live":
      return {};
  }
}

/**
 * `provider` with `eth_chainId` answered from the chain id the run already checked: viem asks it
 * before every `sendTransaction` from an address account (`sendTransaction.ts`: `getChainId` then
 * `assertCurrentChain`), one more round trip per write to a chain that cannot change under a
 * connection. Every other request, `eth_sendTransaction` included, goes to `provider`.
 */
function knownChainProvider(provider: Eip1193Provider, chainId: number): Eip1193Provider {
  const hex = `0x${chainId.toString(16)}`;
  return {
    request: async (args) => (args.method === "eth_chainId" ? hex : provider.request(args)),
  };
}

/** A migration's viem clients, and contract instances on them. */
export interface ViemClients {
  readonly publicClient: PublicClient;
  wallet(address: string): WalletClient;
  contract(address: string, abi: Abi, wallet: WalletClient): GetContractReturnType<Abi, { public: PublicClient; wallet: WalletClient }>;
}

/** viem clients over `provider` (the chain `info`), and contract instances on them. */
export function viemClients(provider: Eip1193Provider, info: ViemChainInfo): ViemClients {
  const chain = defineChain({
    id: info.chainId,
    name: info.name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [] } },
  });
  const transport = custom(knownChainProvider(provider, info.chainId));
  const timing = clientTiming(info.kind);
  const publicClient = createPublicClient({ chain, transport, ...timing });
  const wallet = (address: string) => createWalletClient({ chain, transport, account: getAddress(address), ...timing });
  return {
    publicClient,
    wallet,
    contract: (address, abi, client) => getContract({ address: getAddress(address), abi, client: { public: publicClient, wallet: client } }),
  };
}
