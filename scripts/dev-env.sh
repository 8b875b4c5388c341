# For developers: `source scripts/dev-env.sh` starts the embedded PostgreSQL and exports ORGTRACKER_DB and
# ORGTRACKER_TEST_DB, so that `dotnet test` and `dotnet run` work without the wrappers.
source "$(dirname "${BASH_SOURCE[0]}")/db.sh"
ensure_cluster
ensure_database orgtracker
ensure_database orgtracker_test
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=orgtracker"
export ORGTRACKER_TEST_DB="$ORGTRACKER_DB_BASE;Database=orgtracker_test"
set +eu +o pipefail
