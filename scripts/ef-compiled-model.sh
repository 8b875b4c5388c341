#!/usr/bin/env bash
# Writes EF Core's compiled model of AppDbContext again (src/OrgTracker.Web/Data/CompiledModel), after any change of
# the model (an entity, a configuration, a migration). The member import command starts from it
# (Startup.UseCompiledModel); tests/OrgTracker.Tests/Data/CompiledModelTests.cs fails while it is out of date.
#
#   scripts/ef-compiled-model.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/db.sh
ensure_cluster >/dev/null
ensure_database orgtracker_dev >/dev/null
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=orgtracker_dev"
EF=(dotnet ef)
command -v dotnet-ef >/dev/null 2>&1 && EF=(dotnet-ef)
[ -x "$HOME/.dotnet/tools/dotnet-ef" ] && EF=("$HOME/.dotnet/tools/dotnet-ef")
out=src/OrgTracker.Web/Data/CompiledModel
rm -rf "$out"
# Built without the copy being replaced (OrgTracker.Web.csproj), which may no longer compile after the change.
NoCompiledModel=true "${EF[@]}" dbcontext optimize --project src/OrgTracker.Web -c AppDbContext -o Data/CompiledModel -n OrgTracker.Web.Data.CompiledModel
# Used only where asked for (UseModel), not found by EF Core on its own.
rm -f "$out/AppDbContextAssemblyAttributes.cs"
echo "Compiled model written to $out"
