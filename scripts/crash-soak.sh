#!/usr/bin/env bash
# The crash soak (issue 10): two instances of the built jar on one fresh PostgreSQL database, driven through
# the REST API by scripts/CrashSoak.java with Idempotency-Keys and retries; instance A is killed with
# kill -9 at about 40 % of the intakes and again at about 40 % of the actions, and restarted each time. At
# the end the database is checked: every answered code stored once, no dossier twice, none lost, no action
# applied twice, no event publication left incomplete. Exits non-zero when a check fails.
#
#   ./mvnw -B -q package -DskipTests            # once, for target/motcua-*.jar
#   scripts/crash-soak.sh                       # 2,000 dossiers, 8 threads
#   DOSSIERS=500 THREADS=4 scripts/crash-soak.sh
#
# Settings (environment): DOSSIERS (2000), THREADS (8), FULL_EVERY (4: one dossier in four goes through the
# whole lifecycle, the others are assigned only), KILL_AT (40, per cent), SOAK_DB (motcua_soak, dropped and
# created), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, PORT_A (8081), PORT_B (8082),
# JAVA_OPTS (-Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DOSSIERS=${DOSSIERS:-2000}
THREADS=${THREADS:-8}
FULL_EVERY=${FULL_EVERY:-4}
KILL_AT=${KILL_AT:-40}
SOAK_DB=${SOAK_DB:-motcua_soak}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
DIR=$ROOT/target/crash-soak
RUN=soak$(date +%s)

JAR=$(ls "$ROOT"/target/motcua-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$JAR" ]; then
  echo "no target/motcua-*.jar: build it first (./mvnw -B -q package -DskipTests)" >&2
  exit 2
fi

rm -rf "$DIR"
mkdir -p "$DIR/a" "$DIR/b"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$DIR/soak.log"; }

psql -q -d postgres -c "drop database if exists $SOAK_DB" -c "create database $SOAK_DB"

start() { # name port
  (cd "$DIR/$1" && exec java $JAVA_OPTS -jar "$JAR" --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$SOAK_DB" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
    --motcua.demo.enabled=true >> "$DIR/$1.log" 2>&1) &
  echo $! > "$DIR/$1.pid"
}

up() { # port
  curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health"
}

wait_up() { # name port
  for _ in $(seq 1 240); do
    if up "$2"; then return 0; fi
    if ! kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; then log "instance $1 died on start (see $DIR/$1.log)"; return 1; fi
    sleep 0.5
  done
  log "instance $1 did not start in 2 minutes"; return 1
}

stop_all() {
  for name in a b; do
    if [ -f "$DIR/$name.pid" ]; then kill "$(cat "$DIR/$name.pid")" 2>/dev/null || true; fi
  done
}
trap stop_all EXIT

# A first: it migrates the empty database and loads the demo ward; then B
log "starting A on $PORT_A (migrations, demo data) and B on $PORT_B; database $SOAK_DB"
start a "$PORT_A"; wait_up a "$PORT_A"
start b "$PORT_B"; wait_up b "$PORT_B"
log "both up"

java "$ROOT/scripts/CrashSoak.java" --a "http://127.0.0.1:$PORT_A" --b "http://127.0.0.1:$PORT_B" \
  --dossiers "$DOSSIERS" --threads "$THREADS" --full-every "$FULL_EVERY" --run "$RUN" --dir "$DIR" \
  > "$DIR/driver.out" 2>&1 &
DRIVER=$!

# kill -9 A at KILL_AT % of each phase, once A is up, and restart it at once
killed=""
while kill -0 "$DRIVER" 2>/dev/null; do
  if [ ! -s "$DIR/progress" ]; then sleep 0.2; continue; fi
  read -r phase done total < "$DIR/progress" || { sleep 0.2; continue; }
  if [ "$phase" = intake ] || [ "$phase" = actions ]; then
    if [[ " $killed " != *" $phase "* ]] && [ "$total" -gt 0 ] && [ $((done * 100)) -ge $((total * KILL_AT)) ] \
        && up "$PORT_A"; then
      kill -9 "$(cat "$DIR/a.pid")"
      wait "$(cat "$DIR/a.pid")" 2>/dev/null || true
      log "kill -9 A during the $phase phase at $done of $total"
      killed="$killed $phase"
      start a "$PORT_A"
      ( wait_up a "$PORT_A" && log "A is up again" ) &
    fi
  fi
  sleep 0.2
done
wait "$DRIVER" && driver=0 || driver=$?
cat "$DIR/driver.out" | tee -a "$DIR/soak.log"

# the listeners finish what the registry holds (A republishes what it held when killed, on restart)
wait_up a "$PORT_A" || true
for _ in $(seq 1 120); do
  left=$(psql -tA -d "$SOAK_DB" -c "select count(*) from event_publication where completion_date is null")
  [ "$left" = 0 ] && break
  sleep 1
done

touch "$DIR/answered.csv" "$DIR/applied.csv"
psql -q -tA -F '|' -v ON_ERROR_STOP=1 -d "$SOAK_DB" > "$DIR/checks.txt" <<SQL
create temp table answered (code varchar(40), applicant varchar(200));
\copy answered from '$DIR/answered.csv' csv
create temp table applied (code varchar(40), action varchar(30));
\copy applied from '$DIR/applied.csv' csv
create temp table run as select * from dossier where applicant_name like 'Soak $RUN %';
select 'info: codes answered', count(*) from answered;
select 'info: dossiers of the run stored', count(*) from run;
select 'info: actions answered', count(*) from applied;
select 'answered codes not stored (lost)', count(*) from answered a where not exists (select 1 from dossier d where d.code = a.code);
select 'answered codes stored for another applicant', count(*) from answered a join dossier d on d.code = a.code where d.applicant_name <> a.applicant;
select 'codes stored more than once', count(*) from (select code from dossier group by code having count(*) > 1) x;
select 'applicants with two dossiers (one key, two intakes)', count(*) from (select applicant_name from run group by applicant_name having count(*) > 1) x;
select 'dossiers stored but never answered', count(*) from run r where not exists (select 1 from answered a where a.code = r.code);
select 'gaps in the codes of a day', coalesce(sum(gap), 0) from (select max(cast(substring(code from 18 for 4) as int)) - count(*) as gap from dossier where unit_code = 'H56.15.40' group by substring(code from 1 for 16)) x;
select 'actions applied twice', count(*) from (select h.dossier_id, h.action from dossier_history h join run r on r.id = h.dossier_id group by h.dossier_id, h.action having count(*) > 1) x;
select 'answered actions not in the history', count(*) from applied p where not exists (select 1 from dossier_history h join dossier d on d.id = h.dossier_id where d.code = p.code and h.action = upper(replace(p.action, '-', '_')));
select 'event publications left incomplete', count(*) from event_publication where completion_date is null;
select 'idempotency claims never completed', count(*) from api_idempotency where status is null;
SQL
failed=0
while IFS='|' read -r label value; do
  if [[ "$label" != info:* ]] && [ "$value" != 0 ]; then failed=1; label="FAIL $label"; fi
  log "$label: $value"
done < "$DIR/checks.txt"
if [ "$failed" = 0 ] && [ "$driver" = 0 ]; then
  log "crash soak passed: 0 lost, 0 duplicated"
else
  log "crash soak FAILED (driver exit $driver; see $DIR)"
  exit 1
fi
