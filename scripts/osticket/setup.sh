#!/usr/bin/env bash
# Installs (if needed), configures and starts a local osTicket 1.18.1 on 127.0.0.1:8082 (PHP's
# built-in web server, MariaDB from Debian), then creates a customer organisation, a user in it
# and a ticket from that user through osTicket's own CLI (setup/cli/manage.php) and its ticket
# API. Idempotent: run it again and it reuses what is there. Needs root (apt, MariaDB).
#
# osTicket is not in Debian: it needs the source of tag v1.18.1 in $OSTICKET_SRC (default
# /opt/backstory-osticket/src), e.g.
#   git clone --depth 1 --branch v1.18.1 https://github.com/osTicket/osTicket "$OSTICKET_SRC"
# Prints OSTICKET_URL and the ticket's database id.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/credentials.env"
src="${OSTICKET_SRC:-/opt/backstory-osticket/src}"
state=/tmp/backstory-osticket
mkdir -p "$state"
fail() { echo "osTicket setup failed: $*" >&2; exit 1; }
[ -f "$src/main.inc.php" ] || fail "no osTicket source in $src (see the comment at the top of this script)"
port="${OSTICKET_URL##*:}"
db=osticket_backstory
dbuser=osticket
dbpass=backstory-test-only

pkgs=(mariadb-server php8.2-cli php8.2-mysql php8.2-intl php8.2-gd php8.2-mbstring php8.2-xml php8.2-apcu php8.2-imap)
if ! dpkg -s "${pkgs[@]}" >/dev/null 2>&1; then
  echo "Installing MariaDB and PHP from Debian (about 2 minutes)..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${pkgs[@]}"; } \
    >"$state/apt.log" 2>&1 || fail "apt-get install failed, see $state/apt.log"
fi

# MariaDB: started through its init script unless it answers; root logs in by unix socket.
if ! mysqladmin ping >/dev/null 2>&1; then
  service mariadb start >"$state/mariadb.log" 2>&1 || fail "MariaDB did not start, see $state/mariadb.log"
fi
mysql -e "CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4;
  CREATE USER IF NOT EXISTS '$dbuser'@'localhost' IDENTIFIED BY '$dbpass';
  GRANT ALL ON $db.* TO '$dbuser'@'localhost';" || fail "could not create the database"

# PHP's built-in server, which routes /x.php/path to x.php with PATH_INFO as osTicket expects.
if ! curl -fsS -o /dev/null "$OSTICKET_URL/scp/login.php" 2>/dev/null && ! curl -fsS -o /dev/null "$OSTICKET_URL/setup/" 2>/dev/null; then
  echo "Starting PHP's web server on $OSTICKET_URL..."
  cd "$src"
  nohup php -d display_errors=0 -d session.save_path="$state" -S "127.0.0.1:$port" -t "$src" >"$state/php-server.log" 2>&1 &
  echo $! >"$state/php-server.pid"
  cd - >/dev/null
  for _ in $(seq 1 30); do curl -fsS -o /dev/null "$OSTICKET_URL/setup/" 2>/dev/null && break; sleep 1; done
fi

# The installer, through its own form (setup/install.php), once.
config="$src/include/ost-config.php"
if ! grep -q "define('OSTINSTALLED',TRUE)" "$config" 2>/dev/null; then
  cp "$src/include/ost-sampleconfig.php" "$config"
  chmod 0666 "$config"
  jar="$state/install.cookies"
  rm -f "$jar"
  curl -fsS -c "$jar" -b "$jar" -o /dev/null "$OSTICKET_URL/setup/install.php"
  curl -fsS -c "$jar" -b "$jar" -o "$state/install.html" "$OSTICKET_URL/setup/install.php" \
    --data-urlencode s=install --data-urlencode name="Northwind IT Helpdesk" \
    --data-urlencode email=support@northwind-it.test --data-urlencode lang_id=en_US \
    --data-urlencode fname=Sam --data-urlencode lname=Agent --data-urlencode admin_email=sam.agent@northwind-it.test \
    --data-urlencode username="$OSTICKET_USER" --data-urlencode passwd="$OSTICKET_PASSWORD" \
    --data-urlencode passwd2="$OSTICKET_PASSWORD" --data-urlencode prefix=ost_ --data-urlencode dbhost=localhost \
    --data-urlencode dbname="$db" --data-urlencode dbuser="$dbuser" --data-urlencode dbpass="$dbpass" \
    --data-urlencode timezone=UTC || fail "the installer did not answer"
  grep -q "define('OSTINSTALLED',TRUE)" "$config" || fail "the installer did not finish, see $state/install.html"
  chmod 0644 "$config"
fi

sql() { mysql -N -B "$db" -e "$1"; }
# The customer organisation and its user, through osTicket's CLI importers.
org=$(sql "SELECT id FROM ost_organization WHERE name='Acme Dental Group'")
if [ -z "$org" ]; then
  printf 'name\nAcme Dental Group\n' >"$state/orgs.csv"
  php "$src/setup/cli/manage.php" org import -f "$state/orgs.csv" || fail "could not import the organisation"
  org=$(sql "SELECT id FROM ost_organization WHERE name='Acme Dental Group'")
fi
if [ -z "$(sql "SELECT user_id FROM ost_user_email WHERE address='dana@acmedental.com'")" ]; then
  printf 'name,email\nDana Whitfield,dana@acmedental.com\n' >"$state/users.csv"
  php "$src/setup/cli/manage.php" user import -f "$state/users.csv" -O "$org" || fail "could not import the user"
fi

# The ticket, as an email from the customer piped into osTicket (api/pipe.php, its documented
# local piping; the HTTP ticket API does not read its body under PHP's built-in server, which
# osTicket takes for the command line). Created once, found again by its subject.
subject="Dentrix scheduler down since 7am"
id=$(sql "SELECT t.ticket_id FROM ost_ticket t JOIN ost_ticket__cdata c ON c.ticket_id=t.ticket_id WHERE c.subject='$subject' LIMIT 1")
if [ -z "$id" ]; then
  # The signature names ANOTHER sample customer: a reader that takes customer-written text as
  # fields would match the wrong account (the fixture test checks).
  cat >"$state/ticket.eml" <<MAIL
From: Dana Whitfield <dana@acmedental.com>
To: support@northwind-it.test
Subject: $subject
Date: $(date -R)
Message-ID: <backstory-osticket-1@acmedental.com>
Content-Type: text/plain; charset=utf-8

The front desk cannot book patients. Please call me.

Dana
Company: Riverside Family Clinic
Contact: tom.becker@riversideclinic.org
Ticket #666
MAIL
  (cd "$src/api" && php pipe.php <"$state/ticket.eml") >"$state/pipe.log" 2>&1 \
    || fail "piping the email did not create the ticket: $(cat "$state/pipe.log")"
  id=$(sql "SELECT t.ticket_id FROM ost_ticket t JOIN ost_ticket__cdata c ON c.ticket_id=t.ticket_id WHERE c.subject='$subject' LIMIT 1")
fi
[ -n "$id" ] || fail "no ticket after creation"
echo "$id" >"$state/ticket-id"
sql "SELECT number FROM ost_ticket WHERE ticket_id=$id" >"$state/ticket-number"
echo "OSTICKET_URL=$OSTICKET_URL"
echo "OSTICKET_TICKET_ID=$id"
echo "OSTICKET_TICKET_NUMBER=$(cat "$state/ticket-number")"
