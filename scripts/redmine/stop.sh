#!/usr/bin/env bash
# Stops the thin server that setup.sh started.
pid_file=/tmp/backstory-redmine/thin.pid
if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
