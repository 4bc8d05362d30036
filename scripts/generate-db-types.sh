#!/usr/bin/env bash
# Regenerates src/db/types.ts from the migrations, on a scratch database of the local Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${CODEGEN_DATABASE_URL:-postgres://postgres@127.0.0.1:5432}"
psql "$base/postgres" -qc "DROP DATABASE IF EXISTS epgoat_codegen" -c "CREATE DATABASE epgoat_codegen"
npx tsx scripts/migrate.ts "$base/epgoat_codegen"
npx kysely-codegen --dialect postgres --url "$base/epgoat_codegen" --out-file src/db/types.ts
npx prettier --write src/db/types.ts >/dev/null
psql "$base/postgres" -qc "DROP DATABASE epgoat_codegen"
