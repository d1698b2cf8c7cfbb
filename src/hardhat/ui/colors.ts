/**
 * ANSI colours for states and emphasis, or none. A dozen escape codes do not need a library:
 * what matters is when they are off (see `colorEnabled`).
 */
export interface Palette {
  readonly enabled: boolean;
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const code = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const PLAIN: Palette = {
  enabled: false,
  green: (t) => t,
  red: (t) => t,
  yellow: (t) => t,
  cyan: (t) => t,
  dim: (t) => t,
  bold: (t) => t,
};

export const COLORED: Palette = {
  enabled: true,
  green: code(32, 39),
  red: code(31, 39),
  yellow: code(33, 39),
  cyan: code(36, 39),
  dim: code(2, 22),
  bold: code(1, 22),
};

/**
 * Colour is on for a terminal, off for pipes and files; `--no-color` and `NO_COLOR` (any
 * non-empty value, https://no-color.org) turn it off, `FORCE_COLOR` (other than "0") on.
 */
export function colorEnabled(
  stream: { readonly isTTY?: boolean },
  noColorFlag = false,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (noColorFlag || (env.NO_COLOR ?? "") !== "") {
    return false;
  }
  if (env.FORCE_COLOR !== undefined) {
    return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  }
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function palette(enabled: boolean): Palette {
  return enabled ? COLORED : PLAIN;
}

/** A migration's state, coloured: green done, yellow waiting or changed, red broken. */
export function colorState(p: Palette, state: string, text = state): string {
  switch (state) {
    case "up":
    case "done":
    case "undone":
      return p.green(text);
    case "pending":
    case "changed":
    case "interrupted":
    case "awaiting-approval":
    case "rolled back":
    case "stopped":
      return p.yellow(text);
    case "failed":
    case "missing file":
      return p.red(text);
    default:
      return text;
  }
}
