import { expect } from "chai";
import { TypedDataEncoder } from "ethers";

import { typedDataHash } from "../../../src/core/eth/typed-data.js";
import { SAFE_TX_TYPES, safeDomain, safeTransaction, safeTransactionHash } from "../../../src/core/safe/safe-transaction.js";

describe("EIP-712 typed-data hashes", () => {
  const safe = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  const call = { to: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", value: "1000000000000000000", data: "0xa9059cbb000000000000000000000000dbf03b407c01e7cd3cbea99509d93f8dddc8c6fb00000000000000000000000000000000000000000000000000000000000003e8" };

  it("hashes a Safe transaction as ethers' TypedDataEncoder does, on several chains and nonces", () => {
    for (const [chainId, nonce] of [[1, 0], [31337, 7], [11155111, 123456]] as const) {
      const tx = safeTransaction(call, nonce);
      const expected = TypedDataEncoder.hash(safeDomain(chainId, safe), { SafeTx: [...SAFE_TX_TYPES.SafeTx] }, tx);
      expect(safeTransactionHash(chainId, safe, tx)).to.equal(expected);
    }
  });

  it("hashes a delegatecall with refund fields and empty data as ethers does", () => {
    const tx = { ...safeTransaction({ ...call, data: "0x", value: "0" }, 3), operation: 1 as const, safeTxGas: "50000", baseGas: "21000", gasPrice: "7", refundReceiver: call.to };
    expect(safeTransactionHash(5, safe, tx)).to.equal(TypedDataEncoder.hash(safeDomain(5, safe), { SafeTx: [...SAFE_TX_TYPES.SafeTx] }, tx));
  });

  it("hashes the EIP-712 example (Mail, nested Person, a named and versioned domain) to the specification's value", () => {
    const domain = { name: "Ether Mail", version: "1", chainId: 1, verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" };
    const types = {
      Person: [
        { name: "name", type: "string" },
        { name: "wallet", type: "address" },
      ],
      Mail: [
        { name: "from", type: "Person" },
        { name: "to", type: "Person" },
        { name: "contents", type: "string" },
      ],
    };
    const message = {
      from: { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
      to: { name: "Bob", wallet: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
      contents: "Hello, Bob!",
    };
    const hash = typedDataHash(domain, types, "Mail", message);
    expect(hash).to.equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
    expect(hash).to.equal(TypedDataEncoder.hash(domain, types, message));
  });
});
