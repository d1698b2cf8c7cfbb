/**
 * Error descriptors: Discovery, planning, running, deploying, the registry and the state stores (HHM100-179).
 * See errors.ts for how they are used; numbers never change meaning once released.
 */
export const RUN_ERRORS = {
  MIGRATIONS_DIR_NOT_FOUND: {
    number: 100,
    message: "The migrations directory {dir} does not exist.",
    hint: "Create it and add a first migration (e.g. migrations/1_initial.ts), or set `migrations.dir` in hardhat.config.ts.",
  },
  ILLEGAL_MIGRATION_NAME: {
    number: 101,
    message: "{file} is not a valid migration file name.",
    hint: "Name migrations <id>_<purpose>.ts|js|mjs, where <id> is a positive integer (e.g. 2_deploy_token.ts), or move the file out of {dir}.",
  },
  DUPLICATE_MIGRATION_ID: {
    number: 102,
    message: "Migration id {id} is used by more than one file: {files}. Nothing was run.",
    hint: "Give each migration its own id; rename all but one of these files.",
  },
  MIGRATION_ID_TOO_LARGE: {
    number: 103,
    message: "{file} has the id {id}, which is larger than the largest supported id ({max}).",
    hint: "Use a smaller number: a millisecond timestamp (Date.now()) or a sequence number both fit.",
  },
  UNKNOWN_MIGRATION_ID: {
    number: 110,
    message: "No migration has the id {id}{nearest}.",
    hint: "Run `npx hardhat migrate status` to list the migrations and their ids.",
  },
  INVALID_OPTION: {
    number: 111,
    message: "Invalid option {option}: {reason}",
    hint: "Run `npx hardhat migrate --help` for the options and their formats.",
  },
  RESET_NEEDS_CONFIRMATION: {
    number: 112,
    message: "--reset on {network}, which is not a dev chain, would {what}.",
    hint: "If that is what you want, run it again with --confirm-reset.",
  },
  NOTHING_TO_UNDO: {
    number: 113,
    message: "No migration {after}is recorded as completed on {network}: there is nothing to undo.",
    hint: "Run `npx hardhat migrate status` to see what is recorded.",
  },
  MIGRATION_IRREVERSIBLE: {
    number: 114,
    message: "Cannot undo {files} on {network}: {reason}",
    hint: "Export a `down(ctx)` function from each of these migrations that undoes what it did; on a dev chain, migrations without one can be undone while the node that ran them is still up.",
  },
  NETWORKS_FAILED: {
    number: 115,
    message: "Migrating failed on {failed} (of {total} networks); the other networks' results stand.",
    hint: "See each network's error above, fix it, and run the command again: completed migrations are not run twice.",
  },
  INVALID_MIGRATION_MODULE: {
    number: 120,
    message: "{file} does not export a migration function.",
    hint: "Export one: `export default async function (ctx: MigrationContext) { ... }`.",
  },
  MIGRATION_LOAD_FAILED: {
    number: 121,
    message: "{file} could not be loaded: {reason}",
    hint: "Fix the error above in the script; nothing of this migration was sent.",
  },
  MIGRATION_FAILED: {
    number: 122,
    message: "Migration {file} failed: {reason}\n{outcome}",
    hint: "Fix the script and run `npx hardhat migrate` again: completed migrations are not run twice.",
  },
  MIGRATION_TX_REVERTED: {
    number: 123,
    message: "Transaction {hash} sent by migration {file} reverted{reason}.",
    hint: "Await each transaction (`await (await contract.fn()).wait()`) to see the failing call in your script.",
  },
  DEPLOYMENT_FAILED: {
    number: 130,
    message: "Deploying {name} failed: {reason}",
    hint: "Check the contract name (run `npx hardhat build`), the constructor arguments and the deployer's balance.",
  },
  MISSING_LIBRARY: {
    number: 131,
    message: "{contract} needs the library {library} to be linked, and no address was given for it.",
    hint: "Pass it: `ctx.deploy(\"{contract}\", args, { libraries: { {libraryName}: <address or registry name> } })`.",
  },
  INVALID_LIBRARY: {
    number: 132,
    message: "{contract} does not use a library named {library}; it links: {linked}.",
    hint: "Remove {library} from the `libraries` option or fix its name.",
  },
  UNKNOWN_DEPLOYMENT: {
    number: 140,
    message: "Nothing named {name} is deployed on chain {chainId}. Registered: {known}.",
    hint: "Deploy it in an earlier migration with `ctx.deploy(\"{name}\")` (or `{ as: \"{name}\" }`), or check the spelling.",
  },
  REGISTRY_CORRUPT: {
    number: 150,
    message: "The registry file {file} cannot be read: {reason}. It was left untouched.",
    hint: "Restore it from version control, or move it away and rebuild it from the journal and the chain with `npx hardhat migrate registry rebuild` (a live network refuses to start over without it).",
  },
  REGISTRY_WRONG_CHAIN: {
    number: 151,
    message: "The registry file {file} belongs to chain {fileChainId}, but the network is chain {chainId}.",
    hint: "Registry files are named <chainId>.json: move this one back where it belongs.",
  },
  REGISTRY_GENESIS_MISMATCH: {
    number: 152,
    message: "The registry file {file} was written for another chain with id {chainId} (genesis {fileGenesis}; this network's genesis is {genesis}). It was left untouched.",
    hint: "Point `migrations.registryDir` somewhere else for this network, or move the file away if that chain no longer exists.",
  },
  MIGRATOR_NOT_FOUND: {
    number: 160,
    message: "The registry names a Migrator at {address}, but there is no contract there on {network}.",
    hint: "If the chain was reset, move {file} away to start fresh; otherwise check that --network points at the right chain.",
  },
  MIGRATOR_NOT_OWNER: {
    number: 161,
    message: "The deployer {deployer} does not own the Migrator at {address} (its owner is {owner}), so it cannot record migrations.",
    hint: "Use the owner's account as `migrations.deployer`, or have the owner transfer ownership (transferOwnership, then acceptOwnership).",
  },
  MIGRATION_ALREADY_RECORDED: {
    number: 162,
    message: "Migration {id} was already recorded by {store} while this run was executing it: another runner is migrating this network.",
    hint: "Let the other run finish, then run `npx hardhat migrate` again to see what is left.",
  },
  MIGRATION_NOT_RECORDED: {
    number: 164,
    message: "Migration {id} is not recorded in {store}.",
    hint: "Run `npx hardhat migrate status` to see what is recorded.",
  },
  STATE_FILE_CORRUPT: {
    number: 165,
    message: "The migration state file {file} cannot be read: {reason}. It was left untouched.",
    hint: "Restore it from version control; `npx hardhat migrate store export` writes a valid one from another store.",
  },
  STATE_FILE_WRONG_CHAIN: {
    number: 166,
    message: "The migration state file {file} belongs to chain {fileChainId} with genesis {fileGenesis}, but the network is chain {chainId} with genesis {genesis}.",
    hint: "Use the file of this chain, or move this one away to start a fresh record.",
  },
  MIGRATOR_INCOMPATIBLE: {
    number: 163,
    message: "The contract at {address} is not a compatible Migrator: {reason}",
    hint: "Point the registry at a Migrator deployed by hardhat-migrations, or move {file} away to start fresh.",
  },
  CUSTOM_MIGRATOR_INVALID: {
    number: 167,
    message: "The contract {name} set as `migrations.migrator` cannot be used as a Migrator: {reason}.",
    hint: "Implement one of the two Migrator interfaces of hardhat-migrations/contracts/Migrator.sol: record(uint256,bytes32), unrecord(uint256), version(), owner() and the MigrationCompleted/MigrationUnrecorded events (the record as events, version 2), or record, unrecord, completed(), isCompleted, owner and the MigrationCompleted event (the record as a set in storage, version 1); or remove `migrations.migrator`.",
  },
  SIMULATION_UNAVAILABLE: {
    number: 168,
    message: "--simulate cannot fork {network}: {reason}",
    hint: "Simulate against an HTTP network (its JSON-RPC URL is forked in-process), or use --dry-run alone to see the plan.",
  },
  SIGNER_NOT_AVAILABLE: {
    number: 170,
    message: "The deployer {deployer} is not available on {network}: {reason}",
    hint: "Configure the network's accounts in hardhat.config.ts, or set `migrations.deployer` to an account index or address it has.",
  },
} as const satisfies Record<string, { number: number; message: string; hint: string }>;
