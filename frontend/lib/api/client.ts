import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

let csrfToken: string | null = null;

/** The session's CSRF token, from GET /api/me; sent with every request that changes something. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !["GET", "HEAD", "OPTIONS"].includes(request.method)) {
      request.headers.set("X-CSRF-Token", csrfToken);
    }
    return request;
  },
};

/** The api on this site's own origin (the frontend proxies /api/*), typed from its OpenAPI document. */
export function createApiClient(baseUrl = typeof window === "undefined" ? "" : window.location.origin) {
  const client = createClient<paths>({ baseUrl });
  client.use(csrf);
  return client;
}

export const api = createApiClient();

export type Schemas = import("./schema").components["schemas"];
