# Sourced by the bench scripts: `fresh_database NAME FOLDER` exports DATABASE_URL for an empty database,
# a SQLite file in FOLDER, or with BACKEND=postgres the database NAME on 127.0.0.1:5432, dropped and made
# again.
fresh_database() {
  local name=$1 folder=$2
  if [ "${BACKEND:-sqlite}" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$name
  else
    export DATABASE_URL=sqlite://$folder/pravo.db
  fi
}
