import type { ContractArtifact } from "../artifacts.js";
import { ensureCreate2Factory } from "../deterministic/create2-factory.js";
import { type Create2Host, deployDeterministic, migrationSendPath } from "../deterministic/deploy-deterministic.js";
import { MigrationsError, describeError } from "../errors.js";
import { checksumAddress, encodeDeployData, isAddress, ZERO_HASH } from "../eth/index.js";
import type { MinedReceipt } from "../mined-receipt.js";
import { linkBytecode } from "../linking.js";
import type { DeployProxyOptions, ProxyDependencies } from "./proxy-options.js";

/** Deploys a proxy's implementation (linked, with its constructor arguments; salted: through the CREATE2 factory). */
export async function deployImplementation(
  deps: ProxyDependencies,
  artifact: ContractArtifact,
  from: string,
  options: Pick<DeployProxyOptions, "libraries" | "constructorArgs">,
  name: string,
  salted?: Salted,
): Promise<{ address: string; receipt: MinedReceipt; reused: boolean; libraries?: Record<string, string> }> {
  const libraries: Record<string, string> = {};
  for (const [lib, target] of Object.entries(options.libraries ?? {})) {
    libraries[lib] = isAddress(target) ? target : deps.registry.get(target).address;
  }
  const data = encodeDeployData(artifact.abi, linkBytecode(artifact, libraries), options.constructorArgs ?? []);
  const deployed = await deployBytecode(deps, from, data, `${name} (implementation)`, salted);
  return { ...deployed, ...(Object.keys(libraries).length > 0 ? { libraries } : {}) };
}

/** A salted `deployProxy`: the factory is on the chain, and every deployment goes through it. */
export interface Salted {
  readonly salt: string;
  readonly create2: Create2Host;
}

export async function saltedDeployment(deps: ProxyDependencies, salt: string, name: string): Promise<Salted> {
  if (deps.create2 === undefined) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "this host does not support deterministic deployments (salt)" });
  }
  await ensureCreate2Factory(deps.create2.provider, deps.create2, name);
  return { salt, create2: deps.create2 };
}

/**
 * Deploys the creation code `data` from `from`; `salted`: through the CREATE2 factory, or reused
 * when it is already at its address (`reused`, with a stand-in receipt: nothing was sent).
 */
export async function deployBytecode(
  deps: Pick<ProxyDependencies, "transactions">,
  from: string,
  data: string,
  name: string,
  salted?: Salted,
): Promise<{ address: string; receipt: MinedReceipt; reused: boolean }> {
  if (salted !== undefined) {
    const { create2 } = salted;
    const deployed = await deployDeterministic(create2.provider, migrationSendPath(deps.transactions, from, create2.replaysNext), name, salted.salt, data);
    const receipt: MinedReceipt = deployed.receipt ?? { hash: ZERO_HASH, status: 1, blockNumber: 0, gasUsed: 0n, contractAddress: null, from };
    return { address: deployed.address, receipt, reused: deployed.receipt === undefined };
  }
  let receipt: MinedReceipt;
  try {
    receipt = await deps.transactions.wait((await deps.transactions.send(from, { to: null, data })).hash);
  } catch (error) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: describeError(error) }, { cause: error });
  }
  if (receipt.status !== 1 || receipt.contractAddress === null) {
    throw new MigrationsError("DEPLOYMENT_FAILED", { name, reason: "the deployment transaction reverted" });
  }
  return { address: checksumAddress(receipt.contractAddress), receipt, reused: false };
}
