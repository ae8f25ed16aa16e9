import type { Schemas } from "@/lib/api/client";

type Row = Schemas["UsageRow"];

/** Rows of day × model turned into one entry per day with a cost per model, for a stacked bar chart. */
export function stackByModel(rows: Row[]): { days: Record<string, string | number>[]; models: string[] } {
  const models = [...new Set(rows.map((r) => r.split ?? "unknown"))].sort();
  const byDay = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const day = byDay.get(row.key) ?? { day: row.key };
    day[row.split ?? "unknown"] = row.costUsd;
    byDay.set(row.key, day);
  }
  return { days: [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))), models };
}

/** The last 30 days, today included, as the api counts them (UTC). */
export function lastThirtyDays(now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 29 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { from, to };
}
