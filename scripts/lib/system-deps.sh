# Sourced by the project's scripts: installs the Debian packages the test suite drives for
# real (Chromium for end-to-end tests, PostgreSQL 15 for the production database path)
# when they are missing. Needs root (CI and the dev machines run as root).

APT_UPDATED=""

apt_install() {
  if [ "$(id -u)" != "0" ]; then
    echo "✖ $* missing and not root: install it with apt-get (Debian packages: $*)" >&2
    return 1
  fi
  if [ -z "$APT_UPDATED" ]; then
    apt-get update -qq >&2 && APT_UPDATED=1
  fi
  echo "› apt-get install $*" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_postgres() {
  [ -x /usr/lib/postgresql/15/bin/initdb ] || apt_install postgresql-15
}
