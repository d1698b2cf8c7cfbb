import type { Eip1193Provider } from "./provider.js";

/** What the engine knows about the chain it migrates. */
export interface ChainInfo {
  readonly chainId: number;
  /** Hash of block 0: with the chain id, identifies the chain a registry belongs to. */
  readonly genesisHash: string;
  /** `web3_clientVersion`, when the node answers it. */
  readonly clientVersion: string | undefined;
  /**
   * A local development chain (in-process EDR, `hardhat node`, anvil, ganache): its state can be
   * reset at any moment, so stale registries are replaced with a notice instead of an error.
   */
  readonly isDevChain: boolean;
  /** Hardhat/EDR nodes: changes whenever the node restarts (`hardhat_metadata.instanceId`). */
  readonly instanceId?: string;
  /**
   * How `isDevChain` was decided: `config` when the user declared the network live or dev
   * (`migrations.networks.<name>.live`), else `detected` (in-process, or by client version).
   */
  readonly kindSource?: "config" | "detected";
}

const DEV_CLIENTS = /^(HardhatNetwork|EthereumJS TestRPC|Ganache|anvil|edr)/i;

/**
 * Reads the chain's identity with four RPC calls sent at once. `hints.live` (the user's setting)
 * overrides the dev-chain detection.
 */
export async function inspectChain(
  provider: Eip1193Provider,
  hints: { inProcess?: boolean; live?: boolean | undefined } = {},
): Promise<ChainInfo> {
  const [chainIdHex, genesis, clientVersion, metadata] = await Promise.all([
    provider.request({ method: "eth_chainId" }) as Promise<string>,
    provider.request({ method: "eth_getBlockByNumber", params: ["0x0", false] }) as Promise<{ hash: string } | null>,
    (provider.request({ method: "web3_clientVersion" }) as Promise<string>).catch(() => undefined),
    (provider.request({ method: "hardhat_metadata" }) as Promise<{ instanceId?: string }>).catch(() => undefined),
  ]);
  return {
    ...(typeof metadata?.instanceId === "string" ? { instanceId: metadata.instanceId } : {}),
    chainId: Number(BigInt(chainIdHex)),
    genesisHash: genesis?.hash ?? "0x",
    clientVersion,
    // The user's `live: true|false` wins over detection, both ways.
    isDevChain: hints.live !== undefined ? !hints.live : hints.inProcess === true || (clientVersion !== undefined && DEV_CLIENTS.test(clientVersion)),
    kindSource: hints.live !== undefined ? "config" : "detected",
  };
}
