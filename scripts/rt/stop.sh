#!/usr/bin/env bash
# Stops the rt-server that setup.sh started.
pid_file=/tmp/backstory-rt/rt-server.pid
if [ -f "$pid_file" ]; then kill "$(cat "$pid_file")" 2>/dev/null || true; rm -f "$pid_file"; fi
pkill -f 'libexec/rt-server' 2>/dev/null || true
