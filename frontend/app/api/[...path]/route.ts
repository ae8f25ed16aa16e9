import { headers } from "next/headers";
import type { NextRequest } from "next/server";
import { apiBaseUrl } from "@/lib/apiBaseUrl";
import { proxyToApi } from "@/lib/apiProxy";

export const dynamic = "force-dynamic";

// proxy.ts removes whatever X-Forwarded-For the client sent, so that Next fills it in with the connection's own address.
async function forward(request: NextRequest): Promise<Response> {
  const peerAddress = (await headers()).get("x-forwarded-for");
  return proxyToApi({ method: request.method, url: request.nextUrl, headers: request.headers, body: request.body, peerAddress }, apiBaseUrl());
}

export { forward as DELETE, forward as GET, forward as HEAD, forward as OPTIONS, forward as PATCH, forward as POST, forward as PUT };
