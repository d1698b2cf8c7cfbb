import type { SafeCall } from "./safe-transaction.js";

/**
 * A batch file the Safe app's Transaction Builder loads (Apps > Transaction Builder, drag and
 * drop): version 1.0 of its format. Each transaction gives its raw `data`, so the builder does
 * not need the contract's ABI. No `meta.checksum`: the builder checks one only when present.
 */
export interface TransactionBuilderBatch {
  readonly version: "1.0";
  /** Decimal, as a string. */
  readonly chainId: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly meta: {
    readonly name: string;
    readonly description: string;
    readonly txBuilderVersion: string;
    readonly createdFromSafeAddress: string;
    readonly createdFromOwnerAddress: string;
  };
  readonly transactions: readonly {
    readonly to: string;
    /** Wei, decimal. */
    readonly value: string;
    readonly data: string;
    readonly contractMethod: null;
    readonly contractInputsValues: null;
  }[];
}

/** The Transaction Builder batch of `calls`, made by migration `fileName` for the Safe at `safe`. Pure. */
export function transactionBuilderBatch(
  chainId: number,
  safe: string,
  calls: readonly SafeCall[],
  about: { readonly name: string; readonly description: string; readonly createdAt: Date },
): TransactionBuilderBatch {
  return {
    version: "1.0",
    chainId: String(chainId),
    createdAt: about.createdAt.getTime(),
    meta: {
      name: about.name,
      description: about.description,
      txBuilderVersion: "1.16.5",
      createdFromSafeAddress: safe,
      createdFromOwnerAddress: "",
    },
    transactions: calls.map((call) => ({ to: call.to, value: call.value, data: call.data, contractMethod: null, contractInputsValues: null })),
  };
}
