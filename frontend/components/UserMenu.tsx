"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, setCsrfToken, type Schemas } from "@/lib/api/client";

/** Who is signed in, and the way out. */
export function UserMenu({ user, client = api }: { user: Schemas["CurrentUser"]; client?: typeof api }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    await client.POST("/api/auth/logout");
    setCsrfToken(null);
    router.replace("/login");
  }

  return (
    <nav className="user-menu" aria-label="Account">
      <span>
        Signed in as <strong>{user.globalName ?? user.username}</strong>
      </span>
      <button type="button" onClick={signOut} disabled={busy}>
        Sign out
      </button>
    </nav>
  );
}
