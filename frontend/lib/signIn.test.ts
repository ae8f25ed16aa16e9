import { describe, expect, it } from "vitest";
import { signInHref } from "./signIn";

describe("signInHref", () => {
  it("carries a path of this site to come back to", () => {
    expect(signInHref("/guilds/1?tab=usage")).toBe("/api/auth/login?returnTo=%2Fguilds%2F1%3Ftab%3Dusage");
  });

  it("never carries another site's address", () => {
    expect(signInHref("//evil.example/x")).toBe("/api/auth/login?returnTo=%2F");
    expect(signInHref("https://evil.example")).toBe("/api/auth/login?returnTo=%2F");
  });
});
