#!/usr/bin/env bash
# Stops the PHP web server that setup.sh started (MariaDB keeps running; `service mariadb stop` ends it).
pid_file=/tmp/backstory-osticket/php-server.pid
if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
