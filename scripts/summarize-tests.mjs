// Sums the results of every suite into the one closing line CI reads:
// "N passed, N failed, N skipped". A suite that crashed before reporting counts as one failure.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const totals = { passed: 0, failed: 0, skipped: 0 };

for (const file of readdirSync(dir)) {
  const text = readFileSync(join(dir, file), "utf8");
  if (file.endsWith(".trx")) {
    const counters = /<Counters\b([^>]*)\/?>/.exec(text)?.[1] ?? "";
    const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
    totals.passed += count("passed");
    totals.failed += count("failed") + count("error") + count("timeout") + count("aborted");
    totals.skipped += count("notExecuted") + count("inconclusive");
  } else if (file.endsWith(".tap")) {
    // node --test's TAP summary: "# pass N", "# fail N", "# cancelled N", "# skipped N", "# todo N".
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    totals.passed += count("pass");
    totals.failed += count("fail") + count("cancelled");
    totals.skipped += count("skipped") + count("todo");
  } else if (file.endsWith(".vitest.json")) {
    const report = JSON.parse(text);
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
}

const crashed = join(dir, "crashed");
if (existsSync(crashed)) {
  totals.failed += readFileSync(crashed, "utf8").split("\n").filter(Boolean).length;
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
