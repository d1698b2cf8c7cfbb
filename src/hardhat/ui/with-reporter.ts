import type { RunMigrationsOptions } from "../../types.js";
import { ConsoleReporter } from "./console-reporter.js";

/** `run({ reporter: "console" })`: the options with a console reporter in front of `onEvent`. */
export function withReporter(options: RunMigrationsOptions): RunMigrationsOptions {
  if (options.reporter !== "console") {
    return options;
  }
  const reporter = new ConsoleReporter({ simulation: options.simulate === true });
  const { onEvent } = options;
  return {
    ...options,
    onEvent: (event) => {
      reporter.onEvent(event);
      onEvent?.(event);
      if (event.type === "finished" || event.type === "migration-failed") {
        reporter.close();
      }
    },
  };
}
