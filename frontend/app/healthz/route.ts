// Answers the AppHost's and Compose's health probes without touching the API.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("Healthy", { headers: { "content-type": "text/plain" } });
}
