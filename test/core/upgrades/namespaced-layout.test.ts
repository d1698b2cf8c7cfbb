import { expect } from "chai";

import { compareStorageLayouts } from "../../../src/core/upgrades/layout-compatibility.js";
import type { StorageLayout } from "../../../src/core/upgrades/storage-layout.js";
import { compileStorageLayouts } from "../../helpers/solc-layouts.js";

const HEADER = "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\n";

const MAIN = `
interface IThing {}
contract C {
    enum E { A, B, C }
    type Price is uint64;
    struct Inner { uint64 x; address y; }
    /// @custom:storage-location erc7201:test.main
    struct Main {
        uint128 a; uint64 b; address c; bool d; uint256[3] arr; uint8[40] small; mapping(address => uint256) m;
        Inner inner; bool flag; E e; Price p; string s; bytes32 h; uint16[] dyn; IThing t; address payable pay;
        Inner[2] pair; uint24 tail;
    }
}
/// The compiler lays Main out as an ordinary state variable here: the reference for ours.
contract Probe is C { Main probe; }
contract Derived is C {}
`;

const ns = (body: string) => `contract V {\n/// @custom:storage-location erc7201:test.main\nstruct Main { ${body} }\n}`;

describe("ERC-7201 namespaced storage", () => {
  let layouts: Record<string, StorageLayout>;

  before(function () {
    this.timeout(120_000);
    layouts = compileStorageLayouts({
      "main.sol": HEADER + MAIN,
      "before.sol": HEADER + ns("uint256 a; uint128 b;"),
      "appended.sol": HEADER + ns("uint256 a; uint128 b; uint64 c; mapping(uint256 => bool) d;"),
      "reordered.sol": HEADER + ns("uint128 b; uint256 a;"),
      "shrunk.sol": HEADER + ns("uint256 a; uint64 b;"),
      "gone.sol": HEADER + "contract V { struct Main { uint256 a; uint128 b; } }",
    });
  });

  it("lays a namespace out exactly as solc lays the same struct out", () => {
    const ours = layouts["main.sol:C"]!.namespaces!["test.main"]!;
    const probe = layouts["main.sol:Probe"]!;
    const struct = probe.types[probe.storage[0]!.type]!;
    expect(ours.storage.map((i) => [i.label, i.slot, i.offset, ours.types[i.type]!.numberOfBytes])).to.deep.equal(
      struct.members!.map((m) => [m.label, m.slot, m.offset, probe.types[m.type]!.numberOfBytes]),
    );
    expect(struct.members!.length).to.equal(18);
  });

  it("is found in base contracts, and only in contracts that have it", () => {
    expect(Object.keys(layouts["main.sol:Derived"]!.namespaces ?? {})).to.deep.equal(["test.main"]);
    expect(layouts["gone.sol:V"]!.namespaces).to.equal(undefined);
  });

  it("accepts members appended to a namespace", () => {
    const result = compareStorageLayouts(layouts["before.sol:V"]!, layouts["appended.sol:V"]!);
    expect(result.incompatibilities).to.deep.equal([]);
    expect(result.added.map((a) => [a.label, a.slot, a.offset])).to.deep.equal([
      ["erc7201:test.main:c", "slot erc7201(test.main)+1", 16],
      ["erc7201:test.main:d", "slot erc7201(test.main)+2", 0],
    ]);
  });

  it("reports reordered and shrunk members of a namespace, and a removed namespace", () => {
    const reordered = compareStorageLayouts(layouts["before.sol:V"]!, layouts["reordered.sol:V"]!).incompatibilities;
    expect(reordered.map((i) => [i.kind, i.slot, i.offset, i.old.label, i.new?.label])).to.deep.equal([
      ["moved", "erc7201(test.main)+0", 0, "erc7201:test.main:a", "erc7201:test.main:b"],
      ["moved", "erc7201(test.main)+1", 0, "erc7201:test.main:b", "erc7201:test.main:a"],
    ]);
    const shrunk = compareStorageLayouts(layouts["before.sol:V"]!, layouts["shrunk.sol:V"]!).incompatibilities;
    expect(shrunk.map((i) => [i.kind, i.old.label, i.reason])).to.deep.equal([["shrunk", "erc7201:test.main:b", "shrunk from uint128 to uint64"]]);
    const gone = compareStorageLayouts(layouts["before.sol:V"]!, layouts["gone.sol:V"]!).incompatibilities;
    expect(gone.map((i) => [i.kind, i.slot, i.reason])).to.deep.equal([
      ["removed", "erc7201(test.main)", "the namespace erc7201:test.main is no longer declared (its storage would be abandoned)"],
    ]);
  });
});
