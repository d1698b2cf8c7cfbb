import { symlink, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { createFixtureHre, migrationsDir, tempDir } from "../helpers/fixture.js";
import { deployToken, deployTokenAs } from "../helpers/migrations.js";

describe("a symlinked migration runs and shows in status", () => {
  it("lists a migration file linked from a shared folder as pending, then runs it and lists it as up", async () => {
    const shared = await tempDir("hhm-shared-");
    await writeFile(path.join(shared, "second_token.js"), deployTokenAs("Second"));
    const dir = await migrationsDir({ "1_token.js": deployToken });
    await symlink(path.join(shared, "second_token.js"), path.join(dir, "2_second_token.js"));
    const connection = await (await createFixtureHre("basic", { dir })).network.create();

    const before = await connection.migrations.status();
    expect(before.rows.map((r) => `${r.fileName} ${r.state}`)).to.deep.equal(["1_token.js pending", "2_second_token.js pending"]);

    const result = await connection.migrations.run();
    expect(result.migrations.map((m) => m.fileName)).to.deep.equal(["1_token.js", "2_second_token.js"]);
    expect(await connection.migrations.registry.all()).to.have.property("Second");
    const after = await connection.migrations.status();
    expect(after.rows.map((r) => `${r.fileName} ${r.state}`)).to.deep.equal(["1_token.js up", "2_second_token.js up"]);
  });
});
