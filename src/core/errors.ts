/**
 * Every error a user can cause, as a descriptor: a stable code and number, a message template
 * with `{placeholders}`, and a hint that says how to fix it. Codes and numbers never change
 * meaning once released; new errors take new numbers.
 */
export const ERRORS = {
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
  TRUFFLE_BUILD_NOT_FOUND: {
    number: 210,
    message: "No Truffle artifacts in {dir}: {reason}",
    hint: "Point --build at the Truffle project's build/contracts directory (the one with <Contract>.json files).",
  },
  TRUFFLE_COMPLETED_UNKNOWN: {
    number: 211,
    message: "Cannot tell which Truffle migrations already ran on {network}: {reason}",
    hint: "Pass --completed <n>: the number of the last Truffle migration that ran on this network (Truffle's last_completed_migration).",
  },
  HARDHAT_DEPLOY_NOT_FOUND: {
    number: 212,
    message: "No hardhat-deploy deployments in {dir}: {reason}",
    hint: "Point --dir at a hardhat-deploy network folder (deployments/<network>, with a .chain or .chainId file and <Name>.json files).",
  },
  HARDHAT_DEPLOY_WRONG_CHAIN: {
    number: 213,
    message: "The hardhat-deploy folder {dir} belongs to {what}, but {network} is chain {chainId} (genesis {genesis}). Nothing was imported.",
    hint: "Import the folder of this network (deployments/<network>), or connect to the chain it was deployed to with --network.",
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
  IMPORTED_CONTRACT_HAS_NO_CODE: {
    number: 214,
    message: "{source} lists deployments that have no code on {network} (chain {chainId}): {names}. Nothing was imported.",
    hint: "Connect to the chain they were deployed to (--network), or remove the entries of contracts that no longer exist.",
  },
  FIXTURE_NEEDS_SNAPSHOTS: {
    number: 180,
    message: "Migration fixtures need a chain with evm_snapshot, and {network} does not support it.",
    hint: "Use fixtures on the in-process network or a local dev node (hardhat node, anvil, ganache); on other networks call migrations.run().",
  },
  FIXTURE_SNAPSHOT_LOST: {
    number: 181,
    message: "The snapshot of the migrations fixture on {network} is no longer valid (something reverted the chain to an earlier point).",
    hint: "Don't mix evm_revert to earlier snapshots (or loadFixture of an earlier fixture) with migrations.fixture() on one connection; use a fresh connection (hre.network.create()).",
  },
  JOURNAL_CORRUPT: {
    number: 190,
    message: "The journal {file} cannot be read: {reason}. It was left untouched.",
    hint: "A journal is only ever appended to; if something else edited it, restore it from a backup. If no migration is interrupted (`npx hardhat migrate status`), you may move it away.",
  },
  JOURNAL_WRONG_CHAIN: {
    number: 191,
    message: "The journal {file} belongs to another chain (chain {fileChainId}, genesis {fileGenesis}) than the network (chain {chainId}, genesis {genesis}). It was left untouched.",
    hint: "Check that --network points at the chain this deployment lives on; journals are named <chainId>.journal.jsonl next to the registry.",
  },
  JOURNAL_DIVERGED: {
    number: 192,
    message: "Cannot resume {file}: its transaction #{step} is not the one the interrupted run sent ({difference}). Resuming would guess, so nothing was sent.",
    hint: "A resumable migration sends the same transactions in the same order every time it runs (await each ctx call; no randomness, no Date.now() in arguments). Restore the script as it was, or, once you have checked what the interrupted run left on chain, run `npx hardhat migrate --force-clean {id}` to start it from scratch.",
  },
  NOT_INTERRUPTED: {
    number: 193,
    message: "Migration {id} has no interrupted run on {network}{detail}.",
    hint: "`--force-clean` only applies to a migration that `npx hardhat migrate status` shows as interrupted.",
  },
  TX_TIMEOUT: {
    number: 194,
    message: "Transaction {hash} (nonce {nonce}) sent by {file} was not mined within {seconds} s.",
    hint: "It is in the journal: when it is mined (or dropped), `npx hardhat migrate` resumes without sending anything twice. To wait longer, raise `migrations.networks.<name>.txTimeout`; to replace it with a higher fee automatically, set `feeBump`.",
  },
  NONCE_TAKEN: {
    number: 195,
    message: "The nonce {nonce} of {from} that {file} used was taken by transaction {hash}, which this run did not send.",
    hint: "Another process is sending from the deployer account. Stop it (or use a dedicated deployer account), then run `npx hardhat migrate` again: the migration resumes.",
  },
  MIGRATION_LOCKED: {
    number: 196,
    message: "Another run is migrating chain {chainId} from this project (lock {file}, held by {holder}).",
    hint: "Wait for it to finish. If no such run exists any more (e.g. on another machine that crashed), delete {file}.",
  },
  CONFIRMATION_REQUIRED: {
    number: 197,
    message: "{network} (chain {chainId}) is not a dev chain: migrating it would {what}. Confirmation is needed before the first transaction.",
    hint: "Run it in a terminal to answer the prompt, or pass --yes (e.g. in CI) once you are sure.",
  },
  CONFIRMATION_DECLINED: {
    number: 198,
    message: "Nothing was sent to {network}: the confirmation was declined.",
    hint: "Run `npx hardhat migrate --dry-run` to review the plan first.",
  },
  SNAPSHOT_TRACE_UNSUPPORTED: {
    number: 200,
    message: "{network} cannot be snapshotted or synced: {reason}",
    hint: "The source node must answer debug_traceTransaction (prestateTracer, or struct logs with stacks) for every past transaction, and eth_getStorageAt/eth_getBalance/eth_getCode at past blocks (archive state): EDR, `hardhat node`, anvil, ganache and geth/reth in archive mode do. Point --network (or --from) at such a node.",
  },
  SNAPSHOT_STATE_UNAVAILABLE: {
    number: 201,
    message: "{network} has no state for block {block}: {reason}",
    hint: "Snapshot a more recent block, or use an archive node (one that keeps the state of every block).",
  },
  SNAPSHOT_FILE_INVALID: {
    number: 202,
    message: "The network snapshot {file} cannot be used: {reason}",
    hint: "Use a file written by `npx hardhat migrate snapshot --out <file>`, unchanged: its checksum covers every byte of its content. Take a new snapshot if it was edited.",
  },
  BOOTSTRAP_UNSUPPORTED: {
    number: 203,
    message: "{network} cannot be bootstrapped: {reason}",
    hint: "Bootstrapping writes state directly (hardhat_setCode/setStorageAt/setBalance/setNonce, or the anvil and ganache equivalents): use a dev or private network you control. On a public chain, re-seed state from the snapshot in a migration script (ctx.readSnapshot).",
  },
  NETWORK_MIGRATION_SAME_CHAIN: {
    number: 204,
    message: "{network} is chain {chainId}, the chain the state comes from (or another chain with the same id): {reason}",
    hint: "The new network needs its own chain id (registries are kept per chain id, in <registryDir>/<chainId>.json), e.g. `npx hardhat node --chain-id 31338`.",
  },
  STATE_VERIFICATION_FAILED: {
    number: 205,
    message: "{what}: {count} difference(s) between {source} and {target}:\n{differences}",
    hint: "Nothing was marked as migrated. Find what else writes to the new network's contracts (it must only receive state through bootstrap and sync), then run the command again.",
  },
  SYNC_NOT_BOOTSTRAPPED: {
    number: 206,
    message: "{target} was not bootstrapped from {source}: {reason}",
    hint: "Bootstrap it first: `npx hardhat migrate snapshot --network <old> --out state.json`, then `npx hardhat migrate bootstrap state.json --network <new>`.",
  },
  SYNC_CHECKPOINT_INVALID: {
    number: 207,
    message: "The sync checkpoint {file} cannot be used: {reason}. It was left untouched.",
    hint: "It belongs to another pair of networks, or was edited. Bootstrap the new network again (which writes a fresh checkpoint).",
  },
  STORAGE_LAYOUT_INCOMPATIBLE: {
    number: 220,
    message: "Upgrading the proxy {name} to {contract} would corrupt its storage; {count} incompatible variable(s):\n{report}\nNothing was sent.",
    hint: "Keep every existing variable where it is: append new ones after the last one (or inside a __gap). If the change is intended, this is not a rolling upgrade: it needs a network migration (docs/network-migrations.md: snapshot + bootstrap, or sync + cutover). Experts: allow pure renames with { renames: { old: \"new\" } }, or skip the check with { unsafeSkipStorageCheck: true }.",
  },
  STORAGE_LAYOUT_UNAVAILABLE: {
    number: 221,
    message: "The storage layout of {contract} is not available: {reason}",
    hint: "hardhat-migrations asks solc for `storageLayout` in every build; run `npx hardhat build` (or `build --force`) so the build info has it. To upgrade without the check, pass { unsafeSkipStorageCheck: true }.",
  },
  NOT_A_PROXY: {
    number: 222,
    message: "{name} on chain {chainId} is not a proxy deployed with ctx.deployProxy, so it cannot be upgraded.",
    hint: "Deploy it with `ctx.deployProxy(\"{contract}\", args, { kind: \"transparent\" | \"uups\" })` first, or upgrade the proxy that uses it.",
  },
  NOT_UUPS_IMPLEMENTATION: {
    number: 223,
    message: "{contract} cannot be used behind a UUPS proxy: {reason}. Upgrading to it would leave the proxy unable to upgrade again.",
    hint: "Inherit UUPSUpgradeable (@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol) and implement _authorizeUpgrade, or deploy it behind a transparent proxy ({ kind: \"transparent\" }).",
  },
  PROXY_IMPLEMENTATION_MISMATCH: {
    number: 224,
    message: "The proxy {name} at {address} points to the implementation {actual}, but the registry records {recorded}: it was upgraded outside these migrations.",
    hint: "The recorded storage layout may not be the proxy's; upgrade it only after checking the layout by hand, with { unsafeSkipStorageCheck: true }, or fix the registry entry.",
  },
  PROXY_ADMIN_NOT_OWNER: {
    number: 225,
    message: "{signer} cannot upgrade the proxy {name}: its ProxyAdmin {admin} is owned by {owner}.",
    hint: "Upgrade from the owner's account ({ from: \"{owner}\" }), or have the owner transfer the ProxyAdmin's ownership.",
  },
  UPGRADE_FAILED: {
    number: 226,
    message: "Upgrading the proxy {name} to {contract} failed: {reason}",
    hint: "Check the upgrade call ({ call }) and the upgrader's permissions (_authorizeUpgrade for UUPS, the ProxyAdmin's owner for transparent proxies).",
  },
  REGISTRY_LOST: {
    number: 260,
    message: "The registry {file} has no {missing}, but the journal {journal} shows this project deployed on {network} (chain {chainId}): {known}. Running now would deploy a second Migrator and run every migration again.",
    hint: "Put the registry file back (from git or a backup), or rebuild it from the journal and the chain with `npx hardhat migrate registry rebuild --network {network}`, then run `npx hardhat migrate` again.",
  },
  NETWORK_DECOMMISSIONED: {
    number: 261,
    message: "{network} (chain {chainId}) was decommissioned at block {cutoverBlock}: the system moved to {peer} (chain {peerChainId}). Its registry {file} says so; nothing was sent.",
    hint: "Run migrations on the new network: `npx hardhat migrate --network {peer}`. If you really mean to change the old chain, pass --allow-decommissioned.",
  },
  REGISTRY_REBUILD_REFUSED: {
    number: 262,
    message: "Cannot rebuild the registry {file} of {network}: {reason}",
    hint: "The rebuild only uses what the journal and the chain agree on. Restore the registry from git or a backup, or check that --network points at the chain the journal was written for.",
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
  JOURNAL_WRITE_FAILED: {
    number: 250,
    message: "Could not write to the journal {file}: {reason}. The run stopped: nothing more is sent while the journal cannot be written.",
    hint: "{advice} The journal records each transaction before it is sent; once it can be written again, `npx hardhat migrate` resumes without sending anything twice.",
  },
  FILE_WRITE_FAILED: {
    number: 251,
    message: "Could not {action} {file}: {reason}.",
    hint: "{advice}",
  },
  MIGRATION_LINK_BROKEN: {
    number: 252,
    message: "{file} in {dir} is a symbolic link to {target}, which {reason}.",
    hint: "Point the link at an existing migration file, or remove it from {dir}.",
  },
  MIGRATION_TIMED_OUT: {
    number: 253,
    message: "Migration {file} did not finish within {seconds} s (the migration timeout).",
    hint: "Find what it waits for (an unawaited promise that never settles, a transaction that is never mined). If it really needs longer, raise `migrations.migrationTimeout` (or `migrations.networks.<name>.migrationTimeout`) or pass --migration-timeout <seconds>; 0 disables the timeout.",
  },
  MIGRATION_CALLED_EXIT: {
    number: 254,
    message: "Migration {file} called process.exit({code}); a migration cannot end the process, so it was stopped and treated as failed.",
    hint: "Throw an error to make a migration fail, or return to finish it: the run then records it, releases its lock and prints its summary.",
  },
  SNAPSHOTS_FILE_CORRUPT: {
    number: 255,
    message: "The dev-chain snapshot list {file} cannot be read: {reason}.",
    hint: "It only lets `npx hardhat migrate down` revert migrations without a `down` function while this node runs: delete it (those migrations then need a `down` function, or a node restart and a fresh run).",
  },
  RESERVED_CONTRACT_NAME: {
    number: 256,
    message: "{name} cannot be a registry name: it is reserved by JavaScript objects.",
    hint: "Choose another name with `{ as: \"...\" }`.",
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

export type MigrationsErrorCode = keyof typeof ERRORS;

/** What a placeholder can be filled with. */
export type ErrorArgumentValue = string | number | bigint;

/** `{name}` placeholders of a template, as `fill` finds them (a word between braces). */
type Placeholders<S extends string> = S extends `${string}{${infer Inside}}${infer Rest}` ? PlaceholderName<Innermost<Inside>> | Placeholders<Rest> : never;
type Innermost<S extends string> = S extends `${string}{${infer After}` ? Innermost<After> : S;
type PlaceholderName<S extends string> = S extends "" ? never : S extends `${string}${" " | ":" | '"' | "." | "," | "<" | ">" | "(" | ")"}${string}` ? never : S;

/**
 * The arguments of one descriptor, derived from its message and hint templates: a missing or
 * misspelled placeholder is a compile error (as in `@nomicfoundation/hardhat-errors`).
 */
export type ErrorArguments<C extends MigrationsErrorCode = MigrationsErrorCode> = {
  readonly [K in Placeholders<(typeof ERRORS)[C]["message"]> | Placeholders<(typeof ERRORS)[C]["hint"]>]: ErrorArgumentValue;
};

/**
 * An error a user can act on; the Hardhat adapter shows it without a stack trace. Failures that
 * carry more than their message (a run's partial result, a layout report) subclass it.
 */
export class MigrationsError<C extends MigrationsErrorCode = MigrationsErrorCode> extends Error {
  readonly code: C;
  readonly number: number;
  readonly hint: string;
  readonly args: ErrorArguments<C>;

  constructor(code: C, args: ErrorArguments<C>, options?: { cause?: unknown }) {
    const descriptor = ERRORS[code];
    super(`HHM${descriptor.number}: ${fill(descriptor.message, args)}`, options);
    this.name = "MigrationsError";
    this.code = code;
    this.number = descriptor.number;
    this.hint = fill(descriptor.hint, args);
    this.args = args;
  }

  static is<C extends MigrationsErrorCode = MigrationsErrorCode>(value: unknown, code?: C): value is MigrationsError<C> {
    return value instanceof MigrationsError && (code === undefined || value.code === code);
  }
}

function fill(template: string, args: object): string {
  const values = args as Record<string, ErrorArgumentValue>;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The most useful one-line description of something thrown by user code or a library. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const withShort = error as Error & { shortMessage?: unknown; reason?: unknown };
    if (typeof withShort.shortMessage === "string" && withShort.shortMessage !== "") {
      return withShort.shortMessage;
    }
    return error.message;
  }
  return String(error);
}
