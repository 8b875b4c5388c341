#!/bin/sh
# docker-compose.yml: run by the postgres image when it creates the database (a new volume). Lets the "scale"
# profile's replica (db-replica) stream from this primary as the orgtracker user, with its password.
set -e
echo "host replication orgtracker all scram-sha-256" >>"$PGDATA/pg_hba.conf"
