import { encodeParameters } from "../eth/abi-parameters.js";
import { keccak256 } from "../eth/keccak.js";

import { MigrationsError } from "../errors.js";
import type { NetworkSnapshot, SnapshotAccount } from "./snapshot-document.js";
import { word } from "./trace-storage.js";

/**
 * Read access to a snapshot file for migration scripts: where state cannot be written directly (a
 * public chain), a migration re-seeds it from the snapshot through the contracts' own functions.
 * `ctx.readSnapshot(file)` and `hre.migrations.readSnapshot(file)` return one.
 */
export class SnapshotReader {
  constructor(readonly snapshot: NetworkSnapshot) {}

  get source(): NetworkSnapshot["source"] {
    return this.snapshot.source;
  }

  /** The snapshot registry's address of `name` (an address is returned as is). */
  address(nameOrAddress: string): string {
    if (/^0x[0-9a-fA-F]{40}$/.test(nameOrAddress)) return nameOrAddress.toLowerCase();
    const entry = this.snapshot.registry.contracts[nameOrAddress];
    if (entry === undefined) {
      throw new MigrationsError("UNKNOWN_DEPLOYMENT", {
        name: nameOrAddress,
        chainId: this.snapshot.source.chainId,
        known: Object.keys(this.snapshot.registry.contracts).sort().join(", ") || "(nothing)",
      });
    }
    return entry.address.toLowerCase();
  }

  /** The account of a registry name or address: code, balance, nonce, non-zero storage. */
  account(nameOrAddress: string): SnapshotAccount {
    const address = this.address(nameOrAddress);
    const account = this.snapshot.accounts[address];
    if (account === undefined) {
      throw new MigrationsError("UNKNOWN_DEPLOYMENT", { name: address, chainId: this.snapshot.source.chainId, known: Object.keys(this.snapshot.accounts).join(", ") });
    }
    return account;
  }

  /** A storage word (zero when the slot is not in the snapshot). */
  storage(nameOrAddress: string, slot: bigint | number | string): bigint {
    return BigInt(this.account(nameOrAddress).storage[word(`0x${BigInt(slot).toString(16)}`)] ?? "0x0");
  }

  /** The word of `mapping(keyType => …)` declared at `slot`, for `key` (Solidity's layout). */
  mappingValue(nameOrAddress: string, slot: bigint | number, keyType: string, key: unknown): bigint {
    return this.storage(nameOrAddress, mappingSlot(slot, keyType, key));
  }

  balance(nameOrAddress: string): bigint {
    return BigInt(this.account(nameOrAddress).balance);
  }
}

/** keccak256(abi.encode(key, slot)): where a mapping keeps the value of `key`. */
export function mappingSlot(slot: bigint | number, keyType: string, key: unknown): string {
  return keccak256(encodeParameters([keyType, "uint256"], [key, slot]));
}
