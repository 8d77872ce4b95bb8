#!/usr/bin/env bash
# Runs rectifyd the way rectifyd.service would, on a machine where systemd is not PID 1
# (containers, CI): the unit's ExecStart= command line as its User=/Group= with its UMask=,
# the directories of StateDirectory=/RuntimeDirectory=/ConfigurationDirectory= with their
# modes and owners, the credentials of LoadCredential= in $CREDENTIALS_DIRECTORY, and the
# environment systemd sets (NOTIFY_SOCKET, WATCHDOG_USEC, STATE_DIRECTORY, …). The notify
# messages are printed as "notify: …". The sandbox options (ProtectSystem=, the syscall
# filter, …) are not reproduced: docs/install.md says how they were checked.
#
# Usage (as root): systemd/run-as-unit.sh [UNIT_FILE]
#   default UNIT_FILE: /usr/local/lib/systemd/system/rectifyd.service
# Ctrl-C (SIGINT) or `kill -TERM` the printed pid stop it; `kill -HUP` reloads.
set -euo pipefail

unit=${1:-/usr/local/lib/systemd/system/rectifyd.service}
[ -r "$unit" ] || { echo "run-as-unit: no unit file $unit (make install first)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "run-as-unit: run as root (it switches to the unit's user)" >&2; exit 1; }

key() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }
exec_start=$(key ExecStart)
user=$(key User)
group=$(key Group)
umask_value=$(key UMask)
watchdog=$(key WatchdogSec)
credential=$(key LoadCredential)
id "$user" >/dev/null 2>&1 || { echo "run-as-unit: no user $user (systemd-sysusers creates it)" >&2; exit 1; }

# The directories systemd creates before ExecStart=, with the unit's modes and owners.
state=/var/lib/$(key StateDirectory)
runtime=/run/$(key RuntimeDirectory)
config=/etc/$(key ConfigurationDirectory)
install -d -m "$(key StateDirectoryMode)" -o "$user" -g "$group" "$state"
install -d -m "$(key RuntimeDirectoryMode)" -o "$user" -g "$group" "$runtime"
install -d -m "$(key ConfigurationDirectoryMode)" "$config"

# LoadCredential=ID:DIR → every file DIR/NAME as $CREDENTIALS_DIRECTORY/ID_NAME, read-only,
# readable by the unit's user only.
credentials=$(mktemp -d /run/rectifyd-credentials.XXXXXX)
notify_dir=$(mktemp -d)
cleanup() {
    rm -rf "$credentials" "$notify_dir" "$runtime"
    [ -n "${listener:-}" ] && kill "$listener" 2>/dev/null || true
}
trap cleanup EXIT
if [ -n "$credential" ]; then
    id_prefix=${credential%%:*}
    source_dir=${credential#*:}
    for file in "$source_dir"/*; do
        [ -f "$file" ] || continue
        install -m 0400 -o "$user" "$file" "$credentials/${id_prefix}_$(basename "$file")"
    done
fi
chown "$user" "$credentials"
chmod 0500 "$credentials"

# A notify socket like systemd's: prints what the daemon tells systemd.
notify_socket=$notify_dir/notify
python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
while True:
    print("notify: " + s.recv(4096).decode().replace("\n", " "), flush=True)
' "$notify_socket" &
listener=$!
chmod 0755 "$notify_dir"
for _ in $(seq 50); do [ -S "$notify_socket" ] && break; sleep 0.1; done
chmod 0666 "$notify_socket"

watchdog_usec=$(( ${watchdog%s} * 1000000 ))
echo "run-as-unit: $exec_start (user $user, umask $umask_value, WatchdogSec=$watchdog)" >&2
# shellcheck disable=SC2086  # ExecStart= is split into words, as systemd does for simple lines
(
    umask "$umask_value"
    cd /
    exec setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
        env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        HOME="$state" USER="$user" LOGNAME="$user" \
        NOTIFY_SOCKET="$notify_socket" WATCHDOG_USEC="$watchdog_usec" \
        STATE_DIRECTORY="$state" RUNTIME_DIRECTORY="$runtime" CONFIGURATION_DIRECTORY="$config" \
        CREDENTIALS_DIRECTORY="$credentials" \
        $exec_start
) &
daemon=$!
echo "run-as-unit: rectifyd pid $daemon" >&2
trap 'kill -TERM $daemon 2>/dev/null' INT TERM
status=0
while kill -0 "$daemon" 2>/dev/null; do wait "$daemon" || status=$?; done
echo "run-as-unit: rectifyd exited with status $status" >&2
exit "$status"
