import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "fixture-projects/*/artifacts/", "fixture-projects/*/cache/", "bench/.work/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
      eqeqeq: ["error", "always"],
    },
  },
  {
    // Truffle projects' CommonJS files, run by the Truffle runtime with Truffle's globals.
    files: ["fixture-projects/truffle-*/migrations/**/*.js", "fixture-projects/truffle-*/truffle-config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node, artifacts: "readonly", web3: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off", "no-unused-vars": ["error", { args: "none" }], "@typescript-eslint/no-unused-vars": ["error", { args: "none" }] },
  },
  {
    // The core never depends on Hardhat: the adapter in src/hardhat/ is the only place that may.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["hardhat", "hardhat/*", "@nomicfoundation/*"], message: "src/core must stay independent of Hardhat." }] }],
    },
  },
  {
    // One transaction path: every transaction the plugin sends or waits for goes through
    // src/core/transactions/ (journaled before sending, nonces, confirmations, timeout, fee bump).
    files: ["src/**/*.ts"],
    ignores: ["src/core/transactions/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/^eth_send(Raw)?Transaction$/]",
          message: "Send through the transaction layer (src/core/transactions/), which journals before sending.",
        },
        {
          selector: "CallExpression[callee.property.name='wait'][callee.object.name!='sender'][callee.object.name!='transactions'][callee.object.property.name!='transactions']",
          message: "Wait through the migration's sender (sender.wait, or a context's transactions.wait): the run's timeout, confirmations and fee bumps.",
        },
        {
          selector: "CallExpression[callee.property.name='waitForTransaction']",
          message: "Wait through the migration's sender (sender.wait / waitForReceipt).",
        },
      ],
    },
  },
);
