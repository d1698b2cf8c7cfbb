/**
 * Error descriptors: Typed failures, terminal output, deterministic deployments, verification, named accounts and parameters, imports from Ignition (HHM240-249, HHM270-339).
 * See errors.ts for how they are used; numbers never change meaning once released.
 */
export const FEATURE_ERRORS = {
  CREATE2_FACTORY_MISSING: {
    number: 290,
    message: "The CREATE2 factory {factory} (the deterministic deployment proxy) has no code on {network}, so {what} cannot be deployed at its deterministic address.",
    hint: "It exists on most public chains. Deploy it once with its pre-signed transaction: send {cost} wei to {signer}, then eth_sendRawTransaction the transaction published at https://github.com/Arachnid/deterministic-deployment-proxy. Or deploy without a salt (and set `migrations.deterministicMigrator: false`).",
  },
  MIGRATOR_LOGS_INCOMPLETE: {
    number: 291,
    message: "The Migrator at {address} counts {version} changes to its record, but the node returned {found} of their events (blocks {fromBlock} to {toBlock}).",
    hint: "The RPC drops or limits eth_getLogs results: use one that serves the Migrator's logs (an archive or your own node) for `status` and `migrate` on this network.",
  },
  INVALID_SALT: {
    number: 292,
    message: "The salt {salt} given for {name} is not usable: {reason}.",
    hint: "Give a 32-byte hex string (0x followed by 64 hex digits), or any other text, which is hashed (keccak256) into one.",
  },
  CREATE2_DEPLOYMENT_FAILED: {
    number: 293,
    message: "Deploying {name} through the CREATE2 factory {factory} at {address} failed: {reason}",
    hint: "Check the constructor arguments and the deployer's balance; a contract already at that address is reused, never deployed twice.",
  },
  CONTRACT_LIBRARY_NOT_LOADED: {
    number: 300,
    message: "`migrations.library` is \"{library}\", but {plugin} is not in the config's plugins.",
    hint: "Add {plugin} to `plugins` in hardhat.config.ts (npm install --save-dev {plugin} {library}), or set `migrations.library` to the library the project loads.",
  },
  NO_CONTRACT_LIBRARY: {
    number: 301,
    message: "Migrations need a contract library, and {network}'s connection has neither hardhat-ethers nor hardhat-viem.",
    hint: "Add @nomicfoundation/hardhat-ethers (ethers) or @nomicfoundation/hardhat-viem (viem; in @nomicfoundation/hardhat-toolbox-viem) to `plugins` in hardhat.config.ts.",
  },
  IGNITION_DEPLOYMENT_NOT_FOUND: {
    number: 310,
    message: "No Ignition deployment in {dir}: {reason}",
    hint: "Point --dir at an Ignition deployment folder (ignition/deployments/<deployment id>, with a journal.jsonl), or pass --deployment-id.",
  },
  IGNITION_WRONG_CHAIN: {
    number: 311,
    message: "The Ignition deployment {dir} was made on chain {fileChainId}, but {network} is chain {chainId}. Nothing was imported.",
    hint: "Import the deployment of this network (ignition/deployments/chain-{chainId}), or connect to the chain it was deployed to with --network.",
  },
  IGNITION_JOURNAL_UNREADABLE: {
    number: 312,
    message: "Line {line} of Ignition's journal {file} is not JSON. Nothing was imported.",
    hint: "Restore the deployment folder from version control; Ignition itself cannot resume from a damaged journal either.",
  },
  MIGRATOR_DEPLOYMENT_FAILED: {
    number: 240,
    message: "The transaction {hash} that deploys the Migrator failed (status {status}).",
    hint: "Check the deployer's balance and the network's gas limit, then run `npx hardhat migrate` again; nothing was recorded.",
  },
  MIGRATOR_CALL_REVERTED: {
    number: 241,
    message: "The Migrator's {method}({id}) transaction {hash} reverted.",
    hint: "Check that the deployer owns the Migrator and has funds; `npx hardhat migrate status` shows what is recorded.",
  },
  TRUFFLE_ARTIFACT_NOT_FOUND: {
    number: 242,
    message: "Could not find artifacts for {name} from any sources{detail}",
    hint: "Check the name given to artifacts.require() against the contracts in contracts/ (run `npx hardhat build`).",
  },
  TRUFFLE_CONTRACT_NOT_DEPLOYED: {
    number: 243,
    message: "{contract} has not been deployed to detected network (chain {chainId}){detail}.",
    hint: "Deploy it in an earlier migration (deployer.deploy({contract})), or check the name given to artifacts.require().",
  },
  TRUFFLE_NO_CODE: {
    number: 245,
    message: "Cannot create instance of {contract}; no code at address {address}",
    hint: "Check the address passed to {contract}.at(): nothing is deployed there on this network.",
  },
  TRUFFLE_ARTIFACT_NOT_LOADED: {
    number: 246,
    message: "The artifact of {contract} is not loaded yet.",
    hint: "Await {contract}.deployed() (or call artifacts.require(\"{requested}\") with a literal name) before reading it.",
  },
  TRUFFLE_WRONG_ARGUMENT_COUNT: {
    number: 244,
    message: "Invalid number of parameters for \"{fn}\". Got {got} expected {expected}!",
    hint: "Pass the function's arguments, then optionally one transaction-parameters object ({ from, value, gas, ... }).",
  },
  TRUFFLE_WEB3_UNSUPPORTED: {
    number: 247,
    message: "{name} is not available in hardhat-migrations' Truffle runtime (web3 is replaced by a small ethers-based subset).",
    hint: "Use the contract abstractions (artifacts.require), or write this migration as an ES module with ctx.ethers.",
  },
  STORE_KEEPS_NO_RECORD: {
    number: 248,
    message: "The state store of {network} is \"none\": it keeps no record of what ran, so nothing can be undone.",
    hint: "Use the \"chain\" or \"file\" store (`migrations.networks.{network}.store`) on networks where migrations may be undone.",
  },
  DOWN_TARGET_NOT_COMPLETED: {
    number: 249,
    message: "Migration {id} is not completed on {network}, so there is nothing to undo down to it.",
    hint: "Run `npx hardhat migrate status` to see which migrations are up, and pass one of them to --to.",
  },
  CONSTRUCTOR_ARGUMENTS: {
    number: 281,
    message: "{contract}: its {signature} {problem}.",
    hint: "Pass one value per constructor parameter, in order: `ctx.deploy(\"{contract}\", [ ... ])`. An address is a 0x string (a deployed contract's: `ctx.registry.get(\"Name\").address`).",
  },
  INTERRUPTED: {
    number: 280,
    message: "Stopped by Ctrl-C {where}: nothing more is sent.",
    hint: "Run `npx hardhat migrate` to resume: completed migrations are not run again, and a migration's transactions that were sent are found on chain instead of being sent twice.",
  },
  UNKNOWN_NAMED_ACCOUNT: {
    number: 330,
    message: "ctx.accounts.{name} is not a named account on {network}. Named accounts: {known}.",
    hint: "Name it in hardhat.config.ts: `migrations.accounts: { {name}: 0 }` (an account index, an address or a configVariable), or per network in `migrations.networks.{network}.accounts`.",
  },
  NAMED_ACCOUNT_UNRESOLVED: {
    number: 331,
    message: "The named account {name} ({source}) cannot be resolved on {network}: {reason}",
    hint: "An index must be below the number of accounts the network has (its `accounts` in hardhat.config.ts, or the node's); a configVariable must hold a 0x-prefixed address (put private keys in the network's `accounts` and name them by index).",
  },
  MISSING_PARAMETER: {
    number: 332,
    message: "The parameter {name} is not set on {network}. Set: {known}.",
    hint: "Set it in {sources}, or pass a file with `npx hardhat migrate --parameters file.json`.",
  },
  PARAMETER_WRONG_TYPE: {
    number: 333,
    message: "The parameter {name} on {network} is {actual}, but the migration reads it as {expected}.",
    hint: "Fix its value where it is set ({sources}). In JSON files, write a bigint as a string ending in n: \"1000000000000000000n\".",
  },
  INVALID_PARAMETERS_FILE: {
    number: 334,
    message: "The parameters file {file} cannot be used: {reason}",
    hint: "A parameters file is a JSON object of names to values, e.g. { \"owner\": \"0x…\", \"supply\": \"1000n\" } (bigints as strings ending in n).",
  },
  INVALID_MIGRATION_SELECTION: {
    number: 335,
    message: "{file} exports `{name}` as {value}, which is not a list of names.",
    hint: "Export an array of strings, e.g. `export const networks = [\"sepolia\", \"dev\"];` (\"dev\" matches every dev chain), `export const skipNetworks = [\"mainnet\"];` or `export const tags = [\"oracle\"];`.",
  },
  MIGRATOR_UNREACHABLE: {
    number: 336,
    message: "Could not read the Migrator at {address} on {network}: {reason}",
    hint: "The node failed to answer (asked {attempts} times); this says nothing about the Migrator or the registry. Nothing was changed: run the command again, or check the RPC URL of {network} and its provider's status and rate limits.",
  },
  VERIFY_PLUGIN_MISSING: {
    number: 320,
    message: "Verifying contracts needs @nomicfoundation/hardhat-verify, which this project does not load.",
    hint: "Install it (`npm install --save-dev @nomicfoundation/hardhat-verify`), add it to `plugins` in hardhat.config.ts (`import hardhatVerify from \"@nomicfoundation/hardhat-verify\"`), and set `verify.etherscan.apiKey`.",
  },
  VERIFY_NOT_AVAILABLE: {
    number: 321,
    message: "Cannot verify contracts on {network} (chain {chainId}): {reason}",
    hint: "Verification needs a live network with a block explorer: configure it under `chainDescriptors.<chainId>.blockExplorers.etherscan` when Etherscan does not know the chain, and `verify.etherscan.apiKey`.",
  },
  VERIFY_FAILED: {
    number: 322,
    message: "{failed} of {total} deployment(s) on {network} are not verified: {names}.",
    hint: "The registry records each explorer's answer (`verification` of each entry). Fix what it says, then run `npx hardhat migrate verify --network {network}`: it retries only what is not verified, from the compiler input kept when each contract was deployed.",
  },
} as const satisfies Record<string, { number: number; message: string; hint: string }>;
