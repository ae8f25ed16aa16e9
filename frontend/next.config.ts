import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The published image runs the standalone server (node server.js) with no node_modules.
  output: "standalone",
  poweredByHeader: false,
};

export default nextConfig;
