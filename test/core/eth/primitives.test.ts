import { expect } from "chai";
import { getAddress, getCreate2Address, id, toQuantity as ethersToQuantity, isAddress as ethersIsAddress, keccak256 as ethersKeccak, formatUnits as ethersFormatUnits } from "ethers";

import { checksumAddress, isAddress, sameAddress } from "../../../src/core/eth/address.js";
import { create2Address } from "../../../src/core/eth/create2.js";
import { concatHex, isHex, numberToHex, toQuantity, utf8ToHex, ZERO_HASH } from "../../../src/core/eth/hex.js";
import { keccak256, keccak256Utf8 } from "../../../src/core/eth/keccak.js";
import { formatEther, formatUnits, parseUnits } from "../../../src/core/eth/units.js";

describe("eth primitives (hex, keccak256, addresses, CREATE2, units)", () => {
  it("hashes as Solidity does: keccak256 of the empty string, of text, of hex data", () => {
    expect(keccak256("0x")).to.equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    expect(keccak256Utf8("Transfer(address,address,uint256)")).to.equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    expect(keccak256("0xdeadbeef")).to.equal(ethersKeccak("0xdeadbeef"));
    expect(keccak256(new Uint8Array([1, 2, 3]))).to.equal(ethersKeccak(new Uint8Array([1, 2, 3])));
    expect(keccak256Utf8("héllo ✓")).to.equal(id("héllo ✓"));
  });

  it("checksums addresses per EIP-55 and accepts exactly the addresses ethers accepts", () => {
    // The EIP-55 test vectors.
    for (const address of ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"]) {
      expect(checksumAddress(address.toLowerCase())).to.equal(address);
      expect(isAddress(address)).to.equal(true);
    }
    const cases = [
      "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
      "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",
      "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
      "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae",
      "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedd",
      "0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed",
      "treasury",
      "",
    ];
    for (const value of cases) {
      expect(isAddress(value), value).to.equal(ethersIsAddress(value));
      if (ethersIsAddress(value)) {
        expect(checksumAddress(value)).to.equal(getAddress(value));
      } else {
        expect(() => checksumAddress(value)).to.throw(TypeError, /invalid address/);
      }
    }
    expect(sameAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")).to.equal(true);
  });

  it("computes the CREATE2 address of EIP-1014's examples, and the same as ethers for the Migrator's factory", () => {
    // EIP-1014 example 5.
    expect(create2Address("0x00000000000000000000000000000000deadbeef", `0x${"00".repeat(28)}cafebabe`, "0xdeadbeef")).to.equal(
      "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7",
    );
    // EIP-1014 example 0.
    expect(create2Address("0x0000000000000000000000000000000000000000", ZERO_HASH, "0x00")).to.equal("0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38");
    const factory = "0x4e59b44847b379578588920ca78fbf26c0b4956c";
    const salt = id("my-salt");
    const initCode = "0x6080604052348015600f57600080fd5b50603f80601d6000396000f3fe";
    expect(create2Address(factory, salt, initCode)).to.equal(getCreate2Address(factory, salt, ethersKeccak(initCode)));
    expect(() => create2Address(factory, "0x1234", initCode)).to.throw(TypeError, /salt is 32 bytes/);
  });

  it("builds hex: numbers padded to a width, UTF-8 text, concatenation; and checks its shape", () => {
    expect(numberToHex(1n, 32)).to.equal(`0x${"00".repeat(31)}01`);
    expect(numberToHex(255, 2)).to.equal("0x00ff");
    expect(() => numberToHex(1n << 256n, 32)).to.throw();
    expect(utf8ToHex("hi")).to.equal("0x6869");
    expect(concatHex(["0x12", "0x", "0xAB56"])).to.equal("0x12ab56");
    expect(() => concatHex(["0x123"])).to.throw(TypeError, /not hex data/);
    expect(isHex(ZERO_HASH, 32)).to.equal(true);
    expect(isHex("0x12", 32)).to.equal(false);
    expect(isHex("12")).to.equal(false);
  });

  it("writes JSON-RPC quantities as ethers does: minimal hex, 0x0 for zero, from bigints, numbers and numeric strings", () => {
    for (const value of [0n, 1n, 15, 16, 21_000n, 1n << 200n, "255", "0x0100"]) {
      expect(toQuantity(value)).to.equal(ethersToQuantity(value));
    }
    expect(() => toQuantity(-1n)).to.throw(RangeError);
  });

  it("formats and parses units (ox writes whole numbers without ethers' trailing .0)", () => {
    expect(formatEther(10_000_000_000_000_000n)).to.equal("0.01");
    expect(formatUnits(1_500_000_000n, 9)).to.equal(ethersFormatUnits(1_500_000_000n, 9));
    expect(formatUnits(1_000_000_000n, 9)).to.equal("1");
    expect(parseUnits("1.5", 9)).to.equal(1_500_000_000n);
  });

});
