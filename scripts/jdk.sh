# Sourced by ./gangway and the bench scripts: finds a JDK 25 or newer and exports JAVA_HOME and PATH,
# or says what is missing and exits. $1 names the caller in the message.
java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! jdk_found=$(find_jdk); then
  echo "${1:-gangway}: no JDK 25 or newer found." >&2
  echo "  Looked at \$JAVA_HOME (${JAVA_HOME:-unset}) and /usr/lib/jvm/*." >&2
  echo "  Install one (e.g. Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$jdk_found"
export PATH="$JAVA_HOME/bin:$PATH"
