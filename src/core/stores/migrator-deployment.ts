import { decodeParameters, encodeParameters } from "../eth/abi-parameters.js";
import { concatHex, ZERO_HASH } from "../eth/hex.js";
import type { MinedReceipt } from "../mined-receipt.js";
import { MIGRATOR_ADMIN_ARTIFACT, MIGRATOR_ARTIFACT } from "../../generated/migrator-artifact.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, ensureCreate2Factory } from "../deterministic/create2-factory.js";
import { deployDeterministic } from "../deterministic/deploy-deterministic.js";
import { MigrationsError } from "../errors.js";
import { NodeReadFailure, retryNodeFailures, tellingNodeFailures } from "../node-read-failure.js";
import type { Eip1193Provider } from "../provider.js";
import type { MigratorRecord } from "../registry/registry-document.js";
import { VERSION_CALL } from "./migrator-events.js";
import type { StoreSender } from "./state-store.js";

/** Which record a Migrator keeps: 2 = version slot + events (shipped), 1 = set in storage (earlier versions). */
export type MigratorDesign = 1 | 2;

/** Options of `MigratorStateStore.deploy`. */
export interface MigratorDeployOptions {
  /** Creation bytecode of a custom Migrator (its constructor takes no arguments) and its design. */
  readonly custom?: { readonly bytecode: string; readonly design: MigratorDesign };
  /** The chain: on a dev chain a missing CREATE2 factory is installed. */
  readonly chain?: { readonly isDevChain: boolean; readonly network: string };
  /** Deploy the Migrator itself through the CREATE2 factory with this 32-byte salt: one address on every chain. */
  readonly salt?: string;
}

/**
 * Deploys a new Migrator owned by `sender.from`, sending through `sender` (the journaled path). The
 * shipped design needs its chain's shared MigratorAdmin, deployed first (once per chain, through
 * the CREATE2 factory when the chain has it, so at one address everywhere; a plain deployment
 * otherwise). With a `salt` the Migrator goes through the factory too (reused when already there).
 */
export async function deployMigratorContract(
  provider: Eip1193Provider,
  sender: StoreSender,
  options: MigratorDeployOptions = {},
): Promise<{ record: MigratorRecord; gasUsed: bigint; design: MigratorDesign }> {
  const deployer = sender.from;
  const design = options.custom?.design ?? 2;
  let gasUsed = 0n;
  let initCode = options.custom?.bytecode ?? MIGRATOR_ARTIFACT.bytecode;
  let admin: string | undefined;
  const chain = options.chain ?? { isDevChain: true, network: "this network" };
  const factoryThere = await factoryAvailable(provider, chain, options.salt !== undefined);
  if (options.custom === undefined) {
    if (factoryThere) {
      const deployed = await deployDeterministic(provider, sender, "MigratorAdmin", ZERO_HASH, MIGRATOR_ADMIN_ARTIFACT.bytecode);
      admin = deployed.address;
      gasUsed += deployed.receipt?.gasUsed ?? 0n;
    } else {
      const created = await createPlain(sender, MIGRATOR_ADMIN_ARTIFACT.bytecode);
      admin = created.address;
      gasUsed += created.receipt.gasUsed;
    }
    initCode = migratorInitCode(deployer, admin);
  }
  let address: string;
  let receipt: MinedReceipt | undefined;
  if (options.salt !== undefined) {
    const deployed = await deployDeterministic(provider, sender, "the Migrator", options.salt, initCode);
    address = deployed.address;
    receipt = deployed.receipt;
  } else {
    const created = await createPlain(sender, initCode);
    address = created.address;
    receipt = created.receipt;
  }
  gasUsed += receipt?.gasUsed ?? 0n;
  const blockNumber = receipt?.blockNumber ?? 0;
  return {
    design,
    record: {
      address,
      transactionHash: receipt?.hash ?? ZERO_HASH,
      blockNumber,
      deployer,
      ...(design === 2 ? { design: 2 as const } : {}),
      ...(admin !== undefined ? { admin } : {}),
      ...(options.salt !== undefined ? { salt: options.salt, factory: DETERMINISTIC_DEPLOYMENT_PROXY.address } : {}),
    },
    gasUsed,
  };
}

/** The shipped Migrator's creation code for `owner` and the chain's MigratorAdmin `admin` (its constructor arguments appended). */
export function migratorInitCode(owner: string, admin: string): string {
  return concatHex([MIGRATOR_ARTIFACT.bytecode, encodeParameters(["address", "address"], [owner, admin])]);
}

/** Whether deployments can go through the CREATE2 factory (installing it on a dev chain); `required`: or fail. */
async function factoryAvailable(provider: Eip1193Provider, chain: { isDevChain: boolean; network: string }, required: boolean): Promise<boolean> {
  try {
    await ensureCreate2Factory(provider, chain, "the Migrator");
    return true;
  } catch (error) {
    if (required || !MigrationsError.is(error, "CREATE2_FACTORY_MISSING")) {
      throw error;
    }
    return false;
  }
}

async function createPlain(sender: StoreSender, initCode: string): Promise<{ address: string; receipt: MinedReceipt }> {
  const receipt = await sender.send({ to: null, data: initCode });
  if (receipt.status !== 1 || receipt.contractAddress === null) {
    throw new MigrationsError("MIGRATOR_DEPLOYMENT_FAILED", { hash: receipt.hash, status: receipt.status ?? "unknown" });
  }
  return { address: receipt.contractAddress, receipt };
}

/**
 * What a registry records of a Migrator found on chain (a rebuild from the journal): the shipped
 * design's creation code carries its owner and MigratorAdmin as constructor arguments; any other
 * contract is design 2 when it answers `version()`, else design 1. A node that fails to answer
 * (NodeReadFailure, asked three times) is thrown.
 */
export async function deployedMigratorDesign(
  provider: Eip1193Provider,
  address: string,
  creationInput: string,
): Promise<{ readonly design: MigratorDesign; readonly admin?: string }> {
  const shipped = MIGRATOR_ARTIFACT.bytecode.toLowerCase();
  const input = creationInput.toLowerCase();
  if (input.startsWith(shipped) && input.length === shipped.length + 128) {
    const [, admin] = decodeParameters(["address", "address"], `0x${input.slice(shipped.length)}`) as [string, string];
    return { design: 2, admin };
  }
  const reader = tellingNodeFailures(provider);
  try {
    const raw = await retryNodeFailures(async () => (await reader.request({ method: "eth_call", params: [{ to: address, data: VERSION_CALL }, "latest"] })) as string);
    return { design: raw.length === 66 ? 2 : 1 };
  } catch (error) {
    if (NodeReadFailure.in(error) !== undefined) {
      // The node did not answer: that says nothing of the design (design 1 would then read as incompatible).
      throw error;
    }
    return { design: 1 };
  }
}
