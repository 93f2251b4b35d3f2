#!/usr/bin/env bash
# A PostgreSQL server on localhost for the store tests, on a fresh Debian machine; safe to run again.
# Prints only the database URL on stdout (everything else goes to stderr), so CI can do:
#   export SELON_TEST_POSTGRES_URL=$(bash .ci/postgres.sh)
set -euo pipefail
# fd 3 is the caller's stdout (often a `$(...)` pipe); every command that may leave a daemon behind runs with
# it closed (`3>&-`), or the server would hold the pipe open and the caller would wait for ever.
exec 3>&1 1>&2

ROLE=${SELON_PG_ROLE:-selon}
PASSWORD=${SELON_PG_PASSWORD:-selon}
DATABASE=${SELON_PG_DATABASE:-selon_test}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null 3>&-
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$VERSION main"; then
    as_root pg_createcluster "$VERSION" main 3>&-
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    as_root pg_ctlcluster "$VERSION" main start 3>&-
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')

for _ in $(seq 1 30); do
    pg_isready -q -h localhost -p "$PORT" && break
    sleep 1
done
pg_isready -h localhost -p "$PORT"

psql_admin() { as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

echo "postgresql://$ROLE:$PASSWORD@localhost:$PORT/$DATABASE" >&3
