import type { VerificationOutcome } from "../../core/verification/verify-deployments.js";
import type { VerifyResult } from "../../core/verify.js";

/** One line per verified (or refused, or skipped) address. */
export function formatVerificationOutcome(outcome: VerificationOutcome): string {
  const plain = outcome.role === "contract" || outcome.role === "migrator" || outcome.role === "migrator-admin";
  const what = `${outcome.name}${plain ? "" : ` (${outcome.role})`} at ${outcome.address}`;
  // Etherscan, the default, is not named: its lines stay as they were before other explorers.
  const on = outcome.explorer === "etherscan" ? "" : ` on ${outcome.explorer}`;
  switch (outcome.status) {
    case "verified":
      return `  verified${on}: ${what}${outcome.url !== undefined ? ` ${outcome.url}` : ""}`;
    case "failed":
      return `  NOT verified${on}: ${what}: ${outcome.message}`;
    case "skipped":
      return `  skipped${on}: ${what}: ${outcome.message}`;
  }
}

export function formatVerifyResult(result: VerifyResult): string[] {
  const verified = result.outcomes.filter((o) => o.status === "verified").length;
  return [`${verified} of ${result.outcomes.length} address(es) verified on ${result.network} (chain ${result.chainId}).`];
}
