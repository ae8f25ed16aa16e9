/** The shape of GET /api/platform/status (Platform.Api/Status/PlatformStatus.cs). */
export type PlatformStatus = {
  database: {
    reachable: boolean;
    latestMigration: string | null;
    appliedMigrations: number;
    pendingMigrations: number;
    error: string | null;
  };
  redis: { reachable: boolean; latencyMs: number | null; error: string | null };
  checkedAt: string;
};

export async function fetchPlatformStatus(signal?: AbortSignal): Promise<PlatformStatus> {
  const response = await fetch("/api/platform/status", { signal, cache: "no-store" });
  if (!response.ok) {
    throw new Error(`The API answered ${response.status} ${response.statusText}`.trim());
  }
  return (await response.json()) as PlatformStatus;
}
