import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The published image runs the standalone server (node server.js) with no node_modules.
  output: "standalone",
  poweredByHeader: false,
  experimental: {
    // The AppHost stops next dev abruptly; a cache it left half-written made the next run reload
    // its pages in a loop. Compiling afresh costs a few seconds per start.
    turbopackFileSystemCacheForDev: false,
  },
};

export default nextConfig;
