# Sourced by the bench/* scripts, not run: finds a JDK 21+ and builds the bench module (and what it depends on)
# when an output is missing or older than the sources.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$root/bin/java-home")"
export JAVA_HOME
target="$root/bench/target"
jar="$target/socialsync-bench-0.1.0-SNAPSHOT.jar"
classpath="$target/classpath.txt"

# build_if_stale OUTPUT...: builds when one is missing or a source is newer than the first
build_if_stale() {
  local out stale=""
  for out in "$@"; do [[ -f "$out" ]] || stale=yes; done
  if [[ -z "$stale" ]]; then
    stale="$(find "$root/pom.xml" "$root/bench/pom.xml" "$root/bench/src" "$root/app/pom.xml" "$root/app/src/main" \
               "$root/media/pom.xml" "$root/media/src/main" -newer "$1" -print -quit 2>/dev/null)"
  fi
  if [[ -n "$stale" ]]; then
    echo "bench/$(basename "$0"): building the bench module and what it depends on..." >&2
    (cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >&2
  fi
}

# run_bench CLASS ARGS...: io.socialsync.bench.CLASS on the bench module's runtime classpath
run_bench() {
  build_if_stale "$jar" "$classpath"
  exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -cp "$jar:$(cat "$classpath")" "io.socialsync.bench.$1" "${@:2}"
}
