import { formatUnits } from "../../core/eth/index.js";

/** The native currency's symbol of well-known chains; "ETH" otherwise. */
const SYMBOLS: Readonly<Record<number, string>> = {
  56: "BNB",
  97: "tBNB",
  100: "xDAI",
  137: "POL",
  250: "FTM",
  42220: "CELO",
  43113: "AVAX",
  43114: "AVAX",
  80002: "POL",
};

export function nativeSymbol(chainId: number): string {
  return SYMBOLS[chainId] ?? "ETH";
}

/** Wei as the native currency with up to 6 significant digits, e.g. "0.00123457 ETH". */
export function formatNative(wei: bigint, chainId: number): string {
  return `${significant(formatUnits(wei, 18), 6)} ${nativeSymbol(chainId)}`;
}

/** A balance: up to 6 decimals, so that a run's spending shows, e.g. "9,999.998523 ETH". */
export function formatBalance(wei: bigint, chainId: number): string {
  return `${Number(formatUnits(wei, 18)).toLocaleString("en-US", { maximumFractionDigits: 6 })} ${nativeSymbol(chainId)}`;
}

/** Wei per gas in gwei, e.g. "1.875 gwei". */
export function formatGwei(wei: bigint): string {
  return `${significant(formatUnits(wei, 9), 4)} gwei`;
}

function significant(decimal: string, digits: number): string {
  const value = Number(decimal);
  if (value === 0) {
    return "0";
  }
  return value.toLocaleString("en-US", { maximumSignificantDigits: digits });
}
