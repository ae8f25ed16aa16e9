// Sums the results of every suite into the one closing line CI reads:
// "N passed, N failed, N skipped". A suite that crashed before reporting counts as one failure.
// Failed tests are named just above that line, because CI keeps only the end of the output.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

const firstLine = (text) => (text ?? "").trim().split("\n")[0].slice(0, 300);
const unescapeXml = (text) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

for (const file of readdirSync(dir)) {
  const text = readFileSync(join(dir, file), "utf8");
  if (file.endsWith(".trx")) {
    const counters = /<Counters\b([^>]*)\/?>/.exec(text)?.[1] ?? "";
    const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
    totals.passed += count("passed");
    totals.failed += count("failed") + count("error") + count("timeout") + count("aborted");
    totals.skipped += count("notExecuted") + count("inconclusive");
    for (const [result] of text.matchAll(/<UnitTestResult\b[^>]*outcome="Failed"[\s\S]*?<\/UnitTestResult>/g)) {
      const name = unescapeXml(/testName="([^"]*)"/.exec(result)?.[1] ?? "?");
      const message = unescapeXml(/<Message>([\s\S]*?)<\/Message>/.exec(result)?.[1] ?? "");
      failures.push(`${name}: ${firstLine(message)}`);
    }
  } else if (file.endsWith(".tap")) {
    // node --test's TAP summary: "# pass N", "# fail N", "# cancelled N", "# skipped N", "# todo N".
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    totals.passed += count("pass");
    totals.failed += count("fail") + count("cancelled");
    totals.skipped += count("skipped") + count("todo");
    for (const [, name] of text.matchAll(/^not ok \d+ - (.*)$/gm)) failures.push(name);
  } else if (file.endsWith(".vitest.json")) {
    const report = JSON.parse(text);
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    for (const test of report.testResults.flatMap((suite) => suite.assertionResults)) {
      if (test.status === "failed") failures.push(`${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
  }
}

const crashed = join(dir, "crashed");
if (existsSync(crashed)) {
  const suites = readFileSync(crashed, "utf8").split("\n").filter(Boolean);
  totals.failed += suites.length;
  failures.push(...suites.map((suite) => `${suite}: the suite produced no results`));
}

if (failures.length > 0) {
  console.log("Failed:");
  for (const failure of failures) console.log(`  ${failure}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
