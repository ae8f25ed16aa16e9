import { describe, expect, it } from "vitest";
import { signInHref, sitePath } from "./signIn";

describe("signInHref", () => {
  it("carries a path of this site to come back to", () => {
    expect(signInHref("/guilds/1?tab=usage")).toBe("/api/auth/login?returnTo=%2Fguilds%2F1%3Ftab%3Dusage");
  });

  it("never carries another site's address", () => {
    expect(signInHref("//evil.example/x")).toBe("/api/auth/login?returnTo=%2F");
    expect(signInHref("https://evil.example")).toBe("/api/auth/login?returnTo=%2F");
  });
});

describe("sitePath", () => {
  it.each(["/\t/evil.example/", "/\n/evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", " /x", "/x y", "javascript:alert(1)", ""])(
    "turns %j, which a browser could read as another site, into /",
    (path) => {
      expect(sitePath(path)).toBe("/");
    },
  );

  it("keeps a path with a query and an encoded character", () => {
    expect(sitePath("/guilds/1?tab=usage&q=%09")).toBe("/guilds/1?tab=usage&q=%09");
  });
});
