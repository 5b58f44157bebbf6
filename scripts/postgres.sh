# Sourced: ensure_postgres makes a PostgreSQL answer on 127.0.0.1:5432 (trust auth,
# user postgres), starting the local cluster, or installing it from Debian, if needed.
pg_answers() {
  (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}

ensure_postgres() {
  if pg_answers; then echo "PostgreSQL is up on 127.0.0.1:5432"; return 0; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  # Tests connect as postgres over TCP without a password, as on the CI machines.
  grep -qE '^host\s+all\s+all\s+127.0.0.1/32\s+trust' "$hba" ||
    sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_answers && return 0; sleep 1; done
  echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2
  return 1
}
