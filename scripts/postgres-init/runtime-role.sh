#!/bin/sh
# The runtime role Parley serves as: it can log in and owns nothing. Migrations,
# run as the owner (POSTGRES_USER), grant it DML on Parley's tables.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$PARLEY_APP_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE parley_app LOGIN PASSWORD %L', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_app') \gexec
SQL
