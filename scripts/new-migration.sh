#!/usr/bin/env bash
# Writes src/ClusterWatch.Core/Migrations/{Sqlite,PostgreSQL}/NNNN_name.sql with the CREATE statements of the named new tables.
# Usage: ./scripts/new-migration.sh 0003_industry_chains IndustryChains ChainLinks
# Only for new tables; a change to an existing table needs a hand-written ALTER script (and MigrationTests will say so).
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"; shift
[[ "$name" =~ ^[0-9]{4}_[a-z0-9_]+$ ]] || { echo "name must look like 0003_industry_chains" >&2; exit 2; }
[ $# -gt 0 ] || { echo "name at least one table" >&2; exit 2; }
dotnet build src/ClusterWatch.Cli -v q -nologo >/dev/null
for p in Sqlite PostgreSQL; do
  dotnet run --no-build --project src/ClusterWatch.Cli -- db script --provider $p --tables "$@" > src/ClusterWatch.Core/Migrations/$p/$name.sql
done
echo "wrote src/ClusterWatch.Core/Migrations/*/$name.sql"
