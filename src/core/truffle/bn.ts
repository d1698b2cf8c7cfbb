/**
 * What Truffle scripts get for integer return values. Truffle (web3 1.x) returns bn.js `BN`s;
 * this runtime is built on ethers v6, whose integers are `bigint`, so integers are wrapped in this
 * small immutable BN-alike over a bigint: the bn.js methods typical migrations use (`toString`,
 * `toNumber`, comparisons, arithmetic) behave as in bn.js, and `toBigInt()` gives the bigint.
 */
export class TruffleBN {
  readonly #value: bigint;

  constructor(value: BNInput, base: number = 10) {
    this.#value = toBigInt(value, base);
  }

  /** True for this class, bn.js BNs and other BN-alikes (what `web3.utils.isBN` accepts). */
  static isBN(value: unknown): boolean {
    return value instanceof TruffleBN || isForeignBN(value);
  }

  toBigInt(): bigint {
    return this.#value;
  }

  /** Like bn.js: base 10 by default, no `0x` prefix in base 16, left-padded to `length` digits. */
  toString(base: number | "hex" = 10, length = 0): string {
    const radix = base === "hex" ? 16 : base;
    const negative = this.#value < 0n;
    const digits = (negative ? -this.#value : this.#value).toString(radix).padStart(length, "0");
    return negative ? `-${digits}` : digits;
  }

  /** Like bn.js: throws above 53 bits instead of losing precision. */
  toNumber(): number {
    if (this.#value > BigInt(Number.MAX_SAFE_INTEGER) || this.#value < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`Number can only safely store up to 53 bits (the value is ${this.#value})`);
    }
    return Number(this.#value);
  }

  /** bn.js serialises to hex. */
  toJSON(): string {
    return this.toString(16, 2);
  }

  add(other: BNInput): TruffleBN {
    return new TruffleBN(this.#value + toBigInt(other));
  }
  sub(other: BNInput): TruffleBN {
    return new TruffleBN(this.#value - toBigInt(other));
  }
  mul(other: BNInput): TruffleBN {
    return new TruffleBN(this.#value * toBigInt(other));
  }
  div(other: BNInput): TruffleBN {
    return new TruffleBN(this.#value / toBigInt(other));
  }
  mod(other: BNInput): TruffleBN {
    return new TruffleBN(this.#value % toBigInt(other));
  }
  pow(other: BNInput): TruffleBN {
    return new TruffleBN(this.#value ** toBigInt(other));
  }
  neg(): TruffleBN {
    return new TruffleBN(-this.#value);
  }
  abs(): TruffleBN {
    return new TruffleBN(this.#value < 0n ? -this.#value : this.#value);
  }
  cmp(other: BNInput): -1 | 0 | 1 {
    const o = toBigInt(other);
    return this.#value < o ? -1 : this.#value > o ? 1 : 0;
  }
  eq(other: BNInput): boolean {
    return this.cmp(other) === 0;
  }
  lt(other: BNInput): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: BNInput): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: BNInput): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: BNInput): boolean {
    return this.cmp(other) >= 0;
  }
  isZero(): boolean {
    return this.#value === 0n;
  }
  isNeg(): boolean {
    return this.#value < 0n;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `<BN: ${this.toString(16)}>`;
  }
}

export type BNInput = TruffleBN | bigint | number | string | { toString(base?: number): string };

/** A bn.js BN (or web3's) from another copy of the library: it has bn.js's shape. */
function isForeignBN(value: unknown): value is { toString(base?: number): string } {
  return (
    value !== null &&
    typeof value === "object" &&
    Array.isArray((value as { words?: unknown }).words) &&
    typeof (value as { negative?: unknown }).negative === "number"
  );
}

/** Any integer-like value (BN, bigint, number, decimal or 0x-hex string) as a bigint. */
export function toBigInt(value: BNInput, base = 10): bigint {
  if (typeof value === "bigint") {
    return value;
  }
  if (value instanceof TruffleBN) {
    return value.toBigInt();
  }
  if (typeof value === "number") {
    if (!Number.isInteger(value)) {
      throw new TypeError(`${value} is not an integer`);
    }
    return BigInt(value);
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (base === 16 && !/^-?0x/i.test(text)) {
      return text.startsWith("-") ? -BigInt(`0x${text.slice(1)}`) : BigInt(`0x${text}`);
    }
    return text.startsWith("-") ? -BigInt(text.slice(1)) : BigInt(text);
  }
  if (isForeignBN(value)) {
    return BigInt(value.toString(10));
  }
  throw new TypeError(`${String(value)} is not an integer`);
}
