#!/usr/bin/env bash
# Regenerates the frontend's API client from the api: writes the api's OpenAPI document to
# frontend/lib/api/openapi.json (through the api tests, which run the real api on real Postgres and
# Redis), then the TypeScript types in frontend/lib/api/schema.d.ts. Commit both.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
dotnet build tests/Platform.Api.Tests -nologo -v quiet -clp:ErrorsOnly
UPDATE_API_CLIENT=1 dotnet test tests/Platform.Api.Tests --no-build --nologo --filter "FullyQualifiedName~OpenApiDocumentTests"
cd frontend
npx openapi-typescript lib/api/openapi.json --output lib/api/schema.d.ts
