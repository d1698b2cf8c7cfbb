import { TruffleBN, toBigInt, type BNInput } from "./bn.js";

/** Truffle's transaction parameters: the optional last argument of calls and deployments. */
export interface TruffleTxParams {
  readonly from?: string;
  readonly gas?: BNInput;
  readonly gasPrice?: BNInput;
  readonly value?: BNInput;
  readonly nonce?: BNInput;
  readonly maxFeePerGas?: BNInput;
  readonly maxPriorityFeePerGas?: BNInput;
  /** `deployer.deploy` only: `false` keeps an existing deployment instead of replacing it. */
  readonly overwrite?: boolean;
}

const TX_KEYS = new Set(["from", "to", "gas", "gasLimit", "gasPrice", "value", "data", "nonce", "overwrite", "maxFeePerGas", "maxPriorityFeePerGas", "type", "privateFor"]);

/** A plain object (not a BN, not an array) — the only thing that can be transaction parameters. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || TruffleBN.isBN(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Truffle's rule (truffle-contract `is_tx_params`): a plain object with a transaction key. */
export function isTxParams(value: unknown): value is TruffleTxParams {
  return isPlainObject(value) && Object.keys(value).some((key) => TX_KEYS.has(key));
}

/**
 * Splits `args` into arguments and transaction parameters, knowing the function takes `arity`
 * arguments: one more plain object at the end is the parameters (as in truffle-contract).
 */
export function splitTxParams(args: readonly unknown[], arity: number): [unknown[], TruffleTxParams] {
  if (args.length === arity + 1 && isPlainObject(args[arity])) {
    return [args.slice(0, arity), args[arity] as TruffleTxParams];
  }
  return [[...args], {}];
}

/** The ethers overrides Truffle's parameters set (only those given). */
export interface TruffleOverrides {
  readonly gasLimit?: bigint;
  readonly gasPrice?: bigint;
  readonly value?: bigint;
  readonly nonce?: number;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
}

/** Truffle's parameters as ethers overrides (`gas` is ethers' `gasLimit`). */
export function toOverrides(params: TruffleTxParams): TruffleOverrides {
  const overrides: { -readonly [K in keyof TruffleOverrides]: TruffleOverrides[K] } = {};
  const big = (v: BNInput) => toBigInt(v);
  if (params.gas !== undefined) overrides.gasLimit = big(params.gas);
  if (params.gasPrice !== undefined) overrides.gasPrice = big(params.gasPrice);
  if (params.value !== undefined) overrides.value = big(params.value);
  if (params.nonce !== undefined) overrides.nonce = Number(big(params.nonce));
  if (params.maxFeePerGas !== undefined) overrides.maxFeePerGas = big(params.maxFeePerGas);
  if (params.maxPriorityFeePerGas !== undefined) overrides.maxPriorityFeePerGas = big(params.maxPriorityFeePerGas);
  return overrides;
}
