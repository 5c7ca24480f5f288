#!/usr/bin/env bash
# Installs (if needed), configures and starts a local Redmine 5 from Debian (SQLite, served by
# Debian's thin) on 127.0.0.1:8081, then creates a customer organisation, its requester and an
# issue from her through Redmine's own models (seed.rb). Idempotent: run it again and it reuses
# what is there. Needs root (apt). Prints REDMINE_URL and the issue id.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/credentials.env"
state=/tmp/backstory-redmine
mkdir -p "$state" && chmod 0755 "$state"
fail() { echo "Redmine setup failed: $*" >&2; exit 1; }
port="${REDMINE_URL##*:}"

if ! dpkg -s redmine redmine-sqlite thin >/dev/null 2>&1; then
  echo "Installing Redmine from Debian (3 to 5 minutes)..."
  export DEBIAN_FRONTEND=noninteractive
  echo "redmine redmine/instances/default/database-type select sqlite3" | debconf-set-selections
  echo "redmine redmine/instances/default/dbconfig-install boolean true" | debconf-set-selections
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends redmine redmine-sqlite thin; } \
    >"$state/apt.log" 2>&1 || fail "apt-get install failed, see $state/apt.log"
fi

# Redmine runs as www-data, which may not read this checkout (CI's may be under /root): the seed
# is copied beside the logs first.
install -m 0644 "$here/seed.rb" "$state/seed.rb"
cd /usr/share/redmine
runuser -u www-data -- env RAILS_ENV=production REDMINE_PASSWORD="$REDMINE_PASSWORD" \
  ruby bin/rails runner "$state/seed.rb" >"$state/seed.log" 2>&1 || fail "seeding failed, see $state/seed.log"
id=$(sed -n 's/^ISSUE_ID=//p' "$state/seed.log")
[ -n "$id" ] || fail "no issue id, see $state/seed.log"

# Debian's Gemfile loads thin when it is installed; thin serves Redmine as www-data.
if ! curl -fsS -o /dev/null "$REDMINE_URL/login" 2>/dev/null; then
  echo "Starting Redmine (thin) on $REDMINE_URL..."
  nohup thin start -e production -c /usr/share/redmine -a 127.0.0.1 -p "$port" -u www-data -g www-data \
    >"$state/thin.log" 2>&1 &
  echo $! >"$state/thin.pid"
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$REDMINE_URL/login" 2>/dev/null && break; sleep 1; done
  curl -fsS -o /dev/null "$REDMINE_URL/login" || fail "Redmine did not answer within 120 s, see $state/thin.log"
fi
echo "$id" >"$state/issue-id"
echo "REDMINE_URL=$REDMINE_URL"
echo "REDMINE_ISSUE_ID=$id"
