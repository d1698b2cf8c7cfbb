import { Contract, type FunctionFragment, type Interface, type Log, type TransactionReceipt } from "ethers";

import { toEthersValue, callResult } from "./abi-values.js";
import type { TruffleHost } from "./truffle-host.js";
import { splitTxParams, toOverrides, type TruffleTxParams } from "./tx-params.js";
import { MigrationsError } from "../errors.js";

/** What a Truffle transaction resolves to: `{ tx, receipt, logs }`. */
export interface TruffleTxResult {
  readonly tx: string;
  readonly receipt: Record<string, unknown>;
  readonly logs: ReadonlyArray<Record<string, unknown>>;
}

/** A deployed contract as Truffle scripts use it: `instance.address`, `await instance.fn(...)`. */
export type TruffleInstance = Record<string, unknown> & {
  readonly address: string;
  /** The ethers `Contract` behind it, connected to the migration's deployer. */
  readonly contract: Contract;
  readonly transactionHash?: string;
};

/**
 * Builds a contract instance: one async method per ABI function (overloads chosen by argument
 * count, every overload also under `methods["f(uint256)"]`), each with `.call`, `.sendTransaction`
 * and `.estimateGas`. Views and pures are calls; other functions send a transaction, wait until it is
 * mined and resolve `{ tx, receipt, logs }` (a revert rejects). Integers come back as BNs.
 */
export function createInstance(
  host: TruffleHost,
  contractName: string,
  address: string,
  iface: Interface,
  transactionHash?: string,
): TruffleInstance {
  const connected = async (params: TruffleTxParams) => new Contract(address, iface, await host.signerFor(params.from));
  const defaults = () => host.defaultsOf(contractName);

  async function call(fragment: FunctionFragment, args: unknown[], params: TruffleTxParams): Promise<unknown> {
    const contract = await connected(params);
    const result = await contract.getFunction(fragment.format()).staticCallResult(...args.map(toEthersValue), toOverrides(params));
    return callResult(fragment.outputs, result);
  }

  async function send(fragment: FunctionFragment, args: unknown[], params: TruffleTxParams): Promise<TruffleTxResult> {
    const contract = await connected(params);
    const tx = await contract.getFunction(fragment.format()).send(...args.map(toEthersValue), toOverrides(params));
    const receipt = await host.waitForReceipt(tx);
    return txResult(receipt, iface, address);
  }

  function method(overloads: FunctionFragment[]) {
    const name = overloads[0]!.name;
    const split = (args: unknown[]): [FunctionFragment, unknown[], TruffleTxParams] => {
      for (const fragment of overloads) {
        const [plain, params] = splitTxParams(args, fragment.inputs.length);
        if (plain.length === fragment.inputs.length) {
          return [fragment, plain, { ...defaults(), ...params }];
        }
      }
      const expected = overloads.map((f) => f.inputs.length).join(" or ");
      throw new MigrationsError("TRUFFLE_WRONG_ARGUMENT_COUNT", { fn: name, got: args.length, expected });
    };
    const constant = (f: FunctionFragment) => f.stateMutability === "view" || f.stateMutability === "pure";
    const fn = (...args: unknown[]) => {
      const [fragment, plain, params] = split(args);
      return host.track(constant(fragment) ? call(fragment, plain, params) : send(fragment, plain, params));
    };
    return Object.assign(fn, {
      call: (...args: unknown[]) => host.track(call(...split(args))),
      sendTransaction: (...args: unknown[]) => host.track(send(...split(args))),
      estimateGas: (...args: unknown[]) =>
        host.track(
          (async () => {
            const [fragment, plain, params] = split(args);
            const contract = await connected(params);
            return Number(await contract.getFunction(fragment.format()).estimateGas(...plain.map(toEthersValue), toOverrides(params)));
          })(),
        ),
    });
  }

  const instance: Record<string, unknown> = {
    address,
    contract: new Contract(address, iface, host.deployer),
    abi: iface.fragments.map((f) => JSON.parse(f.format("json")) as unknown),
    contractName,
    methods: {},
    ...(transactionHash !== undefined ? { transactionHash } : {}),
  };
  const byName = new Map<string, FunctionFragment[]>();
  iface.forEachFunction((fragment) => {
    byName.set(fragment.name, [...(byName.get(fragment.name) ?? []), fragment]);
    (instance.methods as Record<string, unknown>)[fragment.format()] = method([fragment]);
  });
  for (const [name, overloads] of byName) {
    if (!(name in instance)) {
      instance[name] = method(overloads);
    }
  }
  // Plain ether transfers to the contract: `instance.sendTransaction({ value })`, `instance.send(value)`.
  const transfer = async (params: TruffleTxParams): Promise<TruffleTxResult> => {
    const signer = await host.signerFor(params.from);
    const tx = await signer.sendTransaction({ to: address, ...toOverrides(params) });
    return txResult(await host.waitForReceipt(tx), iface, address);
  };
  instance.sendTransaction ??= (params: TruffleTxParams = {}) => host.track(transfer({ ...defaults(), ...params }));
  instance.send ??= (value: TruffleTxParams["value"], params: TruffleTxParams = {}) =>
    host.track(transfer({ ...defaults(), ...params, ...(value !== undefined ? { value } : {}) }));
  return instance as TruffleInstance;
}

/** A mined transaction as truffle-contract reports it, events decoded with `iface`. */
export function txResult(receipt: TransactionReceipt, iface: Interface, address: string): TruffleTxResult {
  const logs = receipt.logs.flatMap((log) => decodeLog(log, iface, address));
  return {
    tx: receipt.hash,
    receipt: {
      transactionHash: receipt.hash,
      transactionIndex: receipt.index,
      blockHash: receipt.blockHash,
      blockNumber: receipt.blockNumber,
      from: receipt.from,
      to: receipt.to,
      contractAddress: receipt.contractAddress,
      gasUsed: Number(receipt.gasUsed),
      cumulativeGasUsed: Number(receipt.cumulativeGasUsed),
      status: receipt.status === 1,
      logs,
      rawLogs: receipt.logs,
    },
    logs,
  };
}

function decodeLog(log: Log, iface: Interface, address: string): Array<Record<string, unknown>> {
  if (log.address.toLowerCase() !== address.toLowerCase()) {
    return [];
  }
  let parsed;
  try {
    parsed = iface.parseLog({ topics: [...log.topics], data: log.data });
  } catch {
    return [];
  }
  if (parsed === null) {
    return [];
  }
  const args = callResult(parsed.fragment.inputs, parsed.args);
  const named = (parsed.fragment.inputs.length === 1 ? { 0: args, [parsed.fragment.inputs[0]!.name]: args } : args) as Record<string, unknown>;
  return [
    {
      event: parsed.name,
      args: { ...named, __length__: parsed.fragment.inputs.length },
      address: log.address,
      transactionHash: log.transactionHash,
      blockHash: log.blockHash,
      blockNumber: log.blockNumber,
      logIndex: log.index,
    },
  ];
}
