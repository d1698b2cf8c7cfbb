import { expect } from "chai";

import { compareStorageLayouts, type LayoutCheckOptions } from "../../../src/core/upgrades/layout-compatibility.js";
import type { StorageLayout } from "../../../src/core/upgrades/storage-layout.js";
import { compileStorageLayouts } from "../../helpers/solc-layouts.js";

/** Pairs of implementations: the contract `V` before and after an upgrade. */
const PAIRS: Record<string, { before: string; after: string }> = {
  append: {
    before: "contract V { uint256 a; address owner; }",
    after: "contract V { uint256 a; address owner; uint64 added; mapping(address => uint256) more; }",
  },
  removeLast: {
    before: "contract V { uint256 a; uint256 b; }",
    after: "contract V { uint256 a; }",
  },
  removeMiddle: {
    before: "contract V { uint256 a; uint256 b; uint256 c; }",
    after: "contract V { uint256 a; uint256 c; }",
  },
  insertMiddle: {
    before: "contract V { uint256 a; uint256 c; }",
    after: "contract V { uint256 a; uint256 b; uint256 c; }",
  },
  reorder: {
    before: "contract V { uint256 a; uint256 b; }",
    after: "contract V { uint256 b; uint256 a; }",
  },
  retype: {
    before: "contract V { uint256 a; address owner; }",
    after: "contract V { int256 a; uint160 owner; }",
  },
  shrink: {
    before: "contract V { uint256 a; uint256 b; }",
    after: "contract V { uint128 a; uint256 b; }",
  },
  widenPacked: {
    before: "contract V { uint64 a; uint64 b; }",
    after: "contract V { uint128 a; uint64 b; }",
  },
  reorderPacked: {
    before: "contract V { uint128 a; uint64 b; uint64 c; }",
    after: "contract V { uint128 a; uint64 c; uint64 b; }",
  },
  appendPacked: {
    before: "contract V { uint128 a; }",
    after: "contract V { uint128 a; uint64 b; bool flag; }",
  },
  rename: {
    before: "contract V { uint256 a; address owner; }",
    after: "contract V { uint256 a; address admin; }",
  },
  addressToContract: {
    before: "contract V { address token; }",
    after: "interface IToken { function f() external; } contract V { IToken token; }",
  },
  structInMappingAppend: {
    before: "contract V { struct User { uint256 balance; address referrer; } mapping(address => User) users; uint256 total; }",
    after: "contract V { struct Account { uint256 balance; address referrer; uint64 since; } mapping(address => Account) users; uint256 total; }",
  },
  structInMappingRetype: {
    before: "contract V { struct User { uint256 balance; address referrer; } mapping(address => User) users; }",
    after: "contract V { struct User { uint128 balance; address referrer; } mapping(address => User) users; }",
  },
  structInPlaceGrowsIntoNext: {
    before: "contract V { struct Config { uint256 fee; } Config config; uint256 after_; }",
    after: "contract V { struct Config { uint256 fee; uint256 cap; } Config config; uint256 after_; }",
  },
  structInPlaceLastGrows: {
    before: "contract V { uint256 a; struct Config { uint256 fee; } Config config; }",
    after: "contract V { uint256 a; struct Config { uint256 fee; uint256 cap; } Config config; }",
  },
  structInArrayGrows: {
    before: "contract V { struct P { uint256 x; } P[] points; }",
    after: "contract V { struct P { uint256 x; uint256 y; } P[] points; }",
  },
  mappingKeyRetype: {
    before: "contract V { mapping(address => uint256) balances; }",
    after: "contract V { mapping(uint256 => uint256) balances; }",
  },
  mappingValueRetype: {
    before: "contract V { mapping(address => uint256) balances; }",
    after: "contract V { mapping(address => bool) balances; }",
  },
  dynamicArrayRetype: {
    before: "contract V { uint256[] values; }",
    after: "contract V { uint128[] values; }",
  },
  staticArrayShrink: {
    before: "contract V { uint256[10] values; }",
    after: "contract V { uint256[5] values; }",
  },
  stringToBytes: {
    before: "contract V { string name; }",
    after: "contract V { bytes name; }",
  },
  enumKept: {
    before: "contract V { enum State { Open, Closed } State state; }",
    after: "contract W { enum State { Open, Closed, Archived } } contract V { W.State state; }",
  },
  inheritanceOrder: {
    before: "contract A { uint256 a; } contract B { uint256 b; } contract V is A, B { uint256 c; }",
    after: "contract A { uint256 a; } contract B { uint256 b; } contract V is B, A { uint256 c; }",
  },
  gapUsed: {
    before: "contract Base { uint256 x; uint256[50] __gap; } contract V is Base { uint256 y; }",
    after: "contract Base { uint256 x; uint256 z; address w; uint256[48] __gap; } contract V is Base { uint256 y; }",
  },
  gapOverused: {
    before: "contract Base { uint256 x; uint256[2] __gap; } contract V is Base { uint256 y; }",
    after: "contract Base { uint256 x; uint256 z; uint256 w; uint256[1] __gap; } contract V is Base { uint256 y; }",
  },
};

describe("storage-layout compatibility on real compiler output", () => {
  let layouts: Record<string, StorageLayout>;
  const pair = (name: string) => [layouts[`before/${name}.sol:V`]!, layouts[`after/${name}.sol:V`]!] as const;
  const check = (name: string, options?: LayoutCheckOptions) => compareStorageLayouts(...pair(name), options);

  before(function () {
    this.timeout(120_000);
    const sources: Record<string, string> = {};
    for (const [name, { before, after }] of Object.entries(PAIRS)) {
      sources[`before/${name}.sol`] = `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n${before}`;
      sources[`after/${name}.sol`] = `// SPDX-License-Identifier: MIT\npragma solidity ^0.8.0;\n${after}`;
    }
    layouts = compileStorageLayouts(sources);
  });

  it("accepts an identical layout compiled from another file (AST ids differ)", () => {
    const [before] = pair("append");
    const again = pair("removeLast")[0]; // uint256 a; uint256 b;
    expect(compareStorageLayouts(before, before)).to.deep.equal({ compatible: true, incompatibilities: [], added: [] });
    expect(compareStorageLayouts(again, pair("reorder")[0]).compatible).to.equal(true);
  });

  describe("compatible changes", () => {
    it("appended variables", () => {
      const result = check("append");
      expect(result.compatible).to.equal(true);
      expect(result.added).to.deep.equal([
        { label: "added", type: "uint64", slot: "slot 1", offset: 20, inGap: false },
        { label: "more", type: "mapping(address => uint256)", slot: "slot 2", offset: 0, inGap: false },
      ]);
    });

    it("variables appended into the free bytes of a packed slot", () => {
      const result = check("appendPacked");
      expect(result.compatible).to.equal(true);
      expect(result.added.map((a) => [a.label, a.slot, a.offset])).to.deep.equal([["b", "slot 0", 16], ["flag", "slot 0", 24]]);
    });

    it("address to a contract type (both are 20-byte addresses)", () => {
      expect(check("addressToContract").compatible).to.equal(true);
    });

    it("a member appended to a struct stored as a mapping value (the struct renamed too)", () => {
      const result = check("structInMappingAppend");
      expect(result.incompatibilities).to.deep.equal([]);
      expect(result.added.map((a) => a.label)).to.deep.equal(["users[].since"]);
    });

    it("a member appended to the last in-place struct", () => {
      expect(check("structInPlaceLastGrows").compatible).to.equal(true);
    });

    it("an enum with a member appended, declared elsewhere", () => {
      expect(check("enumKept").compatible).to.equal(true);
    });

    it("variables added in a __gap that shrinks by as much", () => {
      const result = check("gapUsed");
      expect(result.incompatibilities).to.deep.equal([]);
      expect(result.added.map((a) => [a.label, a.slot, a.inGap])).to.deep.equal([
        ["z", "slot 1", true],
        ["w", "slot 2", true],
        ["__gap", "slot 3", true],
      ]);
    });

    it("a rename the caller vouches for", () => {
      expect(check("rename", { renames: { owner: "admin" } }).compatible).to.equal(true);
    });
  });

  describe("breaking changes, each reported with slot, offset, old and new variable, and why", () => {
    it("a removed last variable", () => {
      expect(check("removeLast").incompatibilities).to.deep.equal([
        { kind: "removed", slot: "1", offset: 0, old: { label: "b", type: "uint256" }, reason: "removed" },
      ]);
    });

    it("a removed middle variable: the next one moves into its slot", () => {
      const issues = check("removeMiddle").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label, i.new?.label])).to.deep.equal([
        ["removed", "1", "b", "c"],
        ["moved", "2", "c", undefined],
      ]);
      expect(issues[0]!.reason).to.equal("removed; its storage is now used by c");
      expect(issues[1]!.reason).to.equal("moved to slot 1, offset 0");
    });

    it("a variable inserted in the middle", () => {
      const issues = check("insertMiddle").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label, i.new?.label])).to.deep.equal([["moved", "1", "c", "b"]]);
      expect(issues[0]!.reason).to.equal("moved to slot 2, offset 0; b took its place");
    });

    it("reordered variables", () => {
      expect(check("reorder").incompatibilities.map((i) => [i.kind, i.slot, i.old.label, i.new?.label])).to.deep.equal([
        ["moved", "0", "a", "b"],
        ["moved", "1", "b", "a"],
      ]);
    });

    it("retyped variables", () => {
      expect(check("retype").incompatibilities).to.deep.equal([
        {
          kind: "retyped", slot: "0", offset: 0,
          old: { label: "a", type: "uint256" },
          new: { label: "a", type: "int256" },
          reason: "retyped from uint256 to int256",
        },
        {
          kind: "retyped", slot: "1", offset: 0,
          old: { label: "owner", type: "address" },
          new: { label: "owner", type: "uint160" },
          reason: "retyped from address to uint160",
        },
      ]);
    });

    it("a shrunk variable", () => {
      const issues = check("shrink").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.offset, i.old.label, i.new?.label, i.reason])).to.deep.equal([
        ["shrunk", "0", 0, "a", "a", "shrunk from uint256 to uint128"],
      ]);
    });

    it("a widened packed variable overlapping its neighbour", () => {
      const issues = check("widenPacked").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.offset, i.old.label])).to.deep.equal([
        ["widened", "0", 0, "a"],
        ["moved", "0", 8, "b"],
      ]);
    });

    it("reordered variables inside a packed slot", () => {
      const issues = check("reorderPacked").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.offset, i.old.label, i.new?.label])).to.deep.equal([
        ["moved", "0", 16, "b", "c"],
        ["moved", "0", 24, "c", "b"],
      ]);
    });

    it("a renamed variable (unless allowed)", () => {
      const issues = check("rename").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label, i.new?.label])).to.deep.equal([["renamed", "1", "owner", "admin"]]);
      expect(issues[0]!.reason).to.contain(`renames: { "owner": "admin" }`);
    });

    it("a member retyped inside a struct stored as a mapping value", () => {
      const issues = check("structInMappingRetype").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label, i.old.type, i.new?.type])).to.deep.equal([
        ["shrunk", "keccak(0)+0", "users[].balance", "uint256", "uint128"],
      ]);
    });

    it("an in-place struct that grows into the next variable", () => {
      const issues = check("structInPlaceGrowsIntoNext").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label, i.new?.label])).to.deep.equal([["moved", "1", "after_", "config"]]);
    });

    it("a struct that grows inside a dynamic array (every later element moves)", () => {
      const issues = check("structInArrayGrows").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label])).to.deep.equal([["grew", "0", "points[]"]]);
    });

    it("a retyped mapping key", () => {
      expect(check("mappingKeyRetype").incompatibilities.map((i) => i.reason)).to.deep.equal(["mapping key retyped from address to uint256"]);
    });

    it("a retyped mapping value", () => {
      expect(check("mappingValueRetype").incompatibilities.map((i) => [i.kind, i.old.label, i.reason])).to.deep.equal([
        ["retyped", "balances[]", "retyped from uint256 to bool"],
      ]);
    });

    it("a retyped dynamic array element", () => {
      expect(check("dynamicArrayRetype").incompatibilities.map((i) => [i.kind, i.old.label, i.reason])).to.deep.equal([
        ["shrunk", "values[]", "shrunk from uint256 to uint128"],
      ]);
    });

    it("a shortened static array", () => {
      expect(check("staticArrayShrink").incompatibilities.map((i) => [i.kind, i.reason])).to.deep.equal([
        ["shrunk", "shrunk from uint256[10] to uint256[5]"],
      ]);
    });

    it("string to bytes", () => {
      expect(check("stringToBytes").incompatibilities.map((i) => i.kind)).to.deep.equal(["retyped"]);
    });

    it("a changed inheritance order", () => {
      const issues = check("inheritanceOrder").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label, i.new?.label])).to.deep.equal([
        ["moved", "0", "a", "b"],
        ["moved", "1", "b", "a"],
      ]);
    });

    it("variables added in a __gap without shrinking it", () => {
      const issues = check("gapOverused").incompatibilities;
      expect(issues.map((i) => [i.kind, i.slot, i.old.label])).to.deep.equal([["moved", "3", "y"]]);
    });
  });
});
