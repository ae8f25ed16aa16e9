import { Suspense } from "react";
import { SignInCallback } from "@/components/SignInCallback";

export const metadata = { title: "Signing in · Platform admin" };

export default function CallbackPage() {
  return (
    <main>
      <h1>Signing in</h1>
      <Suspense fallback={<p role="status">Signing you in…</p>}>
        <SignInCallback />
      </Suspense>
    </main>
  );
}
