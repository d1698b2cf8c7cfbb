/** Migration sources used by scenario tests (JavaScript, so any directory can hold them). */

export const deployToken = `
export default async function ({ deploy }) {
  await deploy("Token", ["Migrated Token", 1000000n]);
}
`;

export const deployTokenAs = (name: string) => `
export default async function ({ deploy }) {
  await deploy("Token", [${JSON.stringify(name)}, 1n], { as: ${JSON.stringify(name)} });
}
`;

/** Deploys a library and a Vault, moves tokens and ether, changes storage, then throws. */
export const failsAfterChangingState = (recipient: string) => `
export default async function ({ deploy, registry, deployer }) {
  const lib = await deploy("ConvertLib");
  await deploy("Vault", [registry.get("Token").address, 3], { libraries: { ConvertLib: await lib.getAddress() }, value: 777n });
  const token = await registry.contract("Token");
  await (await token.getFunction("transfer")(${JSON.stringify(recipient)}, 1234n)).wait();
  await (await deployer.sendTransaction({ to: ${JSON.stringify(recipient)}, value: 10n ** 18n })).wait();
  throw new Error("boom after four transactions");
}
`;

/** Deploys Token under `name` and can undo it with down(). */
export const reversibleToken = (name: string, supply: number) => `
export default async function ({ deploy }) {
  await deploy("Token", [${JSON.stringify(name)}, ${supply}n], { as: "Token" });
}
export async function down({ log }) {
  log("undoing ${name}");
}
`;
