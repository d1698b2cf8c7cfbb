import { expect } from "chai";

import {
  callingConvention,
  moduleFormat,
  parameterNames,
  requiredArtifactNames,
  undeclaredContractNames,
} from "../../../src/core/truffle/script-style.js";

describe("Truffle script detection", () => {
  it("loads .js files as CommonJS only when they use module.exports, exports.x or require without import/export", () => {
    expect(moduleFormat("1_a.js", `module.exports = function (deployer) {};`)).to.equal("commonjs");
    expect(moduleFormat("1_a.js", `exports.default = async function (deployer) {};`)).to.equal("commonjs");
    expect(moduleFormat("1_a.js", `const x = require("./x");\nx();`)).to.equal("commonjs");
    expect(moduleFormat("1_a.cjs", `anything`)).to.equal("commonjs");
    expect(moduleFormat("1_a.js", `export default async function ({ deploy }) {}`)).to.equal("esm");
    expect(moduleFormat("1_a.js", `import x from "y";\nmodule.exports = x;`)).to.equal("esm");
    // Keywords in comments and strings don't count.
    expect(moduleFormat("1_a.js", `// export default nothing\nmodule.exports = function () { return "import x from y"; };`)).to.equal("commonjs");
    expect(moduleFormat("1_a.js", `/* module.exports = */ export default () => {};`)).to.equal("esm");
    expect(moduleFormat("1_a.ts", `module.exports = function () {};`)).to.equal("esm");
    expect(moduleFormat("1_a.mjs", `module.exports = function () {};`)).to.equal("esm");
  });

  it("reads parameter names of functions, arrows and async functions", () => {
    // As the scripts are written (the test file itself is transpiled).
    const names = (source: string) => parameterNames(new Function(`return ${source}`)() as (...args: never[]) => unknown);
    expect(names(`function (deployer, network, accounts) {}`)).to.deep.equal(["deployer", "network", "accounts"]);
    expect(names(`async (accounts, done) => {}`)).to.deep.equal(["accounts", "done"]);
    expect(names(`async ({ deploy, log }) => {}`)).to.deep.equal(["{ deploy, log }"]);
    expect(names(`deployer => deployer`)).to.deep.equal(["deployer"]);
    expect(names(`async function named(a = (1, 2), /* b, */ c) {}`)).to.deep.equal(["a = (1, 2)", "c"]);
  });

  it("calls (deployer, network, accounts) as Truffle, (accounts, done) as TIP #1, and destructured or ctx as the context style", () => {
    const style = (source: string) => callingConvention(new Function(`return ${source}`)() as (...args: never[]) => unknown);
    expect(style(`function (deployer, network, accounts) {}`)).to.equal("truffle");
    expect(style(`function (deployer) {}`)).to.equal("truffle");
    expect(style(`async (d, n) => {}`)).to.equal("truffle");
    expect(style(`function () {}`)).to.equal("truffle");
    expect(style(`function (accounts, done) {}`)).to.equal("tip");
    expect(style(`function (accs, callback) {}`)).to.equal("tip");
    expect(style(`function (accounts) {}`)).to.equal("tip");
    expect(style(`async ({ deploy, registry }) => {}`)).to.equal("context");
    expect(style(`async function (ctx) {}`)).to.equal("context");
  });

  it("finds artifacts.require literals, and contracts a TIP #1 script uses without declaring them", () => {
    const source = `
      var MetaCoin = artifacts.require("MetaCoin");
      const Lib = artifacts.require('./ConvertLib.sol');
      module.exports = function (accounts, done) {
        Hub.deployed().then(function (hub) { return Spoke.new(1); });
        MetaCoin.deployed(); Lib.address; Promise.resolve(); console.log("Quoted.new(");
      };`;
    expect(requiredArtifactNames(source)).to.deep.equal(["MetaCoin", "./ConvertLib.sol"]);
    expect(undeclaredContractNames(source)).to.deep.equal(["Hub", "Spoke"]);
  });
});
