import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";
import type { Abi, Address } from "viem";

import type { CoreMigrationContext, DeployedContract } from "../../core/context.js";
import { withSigners } from "../../core/named-accounts.js";
import type { MigrationViem, ViemMigrationContext } from "../../types.js";
import type { FrontEnd } from "./front-end.js";
import { viemClients, type ViemChainInfo } from "./viem-clients.js";

/**
 * viem (hardhat-viem): `ctx.deploy`, `ctx.registry.contract` and fixtures return viem contract
 * instances (`read`, `write`, `simulate`, `address`, `abi`). A migration's clients talk to the
 * core's tracked provider, so every `write` is a journaled, resumable step of the migration.
 */
export function viemFrontEnd(hre: HardhatRuntimeEnvironment, connection: NetworkConnection): FrontEnd {
  let chainId: Promise<number> | undefined;
  return {
    library: "viem",
    extendContext: async (core) => viemContext(core, hre, connection),
    contract: async (address, abi, deployer) => {
      // One chain per connection: its id is asked once, not for every contract.
      chainId ??= (connection.provider.request({ method: "eth_chainId" }) as Promise<string>).then((hex) => Number(BigInt(hex)));
      const clients = viemClients(connection.provider, chainInfo(hre, connection, await chainId));
      return clients.contract(address, abi as Abi, clients.wallet(deployer));
    },
  };
}

/** What the front-end knows of `connection`'s chain: in-process, or the network's `live` setting. */
function chainInfo(hre: HardhatRuntimeEnvironment, connection: NetworkConnection, chainId: number): ViemChainInfo {
  const live = hre.config.migrations.networks[connection.networkName]?.live;
  const kind = connection.networkConfig.type === "edr-simulated" || live === false ? "dev" : live === true ? "live" : "unknown";
  return { chainId, name: connection.networkName, kind };
}

async function viemContext(core: CoreMigrationContext, hre: HardhatRuntimeEnvironment, connection: NetworkConnection): Promise<ViemMigrationContext> {
  const clients = viemClients(core.provider, { ...chainInfo(hre, connection, core.network.chainId), name: core.network.name });
  const deployer = clients.wallet(core.deployer.address);
  const instance = (address: string, abi: Abi, from?: string) => clients.contract(address, abi, from === undefined ? deployer : clients.wallet(from));
  const fromCore = async (deployed: Promise<DeployedContract>) => {
    const { address, abi, from } = await deployed;
    return instance(address, abi as Abi, from);
  };
  const viem: MigrationViem = {
    publicClient: clients.publicClient,
    getPublicClient: async () => clients.publicClient,
    getWalletClient: async (address: Address) => clients.wallet(address),
    getWalletClients: async () => ((await core.provider.request({ method: "eth_accounts" })) as string[]).map((address) => clients.wallet(address)),
    getContractAt: (async (name: string, address: Address) => instance(address, (await hre.artifacts.readArtifact(name)).abi as Abi)) as MigrationViem["getContractAt"],
  };
  const { deployer: _account, registry, accounts: coreAccounts, ...rest } = core;
  const accounts = withSigners(core.network.name, coreAccounts, async (address) => clients.wallet(address));
  return {
    ...rest,
    hre,
    connection,
    viem,
    deployer,
    accounts,
    account: (name) => accounts[name]!,
    deploy: (async (...args: Parameters<CoreMigrationContext["deploy"]>) => fromCore(core.deploy(...args))) as ViemMigrationContext["deploy"],
    deployProxy: (async (...args: Parameters<CoreMigrationContext["deployProxy"]>) => fromCore(core.deployProxy(...args))) as ViemMigrationContext["deployProxy"],
    upgradeProxy: (async (...args: Parameters<CoreMigrationContext["upgradeProxy"]>) => fromCore(core.upgradeProxy(...args))) as ViemMigrationContext["upgradeProxy"],
    registry: {
      get: (name) => registry.get(name),
      has: (name) => registry.has(name),
      all: () => registry.all(),
      contract: (async (name: string) => fromCore(registry.contract(name))) as ViemMigrationContext["registry"]["contract"],
    },
  };
}
