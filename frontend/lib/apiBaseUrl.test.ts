import { describe, expect, it } from "vitest";
import { apiBaseUrl } from "./apiBaseUrl";

describe("apiBaseUrl", () => {
  it("prefers the service-discovery variable Aspire sets", () => {
    expect(apiBaseUrl({ services__api__http__0: "http://localhost:5123", API_URL: "http://other" })).toBe(
      "http://localhost:5123",
    );
  });

  it("falls back to API_URL, as a Compose deployment sets it", () => {
    expect(apiBaseUrl({ API_URL: "http://api:8080" })).toBe("http://api:8080");
  });

  it("says what to set when nothing is configured", () => {
    expect(() => apiBaseUrl({})).toThrow(/services__api__http__0/);
  });
});
