// A CommonJS helper next to the migrations, in a "type": "module" project.
const initial = require("./initial.js");

module.exports = {
  initialValue: initial.value,
  bankDeposit: "1",
};
