import { BOX_SOL, EMPTY_SCRIPT, PACKAGE_JSON, writeTree, hardhatSolidity } from "./common.js";

/**
 * A project as fixture-projects/mocha-idiom: hardhat-mocha, `migrations` deploy-and-call
 * migrations, and two suites of `tests` tests — test/fixture/ (each test loads
 * `connection.migrations.fixture()`, reads the migrated Box and changes it) and test/bare/ (the
 * same read and change on one Box deployed once in a `before` hook: no migrations, no isolation).
 */
export async function generateFixtureTestsProject(root: string, migrations: number, tests: number): Promise<void> {
  const files: Record<string, string> = {
    "package.json": PACKAGE_JSON,
    "hardhat.config.ts": `import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import migrations from "hardhat-migrations";
import { defineConfig } from "hardhat/config";

export default defineConfig({
  plugins: [hardhatEthers, hardhatMocha, migrations],
  solidity: ${hardhatSolidity()},
});
`,
    "contracts/Box.sol": BOX_SOL,
    "scripts/empty.ts": EMPTY_SCRIPT,
  };
  for (let i = 1; i <= migrations; i++) {
    files[`migrations/${i}_box_${i}.ts`] = `import type { MigrationContext } from "hardhat-migrations/types";

export default async function ({ deploy }: MigrationContext) {
  const box = await deploy("Box", [${i}], { as: "Box${i}" });
  await (await box.getFunction("set")(${i + 1})).wait();
}
`;
  }
  const fixtureTests: string[] = [];
  const bareTests: string[] = [];
  for (let t = 1; t <= tests; t++) {
    fixtureTests.push(`  it("test ${t} starts from the migrated state", async () => {
    const { registry } = await connection.migrations.fixture();
    const box = await registry.contract("Box1");
    expect(await box.getFunction("value")()).to.equal(2n);
    await (await box.getFunction("set")(${t + 100})).wait();
  });`);
    bareTests.push(`  it("test ${t} shares one deployment", async () => {
    expect(await box.getFunction("value")()).to.be.a("bigint");
    await (await box.getFunction("set")(${t + 100})).wait();
  });`);
  }
  files["test/fixture/fixture.test.ts"] = `import { expect } from "chai";
import { network } from "hardhat";

const connection = await network.create();

describe("${tests} tests, each from the migrations fixture", () => {
${fixtureTests.join("\n\n")}
});
`;
  files["test/bare/bare.test.ts"] = `import { expect } from "chai";
import { network } from "hardhat";

const connection = await network.create();

describe("${tests} bare tests", () => {
  let box: Awaited<ReturnType<typeof connection.ethers.deployContract>>;

  before(async () => {
    box = await connection.ethers.deployContract("Box", [1n]);
    await box.waitForDeployment();
  });

${bareTests.join("\n\n")}
});
`;
  await writeTree(root, files);
}
