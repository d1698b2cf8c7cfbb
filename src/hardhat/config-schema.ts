import { conditionalUnionType, unionType } from "@nomicfoundation/hardhat-zod-utils";
import { z } from "zod";

const isObject = (value: unknown): boolean => typeof value === "object" && value !== null && !Array.isArray(value);

/** An object schema whose unknown keys are each reported at their own path, naming the known ones. */
function strictObject<T extends z.ZodRawShape>(shape: T, notAnObject: string) {
  const known = Object.keys(shape).join(", ");
  return z.object(shape, { invalid_type_error: notAnObject }).catchall(z.unknown().refine(() => false, `Unknown option. Known options: ${known}.`));
}

const storeKind = z.enum(["chain", "file", "none"], { errorMap: () => ({ message: `Expected "chain", "file" or "none".` }) });
const path = z.string({ message: "Expected a non-empty path string." }).min(1, "Expected a non-empty path string.");
const seconds = z.number({ message: "Expected a number of seconds greater than 0." }).gt(0, "Expected a number of seconds greater than 0.");

const feeBump = strictObject(
  {
    afterSeconds: seconds.optional(),
    percent: z
      .number({ message: "Expected a percentage of at least 10 (nodes reject smaller bumps)." })
      .gte(10, "Expected a percentage of at least 10 (nodes reject smaller bumps)."),
    maxBumps: z.number({ message: "Expected a whole number, 1 or more." }).int("Expected a whole number, 1 or more.").gte(1, "Expected a whole number, 1 or more."),
  },
  "Expected false or { afterSeconds, percent, maxBumps }.",
).partial();

const timeout = z
  .number({ message: "Expected a number of seconds (0 for no limit)." })
  .finite("Expected a number of seconds (0 for no limit).")
  .gte(0, "Expected a number of seconds (0 for no limit).");

const saltText = z
  .string({ message: "Expected a 32-byte hex string or any other non-empty text (hashed into one)." })
  .min(1, "Expected a 32-byte hex string or any other non-empty text (hashed into one).");

const networkShape = {
  store: storeKind.optional(),
  salt: conditionalUnionType(
    [
      [(value) => value === false, z.literal(false)],
      [(value) => typeof value === "string" && value !== "", z.string()],
    ],
    "Expected a salt string, or false.",
  ).optional(),
  live: z.boolean({ message: "Expected true (a live network) or false (a dev chain)." }).optional(),
  confirmations: z
    .number({ message: "Expected a whole number of blocks (0 or more)." })
    .int("Expected a whole number of blocks (0 or more).")
    .gte(0, "Expected a whole number of blocks (0 or more).")
    .optional(),
  txTimeout: seconds.optional(),
  migrationTimeout: timeout.optional(),
  pollInterval: seconds.optional(),
  // Validated by validateNamedAccountsAndParameters (accounts-config.ts).
  accounts: z.unknown().optional(),
  parameters: z.unknown().optional(),
  feeBump: conditionalUnionType(
    [
      [(value) => value === false, z.literal(false)],
      [isObject, feeBump],
    ],
    "Expected false or { afterSeconds, percent, maxBumps }.",
  ).optional(),
};
const network = strictObject(networkShape, `Expected an object with ${Object.keys(networkShape).join(", ")}.`);

/** `migrations` in hardhat.config.ts, as Hardhat validates it before anything runs. */
export const migrationsUserConfigSchema = strictObject(
  {
    dir: path.optional(),
    registryDir: path.optional(),
    deployer: unionType(
      [z.number().int().gte(0), z.string().regex(/^0x[0-9a-fA-F]{40}$/)],
      "Expected an account index (0, 1, …) or a 0x-prefixed address.",
    ).optional(),
    rollback: z.boolean({ message: "Expected true or false." }).optional(),
    // Validated by validateNamedAccountsAndParameters (accounts-config.ts).
    accounts: z.unknown().optional(),
    parameters: z.unknown().optional(),
    parametersDir: z.unknown().optional(),
    migrationTimeout: timeout.optional(),
    library: z.enum(["ethers", "viem"], { errorMap: () => ({ message: `Expected "ethers" or "viem".` }) }).optional(),
    inProcessRegistry: z.enum(["memory", "file"], { errorMap: () => ({ message: `Expected "memory" or "file".` }) }).optional(),
    explorers: z
      .array(z.enum(["etherscan", "sourcify", "blockscout"]), { message: 'Expected a list of "etherscan", "sourcify" or "blockscout".' })
      .min(1, 'Expected at least one of "etherscan", "sourcify" or "blockscout".')
      .optional(),
    store: storeKind.optional(),
    networks: z.record(z.string(), network, { invalid_type_error: "Expected an object of network names to { store, confirmations, … }." }).optional(),
    migrator: z.string({ message: 'Expected the artifact name of a contract, e.g. "MyMigrator".' }).min(1, 'Expected the artifact name of a contract, e.g. "MyMigrator".').optional(),
    buildProfile: z
      .string({ message: 'Expected the name of a build profile of solidity.profiles, e.g. "production" or "default".' })
      .min(1, 'Expected the name of a build profile of solidity.profiles, e.g. "production" or "default".')
      .optional(),
    salt: saltText.optional(),
    migratorSalt: saltText.optional(),
  },
  "Expected an object.",
);

export const userConfigSchema = z.object({ migrations: migrationsUserConfigSchema.optional() });
