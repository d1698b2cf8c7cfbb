import { expect } from "chai";

import { deployToken } from "../helpers/migrations.js";
import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";

async function runError(dir: string): Promise<{ error: Error & { code?: string }; blocksBefore: number; blocksAfter: number }> {
  const hre = await createFixtureHre("basic", { dir });
  const connection = await hre.network.create();
  const blocksBefore = await connection.ethers.provider.getBlockNumber();
  try {
    await connection.migrations.run();
  } catch (error) {
    return { error: error as Error & { code?: string }, blocksBefore, blocksAfter: await connection.ethers.provider.getBlockNumber() };
  }
  throw new Error("migrate did not fail");
}

describe("bad migration files", () => {
  it("two files with one id: an error naming both, and nothing runs", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_a.js": deployToken, "2_b.ts": deployToken });
    const { error, blocksBefore, blocksAfter } = await runError(dir);
    expect(error.code).to.equal("DUPLICATE_MIGRATION_ID");
    expect(error.message).to.contain("2_a.js, 2_b.ts");
    expect(blocksAfter).to.equal(blocksBefore);
  });

  it("a malformed file name: an error naming it, and nothing runs", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "deploy-more.js": deployToken });
    const { error, blocksAfter, blocksBefore } = await runError(dir);
    expect(error.code).to.equal("ILLEGAL_MIGRATION_NAME");
    expect(error.message).to.contain("deploy-more.js");
    expect(blocksAfter).to.equal(blocksBefore);
  });

  it("a script without a default export: says what to export, before anything is sent", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_token.js": "export const up = 1;\n" });
    const { error, blocksBefore, blocksAfter } = await runError(dir);
    expect(error.code).to.equal("INVALID_MIGRATION_MODULE");
    expect(blocksAfter).to.equal(blocksBefore);
    expect(error.message).to.contain("2_token.js does not export a migration function");
  });

  it("a script that does not parse: names the file, before anything is sent", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_token.js": "export default async function ( {\n" });
    const { error, blocksBefore, blocksAfter } = await runError(dir);
    expect(error.code).to.equal("MIGRATION_LOAD_FAILED");
    expect(error.message).to.contain("2_token.js could not be loaded");
    expect(blocksAfter).to.equal(blocksBefore);
  });
});
