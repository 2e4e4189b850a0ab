#!/usr/bin/env bash
# Regenerates the README's screenshots from the built product, shown under Xvfb: docs/board.png, the board of a demo
# database whose interviews are on a real Radicale on 127.0.0.1 (one changed since: out of date) with the upcoming
# interviews beside it; and docs/job-view.png, the board filtered by keyboard (Ctrl+F, "Engineer") and a job's own
# view opened from it by keyboard (Tab to the cards, Right, Enter).
# Usage: releng/scripts/screenshots.sh [PRODUCT_DIR]   (needs radicale, xdotool and ImageMagick's import)
set -euo pipefail
. "$(dirname "$0")/build-env.sh"
ensure_java
product=${1:-$PRODUCT}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'alice:secret\n' > "$work/users"
radicale --server-hosts "127.0.0.1:$port" --auth-type htpasswd --auth-htpasswd-filename "$work/users" \
  --auth-htpasswd-encryption plain --rights-type owner_only --storage-filesystem-folder "$work/storage" \
  > "$work/radicale.log" 2>&1 &
mkdir -p "$work/config/integrations" "$work/home"
printf 'tier: paid\n' > "$work/config/user.yaml"
printf 'caldav_url: http://127.0.0.1:%s/\nusername: alice\napp_password: secret\ncalendar_name: Interviews\n' "$port" \
  > "$work/config/integrations/apple_calendar.yaml"
cli() { HOME="$work/home" "$product/peregrine-cli" --db "$work/demo.db" --config "$work/config" "$@"; }
cli demo --jobs 60 > /dev/null
sleep 1
# Two phone-screen interviews tomorrow, near the top of their column (it is sorted by date): push both, then move
# the second one's time, so that the board shows one card up to date and one out of date.
mapfile -t ids < <(cli jobs list --stage phone_screen --json | python3 -c '
import json, sys
jobs = sorted(json.load(sys.stdin), key=lambda j: -j["id"])
print("\n".join(str(j["id"]) for j in jobs[:2]))')
tomorrow=$(date -d tomorrow +%F)
cli interview set "${ids[0]}" "$tomorrow" --time 10:00 --zone Europe/Berlin --duration 45 --location "https://meet.example.com/abc-defg-hij" > /dev/null
cli interview set "${ids[1]}" "$tomorrow" --time 15:30 --zone Europe/Berlin > /dev/null
cli calendar push "${ids[0]}" > /dev/null
cli calendar push "${ids[1]}" > /dev/null
cli interview set "${ids[1]}" "$tomorrow" --time 16:30 --zone Europe/Berlin > /dev/null
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1280x900x24 > /dev/null 2>&1 &
sleep 1
DISPLAY=$display HOME="$work/home" "$product/peregrine" --db "$work/demo.db" --config "$work/config" > "$work/workbench.log" 2>&1 &
for _ in $(seq 60); do
  DISPLAY=$display xdotool search --name "Peregrine" > /dev/null 2>&1 && break
  sleep 1
done
sleep 8
DISPLAY=$display import -window root "$PEREGRINE_ROOT/docs/board.png"
keys() { DISPLAY=$display xdotool "$@"; sleep 1; }
keys key ctrl+f
keys type --delay 80 "Engineer"
keys key Tab
keys key Tab
keys key Right
keys key Return
sleep 2
DISPLAY=$display import -window root "$PEREGRINE_ROOT/docs/job-view.png"
say "wrote docs/board.png and docs/job-view.png"
