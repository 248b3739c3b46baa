#!/usr/bin/env bash
# Rewrites 0001_initial.sql for both providers from the EF model (only while 0001 is unreleased; later changes get a new NNNN file).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ClusterWatch.Cli -v q -nologo >/dev/null
for p in Sqlite PostgreSQL; do
  dotnet run --no-build --project src/ClusterWatch.Cli -- db script --provider $p > src/ClusterWatch.Core/Migrations/$p/0001_initial.sql
done
echo "wrote src/ClusterWatch.Core/Migrations/*/0001_initial.sql"
