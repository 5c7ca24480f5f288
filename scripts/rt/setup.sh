#!/usr/bin/env bash
# Installs (if needed), configures and starts a local Request Tracker 5 on 127.0.0.1:8080 for the
# browser tests, then creates a customer and a ticket through RT's REST2 API. Idempotent: run it
# again and it reuses what is there. Needs root (apt, /etc). Prints RT_URL and the ticket id.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/credentials.env"
state=/tmp/backstory-rt
mkdir -p "$state"
fail() { echo "RT setup failed: $*" >&2; exit 1; }

if ! dpkg -s request-tracker5 rt5-db-sqlite rt5-standalone >/dev/null 2>&1; then
  echo "Installing Request Tracker 5 from Debian (about 2 minutes)..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends request-tracker5 rt5-db-sqlite rt5-standalone rt5-clients; } \
    >"$state/apt.log" 2>&1 || fail "apt-get install failed, see $state/apt.log"
fi

# Site configuration: where RT answers, and the requestor's Organization on the ticket page.
cat >/etc/request-tracker5/RT_SiteConfig.d/90-backstory-test.pm <<PERL
Set(\$rtname, 'northwind-test');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, 8080);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:8080');
Set(\$MoreAboutRequestorExtraInfo, 'Organization');
Set(\$CorrespondAddress, 'support\@northwind-it.test');
Set(\$CommentAddress, 'comment\@northwind-it.test');
Set(\$RestrictReferrer, 0);
Set(\$LogToSTDERR, 'warning');
1;
PERL

# Root's password and the General queue's rights, through RT's Perl API (rt-passwd is interactive).
perl -e '
  use lib "/usr/share/request-tracker5/lib";
  use RT; RT::LoadConfig(); RT::Init();
  my $root = RT::User->new(RT->SystemUser); $root->Load("root");
  my ($ok, $msg) = $root->SetPassword($ARGV[0]); die "root password: $msg\n" unless $ok || $msg =~ /already/i;
  my $queue = RT::Queue->new(RT->SystemUser); $queue->Load("General") or die "no General queue\n";
  my $everyone = RT::Group->new(RT->SystemUser); $everyone->LoadSystemInternalGroup("Everyone");
  for my $right (qw(CreateTicket ReplyToTicket SeeQueue ShowTicket)) {
    $everyone->PrincipalObj->GrantRight(Right => $right, Object => $queue);
  }
' "$RT_PASSWORD" || fail "could not set root's password or queue rights"

# Start the standalone server unless it already answers.
if ! curl -fsS -o /dev/null "$RT_URL/NoAuth/Login.html" 2>/dev/null; then
  echo "Starting rt-server on $RT_URL..."
  nohup /usr/share/request-tracker5/libexec/rt-server --host 127.0.0.1 --port 8080 --max-workers 2 \
    >"$state/rt-server.log" 2>&1 &
  echo $! >"$state/rt-server.pid"
  for _ in $(seq 1 90); do
    curl -fsS -o /dev/null "$RT_URL/NoAuth/Login.html" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "$RT_URL/NoAuth/Login.html" || fail "rt-server did not answer within 90 s, see $state/rt-server.log"
fi

api() { curl -fsS -u "$RT_USER:$RT_PASSWORD" -H 'Content-Type: application/json' "$@"; }

# The customer: an unprivileged user whose Organization is the sample data's company.
if ! api "$RT_URL/REST/2.0/user/dana@acmedental.com" >/dev/null 2>&1; then
  api -X POST "$RT_URL/REST/2.0/user" -d '{"Name":"dana@acmedental.com","EmailAddress":"dana@acmedental.com","RealName":"Dana Whitfield","Organization":"Acme Dental Group","Privileged":0}' >/dev/null \
    || fail "REST2 could not create the customer (is REST2 reachable with basic auth?)"
fi

# The ticket, created once; found again by its subject.
subject="Dentrix scheduler down since 7am"
id=$(api -G "$RT_URL/REST/2.0/tickets" --data-urlencode "query=Subject = '$subject'" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["items"][0]["id"] if d.get("items") else "")')
if [ -z "$id" ]; then
  id=$(api -X POST "$RT_URL/REST/2.0/ticket" -d "{\"Queue\":\"General\",\"Subject\":\"$subject\",\"Requestor\":\"dana@acmedental.com\",\"Content\":\"The front desk cannot book patients. Please call me. Dana\",\"ContentType\":\"text/plain\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || fail "REST2 could not create the ticket"
fi
api "$RT_URL/REST/2.0/ticket/$id" >/dev/null || fail "ticket $id does not exist after creation"
echo "$id" >"$state/ticket-id"
echo "RT_URL=$RT_URL"
echo "RT_TICKET_ID=$id"
