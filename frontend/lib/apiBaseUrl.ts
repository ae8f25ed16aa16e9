/**
 * The API's address as Aspire service discovery hands it over (services__api__http__0),
 * read at request time: rewrites in next.config are frozen when `next build` runs.
 */
export function apiBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.services__api__https__0 ?? env.services__api__http__0 ?? env.API_URL;
  if (!url) {
    throw new Error("The API's address is not configured: set services__api__http__0 (Aspire sets it) or API_URL.");
  }
  return url;
}
