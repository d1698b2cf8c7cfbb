
import { inspectChain } from "../core/chain.js";
import { MigrationsError, describeError } from "../core/errors.js";
import type { MigrationEventListener } from "../core/events.js";
import { migrate } from "../core/migrate.js";
import { reportAccount } from "../core/preflight.js";
import type { PlanOptions } from "../core/planner.js";
import { headBlock } from "../core/provider.js";
import { MemoryRegistryStorage } from "../core/registry/memory-registry-storage.js";
import type { RegistryDocument } from "../core/registry/registry-document.js";
import type { MigrateResult } from "../core/results.js";
import { exportState } from "../core/state-transfer.js";
import { MemoryStateStore } from "../core/stores/memory-state-store.js";
import type { MigrationStateStore } from "../core/stores/state-store.js";
import { MemoryChainWorkspace } from "../core/workspace/memory-chain-workspace.js";
import type { ConnectionHost } from "./connection-host.js";
import { connectionAccount } from "./front-end/connection-signers.js";
import type { SendingAccount } from "../core/transactions/sending-account.js";

/**
 * `migrate --dry-run --simulate`: runs the pending migrations on an in-process EDR fork of the
 * connection's HTTP network, as its deployer (impersonated), with copies of its registry and
 * record, and reports what they did. Nothing is sent to the network and no file is written.
 */
export async function simulateOnFork(
  target: ConnectionHost,
  options: PlanOptions & { readonly onEvent?: MigrationEventListener; readonly tags?: readonly string[]; readonly parametersFile?: string },
): Promise<MigrateResult> {
  const { connection, hre } = target;
  const config = connection.networkConfig;
  if (config.type !== "http") {
    throw new MigrationsError("SIMULATION_UNAVAILABLE", { network: connection.networkName, reason: "it is an in-process network already; run it without --dry-run." });
  }
  const url = await config.url.get();
  const targetHost = await target.host({ readOnly: true });
  const storeKind = target.storeKind;
  const [registryDoc, deployerAddress, exported] = await Promise.all([
    targetHost.workspace.registry.load() as Promise<RegistryDocument | undefined>,
    // The address without the key when the config says it (no keystore prompt); else the signer's.
    targetHost.signers.knownDeployerAddress?.().then((known) => known ?? targetHost.signers.deployer().then((signer) => signer.address)) ??
      targetHost.signers.deployer().then((signer) => signer.address),
    storeKind === "chain" ? undefined : exportState(targetHost),
  ]);
  // Read through the host's read-only provider: Hardhat's would read the network's keys.
  const blockNumber = await headBlock(targetHost.provider);

  let fork;
  try {
    fork = await hre.network.create({
      network: "default",
      override: { chainId: targetHost.chain.chainId, forking: { enabled: true, url, blockNumber } },
    });
  } catch (error) {
    throw new MigrationsError("SIMULATION_UNAVAILABLE", { network: connection.networkName, reason: describeError(error) }, { cause: error });
  }
  try {
    // Calls at the fork block itself would execute as historical blocks, whose hardforks EDR
    // does not know for custom chains: mine one local block first.
    await fork.provider.request({ method: "evm_mine" });
    const forkChain = await inspectChain(fork.provider, { inProcess: true });
    const workspace = new MemoryChainWorkspace(
      new MemoryRegistryStorage(registryDoc === undefined ? undefined : { ...registryDoc, chainId: forkChain.chainId, genesisHash: forkChain.genesisHash }),
    );
    let store: MigrationStateStore;
    if (storeKind === "file") {
      const record = new MemoryStateStore();
      for (const r of exported?.migrations ?? []) {
        await record.record(r.id, r.contentHash ?? "0x");
      }
      store = record;
    } else {
      store = target.stateStore(storeKind, fork.provider, forkChain, workspace, await target.customMigrator());
    }
    const impersonate = async (address: string): Promise<SendingAccount> => {
      await fork.provider.request({ method: "hardhat_impersonateAccount", params: [address] });
      return connectionAccount(fork, address);
    };
    options.onEvent?.({
      type: "notice",
      message: `Simulating on an in-process fork of ${connection.networkName} at block ${blockNumber}, as ${deployerAddress}: nothing is sent to ${connection.networkName}.`,
    });
    if (options.onEvent !== undefined) {
      // The network's own balance and gas price: what the simulated gas would cost there.
      await reportAccount(targetHost.provider, deployerAddress, "before", options.onEvent);
    }
    const host = target.assemble({
      networkName: `${connection.networkName} (fork)`,
      connection: fork,
      chain: forkChain,
      workspace,
      store,
      signers: { deployer: () => impersonate(deployerAddress), signer: impersonate, named: () => target.namedAccounts() },
      parametersFile: options.parametersFile,
      selectAs: { network: connection.networkName, isDevChain: targetHost.chain.isDevChain },
    });
    const { parametersFile: _file, ...migrateOptions } = options;
    return await migrate(host, { ...migrateOptions, rollback: true });
  } finally {
    await fork.close();
  }
}
