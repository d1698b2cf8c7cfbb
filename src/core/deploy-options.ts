/** Options of `ctx.deploy`. */
export interface DeployOptions {
  /** Registry name; defaults to the contract name. Deploy one contract twice under two names. */
  readonly as?: string;
  /** Libraries to link, by library name or fully qualified name: an address or a registry name. */
  readonly libraries?: Readonly<Record<string, string>>;
  /** Address of the account that deploys (default: the migration's deployer). */
  readonly from?: string;
  /** Wei sent to a payable constructor. */
  readonly value?: bigint | number | string;
  readonly gasLimit?: bigint | number;
  readonly gasPrice?: bigint | number;
  readonly maxFeePerGas?: bigint | number;
  readonly maxPriorityFeePerGas?: bigint | number;
  readonly nonce?: number;
  /**
   * Deploy through the CREATE2 factory (the deterministic deployment proxy) with this salt: a
   * 32-byte hex string, or any text (hashed). The address depends only on the factory, the salt and
   * the init code (bytecode, linked libraries, constructor arguments), so it is the same on every
   * chain; it is known before sending, and a contract already there is reused, not deployed again.
   * `false` deploys normally even when the network has a default salt.
   */
  readonly salt?: string | number | bigint | false;
}

/** A deploy-like call's `(args?, options?)` or `(options)`, as arguments and options. */
export function deployCall<OptionsT extends object>(argsOrOptions: readonly unknown[] | OptionsT | undefined, maybeOptions: OptionsT | undefined): { args: readonly unknown[]; options: OptionsT } {
  return Array.isArray(argsOrOptions)
    ? { args: argsOrOptions as readonly unknown[], options: maybeOptions ?? ({} as OptionsT) }
    : { args: [], options: (argsOrOptions as OptionsT | undefined) ?? maybeOptions ?? ({} as OptionsT) };
}
