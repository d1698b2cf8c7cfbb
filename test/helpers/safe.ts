import { createRequire } from "node:module";

import { Contract, ContractFactory, JsonRpcProvider, type InterfaceAbi, type JsonRpcSigner, ZeroAddress, concat } from "ethers";

import { SAFE_TX_TYPES, type SafeTransaction } from "../../src/core/safe/safe-transaction.js";

const require = createRequire(import.meta.url);

interface Artifact {
  readonly abi: InterfaceAbi;
  readonly bytecode: string;
}

/** An artifact of `@safe-global/safe-contracts` 1.4.1, as the package ships it. */
function safeArtifact(file: string, name: string): Artifact {
  return require(`@safe-global/safe-contracts/build/artifacts/contracts/${file}/${name}.json`) as Artifact;
}

/** A Safe deployed on a node from the real contracts: singleton, proxy factory, and one proxy. */
export interface DeployedSafe {
  readonly address: string;
  readonly contract: Contract;
  readonly provider: JsonRpcProvider;
}

/**
 * Deploys the Safe 1.4.1 singleton and proxy factory from `deployer`, then a Safe proxy owned by
 * `owners` with `threshold`, set up as the Safe app does (no modules, no fallback handler).
 */
export async function deploySafe(url: string, deployer: string, owners: readonly string[], threshold: number): Promise<DeployedSafe> {
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const signer = await provider.getSigner(deployer);
  const safe = safeArtifact("Safe.sol", "Safe");
  const factory = safeArtifact("proxies/SafeProxyFactory.sol", "SafeProxyFactory");
  const singleton = await (await new ContractFactory(safe.abi, safe.bytecode, signer).deploy()).waitForDeployment();
  const proxies = (await (await new ContractFactory(factory.abi, factory.bytecode, signer).deploy()).waitForDeployment()) as Contract;
  const initializer = singleton.interface.encodeFunctionData("setup", [owners, threshold, ZeroAddress, "0x", ZeroAddress, ZeroAddress, 0, ZeroAddress]);
  const receipt = await (await proxies.getFunction("createProxyWithNonce")(await singleton.getAddress(), initializer, 0n)).wait();
  const created = receipt!.logs.map((log: { topics: readonly string[]; data: string }) => proxies.interface.parseLog(log)).find((event: { name: string } | null) => event?.name === "ProxyCreation");
  const address = String(created!.args[0]);
  return { address, contract: new Contract(address, safe.abi, provider), provider };
}

/**
 * Owners sign `tx` (EIP-712, `eth_signTypedData_v4` with the node's keys); the signatures are
 * ordered by owner address, as the Safe requires.
 */
export async function signSafeTransaction(safe: DeployedSafe, chainId: number, tx: SafeTransaction, owners: readonly string[]): Promise<string> {
  const signed: { owner: string; signature: string }[] = [];
  for (const owner of owners) {
    const signer: JsonRpcSigner = await safe.provider.getSigner(owner);
    const signature = await signer.signTypedData({ chainId, verifyingContract: safe.address }, { SafeTx: [...SAFE_TX_TYPES.SafeTx] }, tx);
    signed.push({ owner, signature });
  }
  signed.sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : 1));
  return concat(signed.map((s) => s.signature));
}

/** `execTransaction` of `tx` with `signatures`, sent by `executor`; resolves with its receipt (rejects when it reverts). */
export async function executeSafeTransaction(safe: DeployedSafe, tx: SafeTransaction, signatures: string, executor: string) {
  const contract = safe.contract.connect(await safe.provider.getSigner(executor)) as Contract;
  const sent = await contract.getFunction("execTransaction")(
    tx.to,
    tx.value,
    tx.data,
    tx.operation,
    tx.safeTxGas,
    tx.baseGas,
    tx.gasPrice,
    tx.gasToken,
    tx.refundReceiver,
    signatures,
  );
  return sent.wait();
}
