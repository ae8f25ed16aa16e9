import { StatusPanel } from "@/components/StatusPanel";

export default function HomePage() {
  return (
    <main>
      <p>
        <a className="button" href="/guilds">
          Manage your servers
        </a>
      </p>
      <h1>Platform status</h1>
      <StatusPanel />
    </main>
  );
}
