import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

describe("the generated API client", () => {
  // The .NET api tests check openapi.json against the running api; this checks the types against openapi.json.
  it("matches the committed OpenAPI document (run scripts/generate-api-client.sh when it does not)", () => {
    const generated = execFileSync(here("../../node_modules/.bin/openapi-typescript"), [here("./openapi.json")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });

    expect(generated).toBe(readFileSync(here("./schema.d.ts"), "utf8"));
  }, 60_000);
});
