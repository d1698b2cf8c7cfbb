import { getAddress, JsonRpcSigner, Network, type TransactionReceipt } from "ethers";

import { fullyQualifiedName, type ArtifactResolver, type ContractArtifact } from "../artifacts.js";
import type { CoreMigrationContext } from "../context.js";
import { MigrationsError, describeError } from "../errors.js";
import { ethersSigners } from "../ethers/ethers-context.js";
import { ImmediateBrowserProvider } from "../ethers/immediate-browser-provider.js";
import type { MigrationFile } from "../migration-file.js";
import type { Registry } from "../registry/registry.js";
import type { DeploymentResult } from "../results.js";
import { loadCommonJs } from "./commonjs-loader.js";
import { createAbstraction, parseRequireName, type TruffleContract } from "./contract-abstraction.js";
import { TruffleDeployer } from "./deployer.js";
import { callingConvention, requiredArtifactNames, undeclaredContractNames } from "./script-style.js";
import type { TruffleHost } from "./truffle-host.js";
import type { TruffleTxParams } from "./tx-params.js";
import { createWeb3Shim } from "./web3-shim.js";

export interface CommonJsMigrationOptions {
  readonly migration: MigrationFile;
  readonly source: string;
  /** The core context: its transactions are the migration's journaled steps. */
  readonly core: CoreMigrationContext;
  readonly artifacts: ArtifactResolver;
  readonly registry: Registry;
  /** The node's accounts (Truffle's `accounts` argument). */
  readonly accounts: () => Promise<string[]>;
  /** The full migration context, for CommonJS files written in this plugin's style. */
  readonly context: () => unknown;
  readonly onDeployment: (deployment: DeploymentResult) => void;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as { then?: unknown }).then === "function";

/**
 * Runs a CommonJS migration — Truffle 4/5 `(deployer, network, accounts)`, TIP #1
 * `(accounts, done)`, or this plugin's `(ctx)` — with Truffle's globals (`artifacts`, `web3`, and
 * for TIP #1 scripts the contracts they name). Everything it deploys goes through the core context
 * (registry, events) and every transaction through the migration's tracking signers. Resolves when
 * the script has finished, the deployer's queue has drained and every operation has settled.
 */
export async function runCommonJsMigration(options: CommonJsMigrationOptions): Promise<void> {
  const { core, migration, source } = options;
  // As web3.eth.getAccounts() gives them (nodes answer eth_accounts in lower case).
  const accounts = async () => (await options.accounts()).map((a) => getAddress(a));
  // Truffle's contracts are ethers contracts over the migration's provider, sending through
  // tracking signers: every transaction is a journaled step of the migration.
  const provider = new ImmediateBrowserProvider(core.provider, Network.from(core.network.chainId), { staticNetwork: true, cacheTimeout: -1 });
  const signers = ethersSigners(core, async (address) => new JsonRpcSigner(provider, getAddress(address)));
  const deployer = await signers.signerFor(getAddress(core.deployer.address));
  const pending = new Set<Promise<unknown>>();
  const failures: unknown[] = [];
  const loaded = new Map<string, ContractArtifact>();
  const defaults = new Map<string, TruffleTxParams>();
  const creations = new Map<string, TransactionReceipt>();
  const deployerAddress = deployer.address;

  const keep = (work: Promise<unknown>, failsMigration: boolean) => {
    const settled = work.then(
      () => {},
      (error: unknown) => {
        if (failsMigration) failures.push(error);
      },
    );
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };

  const host: TruffleHost = {
    core,
    deployer,
    provider,
    async signerFor(from) {
      if (from === undefined || getAddress(from) === deployerAddress) {
        return deployer;
      }
      return signers.signerFor(getAddress(from));
    },
    async artifact(name) {
      const known = loaded.get(name);
      if (known !== undefined) {
        return known;
      }
      let artifact: ContractArtifact;
      try {
        artifact = await options.artifacts.readArtifact(name);
      } catch (error) {
        throw new MigrationsError("TRUFFLE_ARTIFACT_NOT_FOUND", { name, detail: ` (${describeError(error)})` }, { cause: error });
      }
      loaded.set(name, artifact);
      return artifact;
    },
    loadedArtifact: (name) => loaded.get(name),
    async waitForReceipt(tx) {
      const receipt = await signers.receipt(tx.hash, provider);
      if (receipt.status !== 1) {
        throw new Error(`Transaction ${receipt.hash} reverted.`);
      }
      return receipt;
    },
    defaultsOf(contractName, merge) {
      const next = { ...defaults.get(contractName), ...merge };
      defaults.set(contractName, next);
      return next;
    },
    track(work, trackOptions) {
      keep(work, trackOptions?.failsMigration === true);
      return work;
    },
    rememberCreation(receipt) {
      creations.set(receipt.contractAddress!.toLowerCase(), receipt);
    },
    assignAddress(contractName, artifactName, address) {
      keep(
        (async () => {
          const artifact = await host.artifact(artifactName);
          const created = creations.get(address.toLowerCase());
          const record = {
            address,
            artifact: fullyQualifiedName(artifact),
            transactionHash: created?.hash ?? "",
            blockNumber: created?.blockNumber ?? (await provider.getBlockNumber()),
            deployer: created?.from ?? deployerAddress,
            args: [],
            migration: migration.id,
          };
          await options.registry.recordDeployment(contractName, record);
          options.onDeployment({ name: contractName, address, artifact: record.artifact, transactionHash: record.transactionHash, gasUsed: created?.gasUsed ?? 0n, migration: migration.id });
        })(),
        true,
      );
    },
  };

  // Artifacts the script requires by literal name are loaded first, so `artifacts.require` can
  // stay synchronous and fail at once for an unknown contract, as in Truffle.
  const missing: string[] = [];
  await Promise.all(
    requiredArtifactNames(source).map(async (requested) => {
      const { artifactName } = parseRequireName(requested);
      await host.artifact(artifactName).catch(() => missing.push(requested));
    }),
  );
  const abstractions = new Map<string, TruffleContract>();
  const artifacts = {
    require(requested: string): TruffleContract {
      if (missing.includes(requested)) {
        throw new MigrationsError("TRUFFLE_ARTIFACT_NOT_FOUND", { name: requested, detail: "" });
      }
      const { artifactName } = parseRequireName(requested);
      let abstraction = abstractions.get(artifactName);
      if (abstraction === undefined) {
        abstraction = createAbstraction(host, requested);
        abstractions.set(artifactName, abstraction);
      }
      return abstraction;
    },
  };
  // TIP #1 scripts use contracts as globals (`MyContract.new(...)`): those the project has.
  const globals: Record<string, unknown> = {};
  await Promise.all(
    undeclaredContractNames(source).map(async (name) => {
      if (await host.artifact(name).then(() => true, () => false)) {
        globals[name] = artifacts.require(name);
      }
    }),
  );
  const scope: Record<string, unknown> = { ...globals, artifacts };
  if (!/\b(?:var|let|const)\s+web3\b/.test(source)) {
    scope.web3 = createWeb3Shim(host, accounts);
  }

  let exported: unknown;
  try {
    exported = loadCommonJs(migration.path, source, scope);
  } catch (error) {
    throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
  }
  const fn = typeof exported === "function" ? exported : (exported as { default?: unknown } | null)?.default;
  if (typeof fn !== "function") {
    throw new MigrationsError("INVALID_MIGRATION_MODULE", { file: migration.fileName });
  }
  const migrationFn = fn as (...args: unknown[]) => unknown;

  const drain = async () => {
    while (pending.size > 0) {
      await Promise.all([...pending]);
    }
    if (failures.length > 0) {
      throw failures[0];
    }
  };

  switch (callingConvention(migrationFn)) {
    case "context":
      await migrationFn(await options.context());
      break;
    case "tip": {
      const list = await accounts();
      await new Promise<void>((resolve, reject) => {
        const done = (error?: unknown) => {
          if (error instanceof Error || typeof error === "string") {
            reject(error instanceof Error ? error : new Error(error));
          } else {
            resolve();
          }
        };
        try {
          const returned = migrationFn(list, done);
          if (isThenable(returned)) {
            returned.then(undefined, reject);
          }
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      break;
    }
    case "truffle": {
      const deployer = new TruffleDeployer(host);
      const returned = migrationFn(deployer, core.network.name, await accounts());
      const outcomes = await Promise.allSettled([deployer.start(), Promise.resolve(returned)]);
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
      if (rejected !== undefined) {
        await Promise.allSettled([...pending]);
        throw rejected.reason;
      }
      break;
    }
  }
  await drain();
}
