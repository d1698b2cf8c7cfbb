import * as Value from "ox/Value";

/** `value` in units of 10^`decimals` as a decimal string, e.g. formatUnits(1500000000n, 9) = "1.5". */
export function formatUnits(value: bigint, decimals: number): string {
  return Value.format(value, decimals);
}

/** Wei as ether, e.g. 10^16 wei = "0.01". */
export function formatEther(wei: bigint): string {
  return Value.formatEther(wei);
}

/** A decimal string in units of 10^`decimals` as an integer, e.g. parseUnits("1.5", 9) = 1500000000n. */
export function parseUnits(value: string, decimals: number): bigint {
  return Value.from(value, decimals);
}
