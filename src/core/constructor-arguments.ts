import { MigrationsError, describeError } from "./errors.js";
import { type AbiInput, type AbiParameter, coerceValues, constructorInputs, encodeConstructorArgs, encodeParameters, isAddress } from "./eth/index.js";

/** One constructor parameter. */
interface ConstructorInput {
  readonly type: string;
  readonly name: string;
}

/**
 * The encoder that will encode the deployment: the front-end library's (an ethers `Interface`
 * fits), so that the check accepts and rejects exactly what the deployment will.
 */
export interface ConstructorEncoder<Input extends ConstructorInput = ConstructorInput> {
  readonly deploy: { readonly inputs: readonly Input[] };
  encodeDeploy(args: readonly unknown[]): string;
  getAbiCoder(): { encode(types: readonly (string | Input)[], values: readonly unknown[]): string };
}

/**
 * Checks `args` against the contract's constructor before anything is sent, so that a missing
 * argument or a name where an address belongs is reported with the constructor's signature,
 * the parameter, what it expects and what was given (ethers, for one, would try to resolve a non-address
 * string as an ENS name, which Hardhat's provider does not implement).
 */
export function checkConstructorArguments<Input extends ConstructorInput>(contract: string, abi: ConstructorEncoder<Input>, args: readonly unknown[]): void {
  const inputs = abi.deploy.inputs;
  const signature = `constructor(${inputs.map((input) => `${input.type}${input.name !== "" ? ` ${input.name}` : ""}`).join(", ")})`;
  const fail = (problem: string) => new MigrationsError("CONSTRUCTOR_ARGUMENTS", { contract, signature, problem });
  if (args.length !== inputs.length) {
    const missing = inputs.slice(args.length).map((input, i) => `#${args.length + i + 1} ${input.type} ${input.name}`.trimEnd());
    throw fail(
      args.length < inputs.length
        ? `takes ${inputs.length} argument(s) and ${args.length} were given: missing ${missing.join(", ")}`
        : `takes ${inputs.length} argument(s) and ${args.length} were given: ${args.length - inputs.length} too many`,
    );
  }
  inputs.forEach((input, i) => {
    const given = args[i];
    if (input.type === "address" && typeof given === "string" && !isAddress(given)) {
      throw fail(`expects an address for argument #${i + 1} (${input.name}), given ${JSON.stringify(given)}, which is not one`);
    }
  });
  try {
    abi.encodeDeploy(args);
  } catch (error) {
    const index = inputs.findIndex((input, i) => {
      try {
        abi.getAbiCoder().encode([input], [args[i]]);
        return false;
      } catch {
        return true;
      }
    });
    const input = inputs[index];
    throw fail(
      input === undefined
        ? `rejects the arguments: ${describeError(error)}`
        : `expects ${input.type} for argument #${index + 1} (${input.name}), given ${show(args[index])}: ${describeError(error)}`,
    );
  }
}

function show(value: unknown): string {
  if (typeof value === "bigint") {
    return `${value}n`;
  }
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The engine's own encoder of `abi`'s constructor (what `ctx.deploy` encodes with). */
export function constructorEncoder(abi: AbiInput): ConstructorEncoder<AbiParameter & ConstructorInput> {
  const inputs = constructorInputs(abi).map((input) => ({ ...input, name: input.name ?? "" }));
  return {
    deploy: { inputs },
    encodeDeploy: (args) => encodeConstructorArgs(abi, args),
    getAbiCoder: () => ({
      encode: (types, values) => encodeParameters(types as readonly (AbiParameter | string)[], coerceValues(types.map((type) => (typeof type === "string" ? { type } : type)), values)),
    }),
  };
}
