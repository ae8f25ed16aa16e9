"use client";

import type { ReactNode } from "react";
import type { Schemas } from "@/lib/api/client";
import { useCurrentUser } from "@/lib/useCurrentUser";
import { UserMenu } from "./UserMenu";

/** A page for signed-in users: the account menu, a way back to the server list, and the content once the user is known. */
export function SignedInPage({ title, backToServers = false, children }: {
  title?: string;
  backToServers?: boolean;
  children: (user: Schemas["CurrentUser"]) => ReactNode;
}) {
  const me = useCurrentUser();
  return (
    <main>
      {me.kind === "ready" && <UserMenu user={me.user} />}
      {backToServers && (
        <p>
          <a href="/guilds">← Your servers</a>
        </p>
      )}
      {title && <h1>{title}</h1>}
      {me.kind === "loading" && <p role="status">Checking your sign-in…</p>}
      {me.kind === "error" && (
        <p role="alert" className="bad">
          {me.message}
        </p>
      )}
      {me.kind === "ready" && children(me.user)}
    </main>
  );
}
