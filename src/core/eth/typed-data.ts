import * as TypedData from "ox/TypedData";

import type { HexString } from "./hex.js";

/** One field of an EIP-712 struct type. */
export interface TypedDataField {
  readonly name: string;
  readonly type: string;
}

/** An EIP-712 domain (every field optional; only those present are hashed, as EIP-712 says). */
export interface TypedDataDomain {
  readonly name?: string;
  readonly version?: string;
  readonly chainId?: number | bigint;
  readonly verifyingContract?: string;
  readonly salt?: string;
}

/**
 * The EIP-712 hash of `message` of type `primaryType` in `domain` (what `eth_signTypedData_v4`
 * signs, ethers' `TypedDataEncoder.hash`): integers as bigint or number, addresses and bytes as
 * hex. The domain's type is derived from the fields it has.
 */
export function typedDataHash(
  domain: TypedDataDomain,
  types: Readonly<Record<string, readonly TypedDataField[]>>,
  primaryType: string,
  message: Readonly<Record<string, unknown>>,
): HexString {
  return TypedData.getSignPayload({ domain, types, primaryType, message } as never);
}
