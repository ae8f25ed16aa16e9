import { describe, expect, it } from "vitest";
import { usd } from "./format";

describe("usd", () => {
  it("shows cents, and what a single call costs without rounding it away", () => {
    expect([usd(12.5), usd(0), usd(0.0000078), usd(0.004)]).toEqual(["$12.50", "$0.00", "$0.0000078", "$0.004"]);
  });
});
