import { expect } from "chai";
import { AbiCoder, Interface, ZeroHash, concat, getCreate2Address, id, keccak256, toBeHex } from "ethers";

import { create2Transaction, DETERMINISTIC_DEPLOYMENT_PROXY, normalizeSalt } from "../../../src/core/deterministic/create2-factory.js";
import { decodeErrorData } from "../../../src/core/eth/abi-error.js";
import { COMPLETED_CALL, LEGACY_MIGRATOR_ABI } from "../../../src/core/stores/legacy-migrator.js";
import { migratorInitCode } from "../../../src/core/stores/migrator-deployment.js";
import { COMPLETED_TOPIC, UNRECORDED_TOPIC, VERSION_CALL } from "../../../src/core/stores/migrator-events.js";
import { MIGRATOR_ABI, MigratorStateStore } from "../../../src/core/stores/migrator-state-store.js";
import { encodeFunctionCall } from "../../../src/core/eth/abi-function.js";
import { MIGRATOR_ADMIN_ARTIFACT, MIGRATOR_ARTIFACT } from "../../../src/generated/migrator-artifact.js";

const OWNER = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const HASH = id("migrations/1_deploy.ts");

describe("the Migrator's calls and CREATE2 addresses, encoded by src/core/eth and by ethers", () => {
  const shipped = new Interface(MIGRATOR_ARTIFACT.abi);
  const legacy = new Interface(LEGACY_MIGRATOR_ABI as string[]);

  it("gives the same call data for record, unrecord, version, owner and completed", () => {
    const key = (7n << 64n) | 42n;
    expect(encodeFunctionCall(MIGRATOR_ABI, "record", [key, HASH])).to.equal(shipped.encodeFunctionData("record", [key, HASH]));
    expect(encodeFunctionCall(MIGRATOR_ABI, "unrecord", [key])).to.equal(shipped.encodeFunctionData("unrecord", [key]));
    expect(encodeFunctionCall(MIGRATOR_ABI, "owner")).to.equal(shipped.encodeFunctionData("owner"));
    expect(VERSION_CALL).to.equal(shipped.encodeFunctionData("version"));
    expect(encodeFunctionCall(LEGACY_MIGRATOR_ABI, "record", [42n, HASH])).to.equal(legacy.encodeFunctionData("record", [42n, HASH]));
    expect(COMPLETED_CALL).to.equal(legacy.encodeFunctionData("completed"));
  });

  it("reads the same event topics and custom errors", () => {
    expect(COMPLETED_TOPIC).to.equal(shipped.getEvent("MigrationCompleted")!.topicHash);
    expect(UNRECORDED_TOPIC).to.equal(shipped.getEvent("MigrationUnrecorded")!.topicHash);
    const notOwner = legacy.encodeErrorResult("NotOwner", [OWNER]);
    expect(decodeErrorData(LEGACY_MIGRATOR_ABI, notOwner)).to.deep.equal({ name: legacy.parseError(notOwner)!.name, args: [OWNER] });
    expect(decodeErrorData(LEGACY_MIGRATOR_ABI, "0x12345678")).to.equal(undefined);
  });

  it("builds the same Migrator creation code and CREATE2 addresses (MigratorAdmin, the Migrator of an owner and salt)", () => {
    const factory = DETERMINISTIC_DEPLOYMENT_PROXY.address;
    const admin = getCreate2Address(factory, ZeroHash, keccak256(MIGRATOR_ADMIN_ARTIFACT.bytecode));
    const initCode = concat([MIGRATOR_ARTIFACT.bytecode, AbiCoder.defaultAbiCoder().encode(["address", "address"], [OWNER, admin])]);
    expect(migratorInitCode(OWNER, admin)).to.equal(initCode);
    const salt = normalizeSalt("my project", "the Migrator");
    expect(salt).to.equal(id("my project"));
    expect(MigratorStateStore.deterministicAddress(OWNER, salt)).to.equal(getCreate2Address(factory, salt, keccak256(initCode)));
    expect(create2Transaction(salt, initCode)).to.deep.equal({ to: factory, data: concat([salt, initCode]) });
    expect(normalizeSalt(12345n, "x")).to.equal(toBeHex(12345n, 32));
    expect(normalizeSalt(`0x${"AB".repeat(32)}`, "x")).to.equal(`0x${"ab".repeat(32)}`);
  });
});
