import { writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { deployTokenAs } from "../helpers/migrations.js";
import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";

describe("a migration added later with a lower id", () => {
  it("runs on the next migrate, alone, although higher ids completed", async () => {
    const dir = await migrationsDir({ "1_one.js": deployTokenAs("One"), "1461005828324_three.js": deployTokenAs("Three") });
    const hre = await createFixtureHre("basic", { dir });
    const connection = await hre.network.create();
    expect((await connection.migrations.run()).migrations.map((m) => m.id)).to.deep.equal([1, 1461005828324]);

    await writeFile(path.join(dir, "2_two.js"), deployTokenAs("Two"));
    const second = await connection.migrations.run();

    expect(second.migrations.map((m) => m.fileName)).to.deep.equal(["2_two.js"]);
    expect(Object.keys(await connection.migrations.registry.all())).to.deep.equal(["One", "Three", "Two"]);
  });
});
