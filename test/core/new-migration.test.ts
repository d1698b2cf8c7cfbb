import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { createMigrationFile } from "../../src/core/new-migration.js";
import { migrationsDir, tempDir } from "../helpers/temp.js";

describe("createMigrationFile", () => {
  it("names the file with Date.now() and the purpose, from a typed template", async () => {
    const dir = path.join(await tempDir(), "migrations");
    const file = await createMigrationFile(dir, "deploy_token", { now: () => 1461005828324 });
    expect(path.basename(file)).to.equal("1461005828324_deploy_token.ts");
    const source = await readFile(file, "utf8");
    expect(source).to.contain('import type { MigrationContext } from "hardhat-migrations/types";');
    expect(source).to.contain("export default async function (ctx: MigrationContext): Promise<void>");
  });

  it("with `next`, takes the next small id", async () => {
    const dir = await migrationsDir({ "1_a.ts": "export default async () => {};", "7_b.ts": "export default async () => {};" });
    expect(path.basename(await createMigrationFile(dir, "c", { next: true }))).to.equal("8_c.ts");
  });

  it("with `next`, takes the next small id even when timestamp ids exist", async () => {
    const dir = await migrationsDir({
      "1_a.ts": "export default async () => {};",
      "2_b.ts": "export default async () => {};",
      "1790000000000_c.ts": "export default async () => {};",
    });
    expect(path.basename(await createMigrationFile(dir, "d", { next: true }))).to.equal("3_d.ts");
  });

  for (const bad of ["", "deploy token", "x.ts", "../escape", "_leading"]) {
    it(`refuses the purpose ${JSON.stringify(bad)} and writes nothing`, async () => {
      const dir = await tempDir();
      const error = await createMigrationFile(dir, bad).catch((e: Error) => e);
      expect((error as Error).message).to.contain("is not a valid migration purpose");
      expect(await readdir(dir)).to.deep.equal([]);
    });
  }
});
