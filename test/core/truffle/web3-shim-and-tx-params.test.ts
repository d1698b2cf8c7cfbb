import { expect } from "chai";

import { MigrationsError } from "../../../src/core/errors.js";
import { TruffleBN } from "../../../src/core/truffle/bn.js";
import type { TruffleHost } from "../../../src/core/truffle/truffle-host.js";
import { isTxParams, splitTxParams, toOverrides } from "../../../src/core/truffle/tx-params.js";
import { createWeb3Shim } from "../../../src/core/truffle/web3-shim.js";

interface Web3Like {
  utils: Record<string, (...args: never[]) => unknown>;
  eth: Record<string, (...args: never[]) => Promise<unknown>>;
}

// The shim's utils never touch the host; eth.getChainId reads only the chain id.
const host = { core: { network: { chainId: 31337 } } } as unknown as TruffleHost;
const web3 = createWeb3Shim(host, async () => []) as Web3Like;
const utils = web3.utils as unknown as {
  toWei(v: unknown, unit?: string): unknown;
  fromWei(v: unknown, unit?: string): string;
  toHex(v: unknown): string;
  sha3(v: string): string;
  toChecksumAddress(v: string): string;
};

describe("the Truffle runtime's web3 subset", () => {
  it("converts units as web3 1.x does: strings in, strings out; BN in, BN out", () => {
    expect(utils.toWei("1.5", "ether")).to.equal("1500000000000000000");
    expect(utils.toWei("2", "gwei")).to.equal("2000000000");
    const bn = utils.toWei(new TruffleBN(3), "finney");
    expect(TruffleBN.isBN(bn)).to.equal(true);
    expect((bn as TruffleBN).toString()).to.equal("3000000000000000");
    expect(utils.fromWei("1500000000000000000")).to.equal("1.5");
    expect(utils.fromWei("1000000000000000000", "ether")).to.equal("1");
  });

  it("hex-encodes numbers and text, and hashes text and hex like web3.utils.sha3", () => {
    expect(utils.toHex(255)).to.equal("0xff");
    expect(utils.toHex("hello")).to.equal("0x68656c6c6f");
    expect(utils.sha3("hello")).to.equal("0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8");
    expect(utils.toChecksumAddress("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).to.equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  });

  it("refuses an unknown unit, naming the known ones", () => {
    expect(() => utils.toWei("1", "lovelace")).to.throw(TypeError, 'Unknown unit "lovelace": use one of wei, kwei, mwei, gwei, szabo, finney, ether');
  });

  it("says which web3 feature is missing instead of returning undefined", () => {
    expect(() => (web3.eth as unknown as { subscribe: unknown }).subscribe).to.throw(MigrationsError, "HHM247: web3.eth.subscribe is not available");
    expect(() => (web3 as unknown as { shh: unknown }).shh).to.throw(MigrationsError, "web3.shh");
  });

  it("answers getChainId from the chain the migration runs on", async () => {
    expect(await web3.eth.getChainId!()).to.equal(31337);
  });
});

describe("Truffle transaction parameters", () => {
  it("are a plain object with a transaction key, as truffle-contract decides", () => {
    expect(isTxParams({ from: "0x1" })).to.equal(true);
    expect(isTxParams({ name: "x" })).to.equal(false);
    expect(isTxParams(new TruffleBN(1))).to.equal(false);
    expect(isTxParams([{ from: "0x1" }])).to.equal(false);
  });

  it("are split off only as the one argument beyond the function's arity", () => {
    expect(splitTxParams([1, { value: 5 }], 1)).to.deep.equal([[1], { value: 5 }]);
    // A struct argument in place is an argument, not parameters.
    expect(splitTxParams([{ value: 5 }], 1)).to.deep.equal([[{ value: 5 }], {}]);
  });

  it("become ethers overrides, with gas as gasLimit and BN values as bigints", () => {
    expect(toOverrides({ gas: 21000, value: new TruffleBN("1000"), gasPrice: "7", nonce: 3 })).to.deep.equal({ gasLimit: 21000n, value: 1000n, gasPrice: 7n, nonce: 3 });
  });
});
