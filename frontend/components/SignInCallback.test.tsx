import { render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi, json } from "@/testing/fakeApi";
import { SignInCallback } from "./SignInCallback";

const replace = vi.fn();
let search = new URLSearchParams();
vi.mock("next/navigation", () => ({
  useRouter: () => ({ replace }),
  useSearchParams: () => search,
}));

const recordingClient = (status: number, body: unknown) => fakeApi(() => json(body, status));

describe("SignInCallback", () => {
  beforeEach(() => replace.mockReset());

  it("hands the code and state to the api once and goes where the sign-in started", async () => {
    search = new URLSearchParams({ code: "c0de", state: "st4te" });
    const { client, sent } = recordingClient(200, { returnTo: "/guilds/42" });

    render(<SignInCallback client={client} />);

    await waitFor(() => expect(replace).toHaveBeenCalledWith("/guilds/42"));
    expect(sent.map((request) => request.body)).toEqual([{ code: "c0de", state: "st4te" }]);
  });

  it("never leaves the site, whatever path the api hands back", async () => {
    search = new URLSearchParams({ code: "c0de", state: "st4te" });
    const { client } = recordingClient(200, { returnTo: "/\t/evil.example/" });

    render(<SignInCallback client={client} />);

    await waitFor(() => expect(replace).toHaveBeenCalledWith("/"));
  });

  it("explains a refused sign-in and offers to start again", async () => {
    search = new URLSearchParams({ code: "c0de", state: "forged" });
    const { client } = recordingClient(400, { title: "Sign-in refused", detail: "The sign-in expired, was already used, or was started in another browser. Sign in again.", status: 400 });

    render(<SignInCallback client={client} />);

    expect((await screen.findByRole("alert")).textContent).toContain("was started in another browser");
    expect(screen.getByRole("link", { name: "Sign in again" }).getAttribute("href")).toBe("/login");
    expect(replace).not.toHaveBeenCalled();
  });

  it("says so when the user cancelled on Discord, without calling the api", async () => {
    search = new URLSearchParams({ error: "access_denied", state: "st4te" });
    const { client, sent } = recordingClient(200, {});

    render(<SignInCallback client={client} />);

    expect((await screen.findByRole("alert")).textContent).toContain("cancelled");
    expect(sent).toEqual([]);
  });
});
