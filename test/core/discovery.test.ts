import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { keccak256 } from "ethers";

import { discoverMigrations } from "../../src/core/discovery.js";
import { MigrationsError } from "../../src/core/errors.js";
import { migrationsDir, tempDir } from "../helpers/temp.js";

const body = "export default async () => {};\n";

async function discoveryError(dir: string): Promise<MigrationsError> {
  try {
    await discoverMigrations(dir);
  } catch (error) {
    expect(error).to.be.instanceOf(MigrationsError);
    return error as MigrationsError;
  }
  throw new Error("discoverMigrations did not throw");
}

describe("discoverMigrations", () => {
  it("orders migrations numerically, lowest id first", async () => {
    const dir = await migrationsDir({
      "10_ten.ts": body,
      "2_two.js": body,
      "1461005828324_initial_deploy.mjs": body,
      "1_one.ts": body,
    });
    const found = await discoverMigrations(dir);
    expect(found.map((m) => m.id)).to.deep.equal([1, 2, 10, 1461005828324]);
    expect(found[3]).to.include({ purpose: "initial_deploy", fileName: "1461005828324_initial_deploy.mjs" });
    expect(found[0]!.path).to.equal(path.join(dir, "1_one.ts"));
  });

  it("hashes each file's content", async () => {
    const dir = await migrationsDir({ "1_one.ts": body });
    const [m] = await discoverMigrations(dir);
    expect(m!.contentHash).to.equal(keccak256(await readFile(path.join(dir, "1_one.ts"))));
  });

  it("ignores READMEs, dotfiles, declaration files and subdirectories", async () => {
    const dir = await migrationsDir({
      "1_one.ts": body,
      "README.md": "# notes",
      ".DS_Store": "",
      "types.d.ts": "",
    });
    await mkdir(path.join(dir, "helpers"));
    await writeFile(path.join(dir, "helpers", "util.ts"), body);
    expect((await discoverMigrations(dir)).map((m) => m.fileName)).to.deep.equal(["1_one.ts"]);
  });

  it("rejects two files with the same id, naming both", async () => {
    const dir = await migrationsDir({ "1_one.ts": body, "01_other.js": body, "2_two.ts": body });
    const error = await discoveryError(dir);
    expect(error.code).to.equal("DUPLICATE_MIGRATION_ID");
    expect(error.message).to.contain("01_other.js").and.to.contain("1_one.ts");
  });

  for (const bad of ["deploy.ts", "1-deploy.ts", "1_.ts", "1_deploy.sol", "0_zero.ts", "x1_deploy.ts"]) {
    it(`rejects the malformed name ${bad}`, async () => {
      const dir = await migrationsDir({ "1_one.ts": body, [bad]: body });
      const error = await discoveryError(dir);
      expect(error.code).to.equal("ILLEGAL_MIGRATION_NAME");
      expect(error.message).to.contain(bad);
    });
  }

  it("rejects ids too large to be handled exactly", async () => {
    const dir = await migrationsDir({ "99999999999999999999_big.ts": body });
    expect((await discoveryError(dir)).code).to.equal("MIGRATION_ID_TOO_LARGE");
  });

  it("reports a missing directory", async () => {
    const dir = path.join(await tempDir(), "nope");
    const error = await discoveryError(dir);
    expect(error.code).to.equal("MIGRATIONS_DIR_NOT_FOUND");
    expect(error.message).to.contain(dir);
  });
});

describe("discoverMigrations with symbolic links", () => {
  it("follows a link to a migration file kept elsewhere, hashing the file it leads to", async () => {
    const shared = await tempDir("hhm-shared-");
    await writeFile(path.join(shared, "deploy_token.ts"), body);
    const dir = await migrationsDir({ "1_one.ts": body });
    await symlink(path.join(shared, "deploy_token.ts"), path.join(dir, "2_deploy_token.ts"));
    const found = await discoverMigrations(dir);
    expect(found.map((m) => m.fileName)).to.deep.equal(["1_one.ts", "2_deploy_token.ts"]);
    expect(found[1]!.contentHash).to.equal(keccak256(await readFile(path.join(shared, "deploy_token.ts"))));
  });

  it("refuses a link that leads nowhere, naming it and its target", async () => {
    const dir = await migrationsDir({ "1_one.ts": body });
    await symlink(path.join(dir, "gone.ts"), path.join(dir, "2_gone.ts"));
    const error = await discoveryError(dir);
    expect(error.code).to.equal("MIGRATION_LINK_BROKEN");
    expect(error.message).to.equal(`HHM252: 2_gone.ts in ${dir} is a symbolic link to ${path.join(dir, "gone.ts")}, which does not exist.`);
  });

  it("skips a link to a directory, like a directory", async () => {
    const dir = await migrationsDir({ "1_one.ts": body });
    await mkdir(path.join(dir, "lib"));
    await symlink(path.join(dir, "lib"), path.join(dir, "shared"));
    expect((await discoverMigrations(dir)).map((m) => m.fileName)).to.deep.equal(["1_one.ts"]);
  });
});
