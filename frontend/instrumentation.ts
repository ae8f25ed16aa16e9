import { registerOTel } from "@vercel/otel";

// Aspire passes OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME; without them nothing is exported.
export function register() {
  registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME ?? "frontend" });
}
