/**
 * Error descriptors: Live networks (journal, locks, files), network migrations, imports, upgrades and the registry rebuild (HHM180-239, HHM250-269).
 * See errors.ts for how they are used; numbers never change meaning once released.
 */
export const LIVE_ERRORS = {
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
} as const satisfies Record<string, { number: number; message: string; hint: string }>;
