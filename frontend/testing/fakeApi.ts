import { createApiClient } from "@/lib/api/client";

/** A request as the component sent it: the JSON body parsed, when there is one. */
export type SentRequest = { method: string; url: string; csrf: string | null; body: unknown };

/** A typed api client whose every request is recorded and answered by <paramref name="answer"/>, never sent. */
export function fakeApi(answer: (request: Request) => Response) {
  const sent: SentRequest[] = [];
  const client = createApiClient("http://platform.test");
  client.use({
    async onRequest({ request }) {
      const text = await request.clone().text();
      sent.push({ method: request.method, url: request.url, csrf: request.headers.get("X-CSRF-Token"), body: text ? JSON.parse(text) : null });
      return answer(request) as never;
    },
  });
  return { client, sent };
}

/** The api's answer: JSON, a problem (RFC 9457) from 400 up, or nothing for 204. */
export function json(body: unknown, status = 200) {
  if (status === 204) {
    return new Response(null, { status });
  }
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });
}
