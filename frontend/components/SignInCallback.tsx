"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { api } from "@/lib/api/client";
import { describeProblem } from "@/lib/api/problem";
import { sitePath } from "@/lib/signIn";

/** Hands Discord's code and state to the api, then goes where the sign-in started. */
export function SignInCallback({ client = api }: { client?: typeof api }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  // A code is good once: React's development double-run of effects must not send it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) {
      return;
    }
    sent.current = true;
    if (params.get("error")) {
      setError(params.get("error") === "access_denied" ? "The sign-in was cancelled on Discord." : `Discord refused the sign-in: ${params.get("error")}.`);
      return;
    }

    client
      .POST("/api/auth/callback", { body: { code: params.get("code"), state: params.get("state") } })
      .then(({ data, error: problem, response }) => {
        if (data) {
          router.replace(sitePath(data.returnTo));
        } else {
          setError(describeProblem(problem, response));
        }
      })
      .catch(() => setError("The platform could not be reached. Try again."));
  }, [client, params, router]);

  if (error) {
    return (
      <section className="card" role="alert">
        <p className="bad">{error}</p>
        <a className="button" href="/login">
          Sign in again
        </a>
      </section>
    );
  }

  return <p role="status">Signing you in…</p>;
}
