import { NextResponse, type NextRequest } from "next/server";

// A client says where it connects from only through the socket: its own forwarding headers are dropped
// here, and Next then sets X-Forwarded-For to the connection's address for app/api's route handler.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const claim of ["x-forwarded-for", "forwarded", "x-real-ip"]) {
    headers.delete(claim);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: "/api/:path*",
};
