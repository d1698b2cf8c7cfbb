import { fullyQualifiedName, type ContractArtifact } from "./artifacts.js";
import { checkConstructorArguments, constructorEncoder } from "./constructor-arguments.js";
import type { ContextDependencies } from "./context-dependencies.js";
import type { DeployedContract } from "./deployed-contract.js";
import { DETERMINISTIC_DEPLOYMENT_PROXY, ensureCreate2Factory, normalizeSalt } from "./deterministic/create2-factory.js";
import { deployDeterministic, migrationSendPath } from "./deterministic/deploy-deterministic.js";
import { deployCall, type DeployOptions } from "./deploy-options.js";
import { MigrationsError, describeError } from "./errors.js";
import { checksumAddress, decodeConstructorArgs, encodeDeployData, isAddress, ZERO_HASH } from "./eth/index.js";
import { toJsonValue } from "./json-value.js";
import { linkBytecode } from "./linking.js";
import { headBlock } from "./provider.js";
import type { JsonValue } from "./registry/registry-document.js";
import { assertRegistryName } from "./registry/registry.js";
import type { PlainTransaction } from "./transactions/plain-transaction.js";

/**
 * `ctx.deploy`: links, encodes, deploys (through the CREATE2 factory when salted) on the
 * migration's journaled path, waits with the run's policy, and records the deployment in the registry.
 */
export function createDeploy(
  deps: ContextDependencies,
): (contractName: string, argsOrOptions?: readonly unknown[] | DeployOptions, maybeOptions?: DeployOptions) => Promise<DeployedContract> {
  const { migration, registry } = deps;

  async function deploy(contractName: string, argsOrOptions?: readonly unknown[] | DeployOptions, maybeOptions?: DeployOptions): Promise<DeployedContract> {
    const { args, options } = deployCall(argsOrOptions, maybeOptions);
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
    checkConstructorArguments(contractName, constructorEncoder(artifact.abi), args);
    const data = encodeDeployData(artifact.abi, bytecode, args);
    const from = options.from ?? deps.deployer;

    const salt = options.salt === false ? undefined : (options.salt ?? deps.create2?.defaultSalt);
    if (salt !== undefined) {
      return deployWithSalt(name, artifact, data, bytecode, libraries, from, normalizeSalt(salt, name));
    }
    let receipt;
    try {
      const sent = await deps.transactions.send(from, { to: null, data, ...overrides(options) });
      receipt = await deps.transactions.wait(sent.hash);
    } catch (error) {
      if (MigrationsError.is(error) && error.code !== "DEPLOYMENT_FAILED") {
        throw error;
      }
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: describeError(error) }, { cause: error });
    }
    if (receipt.status !== 1 || receipt.contractAddress === null) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "the deployment transaction reverted" });
    }
    const address = checksumAddress(receipt.contractAddress);
    await registry.recordDeployment(name, {
      address,
      artifact: fullyQualifiedName(artifact),
      transactionHash: receipt.hash,
      blockNumber: receipt.blockNumber,
      deployer: checksumAddress(receipt.from),
      args: constructorArgs(artifact, data, bytecode),
      ...(Object.keys(libraries).length > 0 ? { libraries } : {}),
      ...(artifact.buildInfoId !== undefined ? { buildInfoId: artifact.buildInfoId } : {}),
      migration: migration.id,
    });
    deps.onDeployment({ name, address, artifact: fullyQualifiedName(artifact), transactionHash: receipt.hash, gasUsed: receipt.gasUsed, migration: migration.id });
    return { address, abi: artifact.abi, from, receipt };
  }

  /** `ctx.deploy` with a salt: through the CREATE2 factory, or the contract already at the address. */
  async function deployWithSalt(
    name: string,
    artifact: ContractArtifact,
    initCode: string,
    bytecode: string,
    libraries: Record<string, string>,
    from: string,
    salt: string,
  ): Promise<DeployedContract> {
    const create2 = deps.create2;
    if (create2 === undefined) {
      throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "this host does not support deterministic deployments (salt)" });
    }
    await ensureCreate2Factory(create2.provider, { isDevChain: create2.isDevChain, network: create2.network }, name);
    const { address, receipt } = await deployDeterministic(create2.provider, migrationSendPath(deps.transactions, from, create2.replaysNext), name, salt, initCode);
    await registry.recordDeployment(name, {
      address,
      artifact: fullyQualifiedName(artifact),
      // Reused (already at its address): this run sent nothing, so there is no transaction of its own.
      transactionHash: receipt?.hash ?? ZERO_HASH,
      blockNumber: receipt?.blockNumber ?? (await headBlock(create2.provider)),
      deployer: checksumAddress(from),
      args: constructorArgs(artifact, initCode, bytecode),
      ...(Object.keys(libraries).length > 0 ? { libraries } : {}),
      migration: migration.id,
      create2: { salt, factory: DETERMINISTIC_DEPLOYMENT_PROXY.address, ...(receipt === undefined ? { reused: true } : {}) },
    });
    deps.onDeployment({ name, address, artifact: fullyQualifiedName(artifact), transactionHash: receipt?.hash ?? ZERO_HASH, gasUsed: receipt?.gasUsed ?? 0n, migration: migration.id });
    return { address, abi: artifact.abi, from, ...(receipt !== undefined ? { receipt } : {}) };
  }

  return deploy;
}

/** The transaction fields `options` sets (value, gas, fees, nonce). */
function overrides(options: DeployOptions): Omit<PlainTransaction, "to"> {
  const big = (value: bigint | number | string | undefined) => (value === undefined ? undefined : BigInt(value));
  const fields = {
    value: big(options.value),
    gas: big(options.gasLimit),
    gasPrice: big(options.gasPrice),
    maxFeePerGas: big(options.maxFeePerGas),
    maxPriorityFeePerGas: big(options.maxPriorityFeePerGas),
    nonce: options.nonce,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The constructor arguments as mined, normalised to JSON (bigint → decimal string). */
function constructorArgs(artifact: ContractArtifact, data: string, bytecode: string): JsonValue[] {
  return toJsonValue(decodeConstructorArgs(artifact.abi, `0x${data.slice(bytecode.length)}`)) as JsonValue[];
}
