/**
 * Forwards a browser's /api request to the api and its answer back, so that the session cookie stays
 * first-party. A route handler rather than a rewrite: Next's rewrite proxy told the browser the api's
 * internal address (x-middleware-rewrite), passed on a client's own X-Forwarded-For, and answered a
 * plain-text 500 when the api refused an oversized body before reading it all.
 */

/** The api's own limit on a request body (ApiDefaults.MaxRequestBodyBytes): larger ones are refused here, never half-sent. */
export const maxBodyBytes = 256 * 1024;

// Hop-by-hop headers (RFC 9110 §7.6.1), the client's own claims about where it is, and what fetch sets itself.
const requestHeadersDropped = new Set([
  "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length",
  "accept-encoding", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto", "x-real-ip",
]);

// fetch has already undone the api's content encoding, and Next sets the length of what it sends.
const responseHeadersDropped = new Set(["connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length", "set-cookie"]);

export interface ProxiedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  /** The address of whoever connected to this server: the only client address the api is told. */
  peerAddress: string | null;
}

export async function proxyToApi(request: ProxiedRequest, apiBase: string, send: typeof fetch = fetch): Promise<Response> {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!requestHeadersDropped.has(name)) {
      headers.set(name, value);
    }
  });
  if (request.peerAddress) {
    headers.set("x-forwarded-for", request.peerAddress);
  }
  headers.set("x-forwarded-proto", request.url.protocol.replace(":", ""));
  headers.set("x-forwarded-host", request.headers.get("host") ?? request.url.host);

  let body: Uint8Array<ArrayBuffer> | undefined;
  if (request.method !== "GET" && request.method !== "HEAD" && request.body) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    const read = declared > maxBodyBytes ? null : await readAtMost(request.body, maxBodyBytes);
    if (read === null) {
      return tooLarge();
    }
    body = read;
  }

  const target = new URL(request.url.pathname + request.url.search, apiBase);
  const answer = await send(target, { method: request.method, headers, body, redirect: "manual", cache: "no-store" });
  const returned = new Headers();
  answer.headers.forEach((value, name) => {
    if (!responseHeadersDropped.has(name)) {
      returned.set(name, value);
    }
  });
  for (const cookie of answer.headers.getSetCookie()) {
    returned.append("set-cookie", cookie);
  }
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: returned });
}

/** The whole body, or null as soon as it passes the limit (the rest is never read). */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(length));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(): Response {
  return Response.json(
    { type: "https://tools.ietf.org/html/rfc9110#section-15.5.14", title: "Request too large", status: 413, detail: `Requests are limited to ${maxBodyBytes / 1024} KiB.` },
    { status: 413, headers: { "content-type": "application/problem+json" } },
  );
}
