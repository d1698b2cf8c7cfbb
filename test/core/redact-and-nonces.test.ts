import { expect } from "chai";

import { createRedactor } from "../../src/core/redact.js";
import { isAlreadyKnown, isNonceTooLow } from "../../src/core/transactions/nonce-manager.js";

describe("secret redaction", () => {
  const key = `0x${"ab".repeat(32)}`;
  const redact = createRedactor(["https://eth.example.com/v3/0123456789abcdef0123", key, "short"]);

  it("removes configured secrets, with or without 0x, and leaves short values alone", () => {
    expect(redact(`connect to https://eth.example.com/v3/0123456789abcdef0123 failed`)).to.equal("connect to <redacted> failed");
    expect(redact(`key ${key} / ${key.slice(2)}`)).to.equal("key <redacted> / <redacted>");
    expect(redact("a short word")).to.equal("a short word");
  });

  it("removes any URL's user:password and key-like query values", () => {
    expect(redact("http://alice:pa55@node.example:8545/rpc")).to.equal("http://<redacted>@node.example:8545/rpc");
    expect(redact("https://api.example/x?apikey=XYZ123&module=tx")).to.equal("https://api.example/x?apikey=<redacted>&module=tx");
  });
});

describe("node answers about nonces", () => {
  it("recognises 'nonce too low' and 'already known' in the wordings of common nodes", () => {
    expect(isNonceTooLow(new Error("nonce too low: next nonce 5, tx nonce 4"))).to.equal(true);
    expect(isNonceTooLow({ error: { message: "Nonce too low. Expected nonce to be 3 but got 2." } })).to.equal(true);
    expect(isNonceTooLow({ info: { error: { code: -32000, message: "replacement transaction underpriced" } } })).to.equal(true);
    expect(isAlreadyKnown({ cause: new Error("already known") })).to.equal(true);
    expect(isNonceTooLow(new Error("insufficient funds for gas * price + value"))).to.equal(false);
    expect(isAlreadyKnown(new Error("execution reverted"))).to.equal(false);
  });
});
