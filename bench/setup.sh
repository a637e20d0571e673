#!/usr/bin/env bash
# Builds the jar, writes the fixtures, unpacks Postfix's smtp-sink and smtp-source into
# target/bench, and installs the Python peer awdeorio/mailmerge 2.3.0 into a virtual environment
# under target/bench/peer (nothing is installed system-wide; nothing outside target/ is touched).
#
# The peer comes from PyPI: `pip install mailmerge==2.3.0`. Where PyPI cannot be reached, a copy
# of mailmerge's source may be named instead: MAILMERGE_SRC=/path/to/mailmerge-src bench/setup.sh
# (a folder with its pyproject.toml and mailmerge/ package); its dependencies (click, jinja2,
# markdown, html5lib) still come from the configured package index. bench/README.md says which
# was used for the published figures.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
[ -f target/circular.jar ] || mvn -q package -DskipTests
java bench/src/Fixture.java target/bench 1000 2000 10000 100000
if [ ! -x target/bench/postfix/usr/sbin/smtp-sink ]; then
  (cd target/bench && apt-get download postfix && dpkg -x postfix_*.deb postfix)
fi
LD_LIBRARY_PATH=target/bench/postfix/usr/lib/postfix target/bench/postfix/usr/sbin/smtp-source 2>&1 | head -1 || true

peer=target/bench/peer
if [ ! -x "$peer/venv/bin/mailmerge" ]; then
  python3 -m venv "$peer/venv"
  if "$peer/venv/bin/pip" install --quiet --retries 1 --timeout 10 mailmerge==2.3.0; then
    echo "mailmerge 2.3.0 installed from the package index into $peer/venv"
  elif [ -n "${MAILMERGE_SRC:-}" ]; then
    "$peer/venv/bin/pip" install --quiet --retries 1 --timeout 10 "$MAILMERGE_SRC"
    echo "mailmerge installed from the source folder $MAILMERGE_SRC into $peer/venv"
  else
    echo "mailmerge 2.3.0 could not be installed (no package index?); the side-by-side run leaves it out." >&2
    echo "Name a copy of its source to install instead: MAILMERGE_SRC=/path/to/mailmerge-src bench/setup.sh" >&2
  fi
fi
[ -x "$peer/venv/bin/mailmerge" ] && "$peer/venv/bin/mailmerge" --version || true
