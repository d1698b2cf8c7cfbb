import * as ContractAddress from "ox/ContractAddress";

import { checksumAddress } from "./address.js";
import { asHex, isHex } from "./hex.js";
import { keccak256 } from "./keccak.js";

/**
 * Where CREATE2 from `deployer` with a 32-byte `salt` puts `initCode` (creation bytecode with its
 * constructor arguments): `keccak256(0xff ++ deployer ++ salt ++ keccak256(initCode))[12:]`,
 * checksummed.
 */
export function create2Address(deployer: string, salt: string, initCode: string): `0x${string}` {
  if (!isHex(salt, 32)) {
    throw new TypeError(`a CREATE2 salt is 32 bytes of hex, not ${JSON.stringify(salt)}`);
  }
  return checksumAddress(
    ContractAddress.fromCreate2({
      from: checksumAddress(deployer),
      salt: asHex(salt),
      bytecodeHash: keccak256(initCode),
    }),
  );
}
