# shellcheck shell=bash
# Finds a JDK >= 21 and exports JAVA_HOME. Sourced by ./clearline and .ci/run,
# so the rule lives in one place:
#   1. $JAVA_HOME, if it is a JDK >= 21
#   2. the newest JDK >= 21 under /usr/lib/jvm (CLEARLINE_JVM_DIR overrides, for tests)
#   3. the JDK of `java` on PATH, if >= 21
# A JDK (with javac), not a JRE: the launcher builds the sources.

CLEARLINE_MIN_JAVA=21

# Prints the feature version (21, 25, ...) of the JDK at $1; fails if it is no JDK.
clearline_jdk_version() {
  local home=$1 version=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  if [[ -f "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [[ -z $version ]]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [[ $version =~ ^[0-9]+$ ]] || return 1
  # Java 8 and older report "1.x": far below the minimum either way
  echo "$version"
}

clearline_find_jdk() {
  local candidate version best="" best_version=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    if version=$(clearline_jdk_version "$JAVA_HOME") && ((version >= CLEARLINE_MIN_JAVA)); then
      export JAVA_HOME
      return 0
    fi
    echo "clearline: ignoring JAVA_HOME=$JAVA_HOME (not a JDK $CLEARLINE_MIN_JAVA or newer)" >&2
  fi
  for candidate in "${CLEARLINE_JVM_DIR:-/usr/lib/jvm}"/*/; do
    candidate=${candidate%/}
    version=$(clearline_jdk_version "$candidate") || continue
    if ((version >= CLEARLINE_MIN_JAVA && version > best_version)); then
      best=$candidate
      best_version=$version
    fi
  done
  if [[ -n $best ]]; then
    export JAVA_HOME=$best
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if version=$(clearline_jdk_version "$candidate") && ((version >= CLEARLINE_MIN_JAVA)); then
      export JAVA_HOME=$candidate
      return 0
    fi
  fi
  cat >&2 <<MESSAGE
clearline: no JDK $CLEARLINE_MIN_JAVA or newer found (looked at JAVA_HOME, ${CLEARLINE_JVM_DIR:-/usr/lib/jvm}/*, java on PATH).
Install one, then run this again (or point JAVA_HOME at it):
  Debian 13 / Ubuntu 24.04:  apt-get install openjdk-21-jdk-headless
  Debian 12 and others:      Eclipse Temurin 21 or newer, https://adoptium.net/installation/linux/
                             (apt-get install temurin-21-jdk after adding the Adoptium repository)
MESSAGE
  return 1
}
