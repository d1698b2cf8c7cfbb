/**
 * Error descriptors: multisig hand-off, migrations that must be executed by an owner Safe
 * (`ctx.safe(address)`), HHM270-279. See errors.ts for how they are used; numbers never change
 * meaning once released.
 */
export const SAFE_ERRORS = {
  SAFE_AWAITING_APPROVAL: {
    number: 270,
    message:
      "{file} is awaiting approval by the Safe {safe} ({threshold} of {owners} owners): {what} Safe transaction {safeTxHash} (nonce {nonce}): {description}.\nTransaction Builder file: {batchFile}{warning}",
    hint:
      "Nothing was sent, and later migrations wait. Load the file in the Safe app (Apps > Transaction Builder, drag and drop it), or have {threshold} owners sign the Safe transaction hash; execute it, then run `npx hardhat migrate{networkFlag}` again: it finds the execution on chain and completes the migration.",
  },
  SAFE_NOT_A_SAFE: {
    number: 271,
    message: "ctx.safe({address}) in {file}: {address} is not a Safe on {network} ({reason}).",
    hint: "Pass the address of the Safe that owns the contract (a Safe 1.3 or later, deployed on this network).",
  },
  SAFE_PROPOSAL_CHANGED: {
    number: 272,
    message:
      "{file} now asks the Safe {safe} for a different transaction than the one it proposed (Safe transaction {safeTxHash}, nonce {nonce}, {state}): proposed {proposed}, now {now}.",
    hint:
      "Restore the migration as it was when it proposed, or have the Safe's owners reject the proposal (execute a rejection at nonce {nonce}) and run `npx hardhat migrate` again: a new Safe transaction is then proposed at the next nonce.",
  },
  SAFE_EXECUTION_FAILED: {
    number: 273,
    message:
      "The Safe {safe} executed the Safe transaction {safeTxHash} of {file} (nonce {nonce}) in transaction {transactionHash}, but its call failed (ExecutionFailure): {description}. The migration is not recorded.",
    hint:
      "Find why the call reverts (does the Safe own the target? is the function's condition met?), fix it, then run `npx hardhat migrate` again: a new Safe transaction is proposed at the Safe's next nonce.",
  },
  SAFE_HASH_MISMATCH: {
    number: 274,
    message: "The Safe {safe} (version {version}) computes the hash {onChain} for the Safe transaction {file} proposes, but the EIP-712 hash is {computed}.",
    hint: "Only Safe 1.3 and later (EIP-712 domain with the chain id) are supported. Check that {safe} is the Safe you mean.",
  },
  SAFE_CALL_INVALID: {
    number: 275,
    message: "ctx.safe({safe}).{method}(…) in {file}: {reason}.",
    hint: "Pass a registry name, an address or a contract; a function name of its ABI (or a signature such as \"setFee(uint256)\" with an address); and its arguments as an array.",
  },
  SAFE_CALL_REVERTS: {
    number: 276,
    message: "{file} asks the Safe {safe} to call {description}, but that call reverts when the Safe makes it now ({reason}). Nothing was proposed.",
    hint: "Check that the Safe owns the target (an earlier migration transfers it ownership) and that the call's conditions hold, then run `npx hardhat migrate` again.",
  },
} as const;
