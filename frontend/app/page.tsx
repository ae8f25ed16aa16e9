import { StatusPanel } from "@/components/StatusPanel";

export default function HomePage() {
  return (
    <main>
      <h1>Platform status</h1>
      <StatusPanel />
    </main>
  );
}
