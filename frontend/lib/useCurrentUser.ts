"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api, setCsrfToken, type Schemas } from "@/lib/api/client";
import { describeProblem } from "@/lib/api/problem";
import { loginPageHref } from "@/lib/signIn";

export type CurrentUserState =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; user: Schemas["CurrentUser"] };

/** The signed-in user; someone signed out is sent to the sign-in page, to come back here after. */
export function useCurrentUser(client = api): CurrentUserState {
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState<CurrentUserState>({ kind: "loading" });

  useEffect(() => {
    let current = true;
    client
      .GET("/api/me")
      .then(({ data, error, response }) => {
        if (!current) {
          return;
        }
        if (response.status === 401) {
          router.replace(loginPageHref(pathname));
        } else if (data) {
          setCsrfToken(data.csrfToken);
          setState({ kind: "ready", user: data });
        } else {
          setState({ kind: "error", message: describeProblem(error, response) });
        }
      })
      .catch(() => current && setState({ kind: "error", message: "The platform could not be reached." }));
    return () => {
      current = false;
    };
  }, [client, pathname, router]);

  return state;
}
