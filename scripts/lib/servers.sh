# Shared by the scripts that start throwaway servers for tests. Source it; it defines functions only.

# The first loopback port from $1 upwards that nothing listens on.
free_port() {
  local port="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Sends signal $3 to PID $2 and waits up to 10 s for it to exit; $1 names the server in the error.
stop_by_pid() {
  local name="$1" pid="$2" signal="$3"
  kill "-$signal" "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "$name (PID $pid) did not stop in 10 s" >&2
  return 1
}

# Whether GET PATH ($2) on 127.0.0.1:PORT ($1) answers 200 (bash's /dev/tcp: nothing to install).
answers_ok() {
  local status=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
  read -r -t 10 _ status _ <&3 || true
  exec 3<&-
  [[ "$status" == 200 ]]
}

# The psql of the newest PostgreSQL installed (scripts/postgres.sh installs one when none is).
psql_bin() { echo "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql"; }
