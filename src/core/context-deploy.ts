import {
  AbiCoder,
  Contract,
  ContractFactory,
  type Interface,
  isAddress,
  type InterfaceAbi,
  type Signer,
  type TransactionRequest,
  ZeroHash,
} from "ethers";

import { fullyQualifiedName, type ContractArtifact } from "./artifacts.js";
import { checkConstructorArguments } from "./constructor-arguments.js";
import type { ContextDependencies } from "./context-dependencies.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, ensureCreate2Factory, normalizeSalt } from "./deterministic/create2-factory.js";
import { deployDeterministic, migrationSendPath } from "./deterministic/deploy-deterministic.js";
import type { DeployOptions } from "./deploy-options.js";
import { MigrationsError, describeError } from "./errors.js";
import { toJsonValue } from "./json-value.js";
import { linkBytecode } from "./linking.js";
import { headBlock } from "./provider.js";
import type { JsonValue } from "./registry/registry-document.js";
import { assertRegistryName } from "./registry/registry.js";

/**
 * `ctx.deploy`: links, deploys (through the CREATE2 factory when salted) with the migration's
 * tracked signer, waits with the run's policy, and records the deployment in the registry.
 */
export function createDeploy(
  deps: ContextDependencies,
): (contractName: string, argsOrOptions?: readonly unknown[] | DeployOptions, maybeOptions?: DeployOptions) => Promise<Contract> {
  const { migration, registry, deployer } = deps;

  async function deploy(
    contractName: string,
    argsOrOptions?: readonly unknown[] | DeployOptions,
    maybeOptions?: DeployOptions,
  ): Promise<Contract> {
    const [args, options] = Array.isArray(argsOrOptions)
      ? [argsOrOptions as readonly unknown[], maybeOptions ?? {}]
      : [[], (argsOrOptions as DeployOptions | undefined) ?? maybeOptions ?? {}];
    const name = options.as ?? contractName.split(":").pop()!;
    assertRegistryName(name);

    let artifact;
    try {
      artifact = await deps.artifacts.readArtifact(contractName);
    } catch (error) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name: contractName, reason: describeError(error) }, { cause: error });
    }
    const libraries: Record<string, string> = {};
    for (const [lib, target] of Object.entries(options.libraries ?? {})) {
      libraries[lib] = isAddress(target) ? target : registry.get(target).address;
    }
    const bytecode = linkBytecode(artifact, libraries);
    const signer = options.from === undefined ? deployer : await deps.signerFor(options.from);
    const factory = new ContractFactory(artifact.abi as InterfaceAbi, bytecode, signer);
    checkConstructorArguments(contractName, factory.interface, args);

    const overrides: TransactionRequest = {};
    for (const key of ["value", "gasLimit", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "nonce"] as const) {
      if (options[key] !== undefined) {
        (overrides as Record<string, unknown>)[key] = options[key];
      }
    }

    const salt = options.salt === false ? undefined : (options.salt ?? deps.create2?.defaultSalt);
    if (salt !== undefined) {
      return deployWithSalt(name, artifact, factory, bytecode, args, libraries, signer, normalizeSalt(salt, name));
    }
    let contract: Contract;
    let receipt;
    try {
      contract = (await factory.deploy(...args, overrides)) as Contract;
      receipt = await deps.waitForReceipt(contract.deploymentTransaction()!);
    } catch (error) {
      if (MigrationsError.is(error) && error.code !== "DEPLOYMENT_FAILED") {
        throw error;
      }
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: describeError(error) }, { cause: error });
    }
    if (receipt.status !== 1 || receipt.contractAddress === null) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "the deployment transaction reverted" });
    }
    const address = receipt.contractAddress;
    const tx = contract.deploymentTransaction()!;
    await registry.recordDeployment(name, {
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt.hash,
      blockNumber: receipt.blockNumber,
      deployer: receipt.from,
      args: decodeConstructorArgs(factory.interface, tx.data, bytecode),
      ...(Object.keys(libraries).length > 0 ? { libraries } : {}),
      ...(artifact.buildInfoId !== undefined ? { buildInfoId: artifact.buildInfoId } : {}),
      migration: migration.id,
    });
    deps.onDeployment({
      name,
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt.hash,
      gasUsed: receipt.gasUsed,
      migration: migration.id,
    });
    return new Contract(address, factory.interface, signer);
  }

  /** `ctx.deploy` with a salt: through the CREATE2 factory, or the contract already at the address. */
  async function deployWithSalt(
    name: string,
    artifact: ContractArtifact,
    factory: ContractFactory,
    bytecode: string,
    args: readonly unknown[],
    libraries: Record<string, string>,
    signer: Signer,
    salt: string,
  ): Promise<Contract> {
    const create2 = deps.create2;
    if (create2 === undefined) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "this host does not support deterministic deployments (salt)" });
    }
    const { data: initCode } = await factory.getDeployTransaction(...args);
    await ensureCreate2Factory(create2.provider, { isDevChain: create2.isDevChain, network: create2.network }, name);
    const deployed = await deployDeterministic(
      create2.provider,
      migrationSendPath(signer, deps.waitForReceipt, create2.replaysNext),
      name,
      salt,
      initCode,
    );
    const { address, receipt } = deployed;
    const deployer = await signer.getAddress();
    await registry.recordDeployment(name, {
      address,
      artifact: fullyQualifiedName(artifact),
      // Reused (already at its address): this run sent nothing, so there is no transaction of its own.
      transactionHash: receipt?.hash ?? ZeroHash,
      blockNumber: receipt?.blockNumber ?? (await headBlock(create2.provider)),
      deployer,
      args: decodeConstructorArgs(factory.interface, initCode, bytecode),
      ...(Object.keys(libraries).length > 0 ? { libraries } : {}),
      migration: migration.id,
      create2: { salt, factory: DETERMINISTIC_DEPLOYMENT_PROXY.address, ...(receipt === undefined ? { reused: true } : {}) },
    });
    deps.onDeployment({
      name,
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt?.hash ?? ZeroHash,
      gasUsed: receipt?.gasUsed ?? 0n,
      migration: migration.id,
    });
    return new Contract(address, factory.interface, signer);
  }

  return deploy;
}

/** The constructor arguments as mined, normalised to JSON (bigint → decimal string). */
function decodeConstructorArgs(iface: Interface, data: string, bytecode: string): JsonValue[] {
  const inputs = iface.deploy.inputs;
  if (inputs.length === 0) {
    return [];
  }
  const encoded = `0x${data.slice(bytecode.length)}`;
  return toJsonValue(AbiCoder.defaultAbiCoder().decode(inputs, encoded)) as JsonValue[];
}
