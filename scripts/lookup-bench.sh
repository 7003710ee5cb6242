#!/usr/bin/env bash
# Look-up load benchmark (issue 10): the citizen's look-up through the API, GET /api/v1/lookup/{code}?digits=,
# driven by wrk (Debian's package) on loopback against the built jar.
#
#   ./mvnw -B -q package -DskipTests
#   scripts/lookup-bench.sh [h2|postgres] [seconds=30] [connections=32] [one|many]
#
# one: every request from one address (one hot row in rate_limit_counter: the worst case);
# many (the default): as behind the ward's proxy, each request with a random client address in
# X-Forwarded-For, which the application believes from loopback (a trusted proxy, as in production).
#
# The limits per address and per dossier stay on (each look-up still counts in rate_limit_counter), but
# are raised so that the benchmark's one address is not refused. PostgreSQL: a fresh database
# motcua_bench at 127.0.0.1:5432 (user postgres, trust auth). Extra JVM options: JAVA_OPTS="...".
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-h2}
SECONDS_RUN=${2:-30}
CONNS=${3:-32}
ADDRESSES=${4:-many}
PORT=${PORT:-8090}
JAR=$(ls target/motcua-*.jar | grep -v original | head -1)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
WORK=$(mktemp -d)
ARGS=(--server.port=$PORT --motcua.files.dir=$WORK/files
      --motcua.limits.lookup.limit=1000000000 --motcua.limits.wrong-digits.limit=1000000000
      --logging.level.root=WARN --server.forward-headers-strategy=native
      --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' --server.tomcat.remoteip.remote-ip-header=X-Forwarded-For)
if [ "$MODE" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists motcua_bench" -c "create database motcua_bench" postgres
  ARGS+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/motcua_bench --spring.datasource.username=postgres
         --spring.datasource.password= --motcua.demo.enabled=true --motcua.admin.password=motcua-demo)
else
  ARGS+=(--spring.datasource.url="jdbc:h2:file:$WORK/motcua;QUERY_CACHE_SIZE=128")
fi
java ${JAVA_OPTS:-} -jar "$JAR" "${ARGS[@]}" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for i in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
BODY='{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
 "applicant": {"name": "Nguyễn Văn An", "idNumber": "038090001234", "phone": "0912345678"},
 "components": [{"name": "Tờ khai đăng ký khai sinh", "originals": 1},
   {"name": "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", "originals": 1},
   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}'
CODE=$(curl -fs -u quangcu.motcua:motcua-demo -H 'Content-Type: application/json' -d "$BODY" \
  "http://127.0.0.1:$PORT/api/v1/dossiers" | sed -E 's/.*"dossier":\{"code":"([^"]+)".*/\1/')
URL="http://127.0.0.1:$PORT/api/v1/lookup/$CODE?digits=1234"
curl -fs "$URL" >/dev/null || { echo "look-up of $CODE failed"; tail -30 "$WORK/app.log"; exit 1; }
SCRIPT=()
if [ "$ADDRESSES" = many ]; then
  cat > "$WORK/addresses.lua" <<'LUA'
request = function()
  local address = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", nil, { ["X-Forwarded-For"] = address })
end
LUA
  SCRIPT=(-s "$WORK/addresses.lua")
fi
echo "== $MODE, $ADDRESSES address(es), dossier $CODE; warm-up 15 s"
wrk -t2 -c"$CONNS" -d15s "${SCRIPT[@]}" "$URL" >/dev/null
echo "== measured: wrk -t2 -c$CONNS -d${SECONDS_RUN}s --latency ${SCRIPT[*]} $URL"
wrk -t2 -c"$CONNS" -d"${SECONDS_RUN}s" --latency "${SCRIPT[@]}" "$URL"
