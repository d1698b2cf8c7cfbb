import { expect } from "chai";

import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";

describe("registry names that JavaScript objects reserve", () => {
  it("records constructor, toString and hasOwnProperty like any other name", async () => {
    const dir = await migrationsDir({
      "1_names.js": `
        export default async function ({ deploy, registry }) {
          for (const name of ["constructor", "toString", "hasOwnProperty", "valueOf"]) {
            await deploy("Token", [name, 1n], { as: name });
            if (!registry.has(name)) throw new Error(name + " missing");
          }
          await deploy("Token", ["again", 2n], { as: "constructor" });
        }`,
    });
    const hre = await createFixtureHre("basic", { dir });
    const connection = await hre.network.create();
    await connection.migrations.run();
    const all = await connection.migrations.registry.all();
    expect(Object.keys(all)).to.deep.equal(["constructor", "hasOwnProperty", "toString", "valueOf"]);
    const redeployed = all["constructor" as string]!;
    expect(redeployed.args).to.deep.equal(["again", "2"]);
    expect(redeployed.history).to.have.length(1);
  });

  it("refuses __proto__ with a coded error, before anything is deployed", async () => {
    const dir = await migrationsDir({
      "1_proto.js": `export default async function ({ deploy }) { await deploy("Token", ["p", 1n], { as: "__proto__" }); }`,
    });
    const hre = await createFixtureHre("basic", { dir });
    const connection = await hre.network.create();
    try {
      await connection.migrations.run();
      expect.fail("deployed as __proto__");
    } catch (error) {
      expect((error as Error).message).to.contain("HHM256: __proto__ cannot be a registry name: it is reserved by JavaScript objects.");
      expect((error as Error).message).to.not.contain("Cannot read properties");
    }
  });
});
