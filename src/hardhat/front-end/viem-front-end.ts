import type { Contract } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import { createPublicClient, createWalletClient, custom, defineChain, getAddress, getContract, type Abi, type Address } from "viem";

import type { CoreMigrationContext } from "../../core/context.js";
import type { Eip1193Provider } from "../../core/provider.js";
import type { MigrationViem, ViemMigrationContext } from "../../types.js";
import type { FrontEnd } from "./front-end.js";

/** Dev chains mine at once: poll for receipts and blocks often (viem's default is 4 s). */
const POLLING_MS = 100;

/**
 * viem (hardhat-viem): `ctx.deploy`, `ctx.registry.contract` and fixtures return viem contract
 * instances (`read`, `write`, `simulate`, `address`, `abi`). A migration's clients talk to the
 * core's tracked provider, so every `write` is a journaled, resumable step of the migration.
 */
export function viemFrontEnd(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): FrontEnd {
  return {
    library: "viem",
    extendContext: async (core) => viemContext(core, hre, connection),
    contract: async (address, abi, deployer) => {
      const clients = viemClients(connection.provider, Number(BigInt((await connection.provider.request({ method: "eth_chainId" })) as string)), connection.networkName);
      return clients.contract(address, abi as Abi, clients.wallet(deployer));
    },
  };
}

/** viem clients over `provider` (a chain of `chainId`), and contract instances on them. */
function viemClients(provider: Eip1193Provider, chainId: number, name: string) {
  const chain = defineChain({
    id: chainId,
    name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [] } },
  });
  const transport = custom(provider);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: POLLING_MS });
  const wallet = (address: string) => createWalletClient({ chain, transport, account: getAddress(address), pollingInterval: POLLING_MS });
  return {
    publicClient,
    wallet,
    contract: (address: string, abi: Abi, client: ReturnType<typeof wallet>) =>
      getContract({ address: getAddress(address), abi, client: { public: publicClient, wallet: client } }),
  };
}

async function viemContext(core: CoreMigrationContext, hre: HardhatRuntimeEnvironment, connection: NetworkConnection): Promise<ViemMigrationContext> {
  const clients = viemClients(core.provider, core.network.chainId, core.network.name);
  const deployer = clients.wallet(await core.deployer.getAddress());
  const instance = (address: string, abi: Abi) => clients.contract(address, abi, deployer);
  const fromEthers = async (contract: Contract) => instance(await contract.getAddress(), JSON.parse(contract.interface.formatJson()) as Abi);
  const viem: MigrationViem = {
    publicClient: clients.publicClient,
    getPublicClient: async () => clients.publicClient,
    getWalletClient: async (address: Address) => clients.wallet(address),
    getWalletClients: async () => ((await core.provider.request({ method: "eth_accounts" })) as string[]).map((address) => clients.wallet(address)),
    getContractAt: (async (name: string, address: Address) => instance(address, (await hre.artifacts.readArtifact(name)).abi as Abi)) as MigrationViem["getContractAt"],
  };
  const { deployer: _signer, registry, ...rest } = core;
  return {
    ...rest,
    hre,
    connection,
    viem,
    deployer,
    deploy: (async (...args: Parameters<CoreMigrationContext["deploy"]>) => fromEthers(await core.deploy(...args))) as ViemMigrationContext["deploy"],
    deployProxy: (async (...args: Parameters<CoreMigrationContext["deployProxy"]>) => fromEthers(await core.deployProxy(...args))) as ViemMigrationContext["deployProxy"],
    upgradeProxy: (async (...args: Parameters<CoreMigrationContext["upgradeProxy"]>) => fromEthers(await core.upgradeProxy(...args))) as ViemMigrationContext["upgradeProxy"],
    registry: {
      get: (name) => registry.get(name),
      has: (name) => registry.has(name),
      all: () => registry.all(),
      contract: (async (name: string) => fromEthers(await registry.contract(name))) as ViemMigrationContext["registry"]["contract"],
    },
  };
}
