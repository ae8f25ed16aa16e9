import { NextResponse, type NextRequest } from "next/server";
import { apiBaseUrl } from "@/lib/apiBaseUrl";

// The browser only ever talks to this origin, so the API's session cookie stays first-party.
export function proxy(request: NextRequest) {
  const target = new URL(request.nextUrl.pathname + request.nextUrl.search, apiBaseUrl());
  return NextResponse.rewrite(target);
}

export const config = {
  matcher: "/api/:path*",
};
