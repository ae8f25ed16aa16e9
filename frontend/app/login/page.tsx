import { signInHref } from "@/lib/signIn";

export const metadata = { title: "Sign in · Platform admin" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const { returnTo = "/guilds" } = await searchParams;
  return (
    <main>
      <h1>Sign in</h1>
      <section className="card">
        <p>Sign in with the Discord account that manages your server. The platform reads your name and your server list, nothing else.</p>
        <a className="button" href={signInHref(returnTo)}>
          Sign in with Discord
        </a>
      </section>
    </main>
  );
}
