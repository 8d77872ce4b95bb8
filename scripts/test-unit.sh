#!/usr/bin/env bash
# The package under a real systemd (part of scripts/test.sh): builds the .deb (`make deb`,
# reused when up to date), boots a minimal Debian 12 in systemd-nspawn — debootstrapped
# once and cached, with the package's dependencies (libcurl4, libsqlite3-0, libxml2, procps, …)
# included because the guest has no network (--private-network) — installs the package
# there with `apt-get install ./….deb` (the guest has no Swift), and checks what the unit
# promises: start at READY with a STATUS line, mails in the Maildir, reload (good and bad
# config), rectifyctl as root, as a member of the group (read only) and as another user (a
# clear refusal), the credentials' permissions, lintian, the sandbox, kill -9 and SIGABRT → restart,
# kill -STOP → the watchdog restarts it within WatchdogSec + RestartSec + 5 s (the package's
# binary, and a build linked against the toolchain's shared Swift runtime, as `make install`
# used to make), journal lines per idle minute, stop, the exposure score, enable + reboot,
# apt remove (config and state kept) and purge (both gone).
# Prints a pass/fail table and "N passed, N failed"; exits 1 if anything failed.
#
# Usage (as root): scripts/test-unit.sh [--deb FILE] [--keep]
#   --deb FILE   test this package instead of building one
#   --keep       leave the guest's directory for inspection (its path is printed)
# Environment: RECTIFYD_UNIT_CACHE (default /var/cache/rectifyd-test-unit) holds the
#   debootstrapped image; DEBIAN_MIRROR overrides the mirror taken from apt's sources;
#   IDLE_SECONDS (default 60) is the idle window whose journal lines are counted.
# This machine's PID 1 need not be systemd: nspawn runs with --keep-unit --register=no.
# No `set -e`: a failed check is recorded in the table and the run goes on; steps that
# cannot fail without making the rest meaningless say so and exit.
set -uo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.." || exit 2
die() { echo "test-unit: $*" >&2; exit 1; }

deb=""
keep=false
while [ $# -gt 0 ]; do
    case "$1" in
        --deb) deb=$(realpath "$2"); shift 2 ;;
        --keep) keep=true; shift ;;
        *) echo "test-unit: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "test-unit: run as root (debootstrap and systemd-nspawn need it)" >&2; exit 2; }
scripts/install-deps.sh --unit || die "scripts/install-deps.sh --unit failed"

suite=bookworm
cache=${RECTIFYD_UNIT_CACHE:-/var/cache/rectifyd-test-unit}
idle_seconds=${IDLE_SECONDS:-60}

# ---- results table
results=()
passed=0
failed=0
# check NAME DETAIL STATUS: one row of the table. Take STATUS into a variable first (ok=$?):
# a $? written after a $(…) in DETAIL would be that substitution's.
check() {
    local name=$1 detail=$2 status=$3
    if [ "$status" -eq 0 ]; then
        results+=("PASS|$name|$detail"); passed=$((passed + 1))
    else
        results+=("FAIL|$name|$detail"); failed=$((failed + 1))
    fi
    printf 'test-unit: %s %s — %s\n' "$([ "$status" -eq 0 ] && echo PASS || echo FAIL)" "$name" "$detail" >&2
}
print_table() {
    # Padded by characters, not bytes (printf's %-52s would count "→" as three).
    row() { printf '%-4s  %s%*s  %s\n' "$1" "$2" $((52 - ${#2})) '' "$3"; }
    echo
    row "" "check" "measured"
    row "----" "----------------------------------------------------" "--------"
    local line
    for line in "${results[@]}"; do
        IFS='|' read -r verdict name detail <<<"$line"
        row "$verdict" "$name" "$detail"
    done
    echo
    echo "test-unit: $passed passed, $failed failed"
}

# ---- the package
if [ -z "$deb" ]; then
    echo "== make deb" >&2
    deb=$(make --no-print-directory deb | tail -n 1) || die "make deb failed"
    deb=$(realpath "$deb")
fi
[ -f "$deb" ] || die "no package at $deb"

# The guest cannot download anything (--private-network): the image includes systemd and
# every package the .deb depends on (names from its Depends:, versions dropped, the first of alternatives). A change
# of dependencies makes a new image; an unchanged one is reused.
includes=$( (printf 'systemd\nsystemd-sysv\n'; dpkg-deb -f "$deb" Depends | tr ',' '\n' |
    sed 's/^[[:space:]]*//; s/[[:space:]|(].*//') | grep -v '^$' | sort -u | paste -sd, -)
image=$cache/$suite-$(printf '%s' "$includes" | sha256sum | cut -c1-12)

# ---- lintian: nothing beyond the overrides packaging/debian/lintian-overrides explains
lintian_out=$(lintian "$deb" 2>&1)
lintian_status=$?
lintian_out=$(printf '%s\n' "$lintian_out" | grep -v -e '^running with root privileges is not recommended!$' -e '^$')
[ "$lintian_status" -eq 0 ] && [ -z "$lintian_out" ]
ok=$?
check "lintian: no tags (overrides explained)" "exit $lintian_status${lintian_out:+: $(printf '%s' "$lintian_out" | head -n 3 | tr '\n' ' ')}" $ok

# ---- the image (cached)
mirror_from_apt() {
    # deb822 (.sources) and one-line (.list) entries for the main archive.
    local uri
    uri=$(sed -n 's/^URIs:[[:space:]]*\(http[^[:space:]]*debian\/\{0,1\}\)[[:space:]]*$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
    [ -n "$uri" ] || uri=$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\(http[^[:space:]]*debian\/\{0,1\}\)[[:space:]].*/\2/p' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1)
    echo "${uri:-http://deb.debian.org/debian}"
}
if [ ! -e "$image/.complete" ]; then
    mirror=${DEBIAN_MIRROR:-$(mirror_from_apt)}
    echo "== debootstrap $suite from $mirror into $image (once; cached), with $includes" >&2
    mkdir -p "$cache" || die "cannot create $cache"
    rm -rf "$image.tmp"
    if ! debootstrap --variant=minbase --include="$includes" "$suite" "$image.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1; then
        tail -n 20 "$cache/debootstrap.log" >&2
        echo "test-unit: debootstrap failed (log: $cache/debootstrap.log); is $mirror reachable? (DEBIAN_MIRROR=URL)" >&2
        exit 1
    fi
    # Users for the access checks: alice joins the group rectifyd after the install, bob never does.
    chroot "$image.tmp" useradd --create-home --shell /bin/bash alice || die "useradd alice in the image failed"
    chroot "$image.tmp" useradd --create-home --shell /bin/bash bob || die "useradd bob in the image failed"
    chroot "$image.tmp" apt-get clean
    touch "$image.tmp/.complete" && mv "$image.tmp" "$image" || die "cannot move the image to $image"
else
    echo "== image $image (cached)" >&2
fi

# ---- the guest: a copy of the image, booted
run=$(mktemp -d "$cache/run.XXXXXX") || die "cannot create a directory in $cache"
guest_root=$run/root
machine=rectifyd-test-$$
nspawn_pid=""
cleanup() {
    stop_guest
    if $keep; then echo "test-unit: guest kept in $guest_root" >&2; else rm -rf "$run"; fi
}
stop_guest() {
    [ -n "$nspawn_pid" ] || return 0
    if kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid" 2>/dev/null || true  # nspawn shuts the guest down in order
        for _ in $(seq 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$nspawn_pid" 2>/dev/null || true
    fi
    wait "$nspawn_pid" 2>/dev/null || true
    nspawn_pid=""
}
trap cleanup EXIT
cp -a --reflink=auto "$image" "$guest_root" && cp "$deb" "$guest_root/root/" || die "cannot copy the image to $guest_root"
deb_name=$(basename "$deb")

guest=""
boot_state=""
# Boots the guest in the background; sets nspawn_pid, guest (its PID 1) and boot_state.
boot() {
    systemd-nspawn -D "$guest_root" -M "$machine" -b --register=no --keep-unit --private-network \
        --console=passive >>"$run/console.log" 2>&1 &
    nspawn_pid=$!
    guest=""
    # nspawn forks twice; the guest's PID 1 is the child whose command is systemd.
    for _ in $(seq 100); do
        guest=$(ps -o pid=,comm= --ppid "$nspawn_pid" | awk '$2 == "systemd" { print $1; exit }')
        [ -n "$guest" ] && break
        sleep 0.1
    done
    [ -n "$guest" ] || die "the guest did not start (log: $run/console.log)"
    # Until systemd listens on its private socket, systemctl cannot ask it anything.
    boot_state=""
    for _ in $(seq 300); do
        boot_state=$(timeout 60 nsenter -t "$guest" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
            systemctl is-system-running --wait 2>/dev/null)
        [ -n "$boot_state" ] && break
        sleep 0.1
    done
}
# Runs a command in the guest, with the guest's environment.
g() { nsenter -t "$guest" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }
# Sends signal $1 to the guest's process $2 (the shell's kill: no procps needed).
signal() { g sh -c 'kill -s "$1" "$2"' sh "$1" "$2"; }
# A property of the unit.
prop() { g systemctl show -P "$1" rectifyd.service; }
# Waits up to $1 seconds for `$2…` to succeed; prints the seconds it took.
wait_for() {
    local limit=$1; shift
    local start; start=$(date +%s.%N)
    while ! "$@" >/dev/null 2>&1; do
        if awk -v s="$start" -v l="$limit" -v n="$(date +%s.%N)" 'BEGIN { exit !(n - s > l) }'; then return 1; fi
        sleep 0.2
    done
    awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'
}
# systemd's time spans as whole seconds: "30s" → 30, "1min 30s" → 90, "500ms" → 0.
seconds_of() {
    awk '{ t = 0; for (i = 1; i <= NF; i++) { v = $i
        if (v ~ /min$/) { sub(/min$/, "", v); t += v * 60 } else if (v ~ /ms$/) { } else if (v ~ /s$/) { sub(/s$/, "", v); t += v } }
        print int(t) }' <<<"$1"
}

echo "== boot Debian 12 in systemd-nspawn" >&2
boot
[ "$boot_state" = running ] || [ "$boot_state" = degraded ]
ok=$?
check "guest boots (systemd as PID 1)" "is-system-running: $boot_state" $ok

swift_absent=0
g sh -c 'command -v swift || ls /usr/lib/swift /usr/lib/x86_64-linux-gnu/libswiftCore.so' >/dev/null 2>&1 && swift_absent=1
check "guest has no Swift toolchain" "no swift, no libswiftCore.so" $swift_absent

# ---- install
install_log=$(g apt-get install -y --no-install-recommends "/root/$deb_name" 2>&1) && status=0 || status=$?
printf '%s\n' "$install_log" >"$run/apt-install.log"
check "apt-get install ./….deb (offline)" "exit $status: $deb_name" $status
g id rectifyd >/dev/null 2>&1
ok=$?
check "postinst: system user rectifyd (sysusers.d)" "$(g id rectifyd 2>&1 | head -c 80)" $ok
cred_mode=$(g stat -c '%a %U:%G' /etc/rectifyd/credentials 2>&1 || true)
[ "$cred_mode" = "700 root:root" ]
ok=$?
check "postinst: /etc/rectifyd/credentials (tmpfiles.d)" "$cred_mode" $ok
enabled=$(g systemctl is-enabled rectifyd.service 2>&1 || true)
active=$(g systemctl is-active rectifyd.service 2>&1 || true)
[ "$enabled" = enabled ] && [ "$active" = inactive ]
ok=$?
check "postinst: enabled, not started" "$enabled, $active" $ok
ldd_out=$(g ldd /usr/bin/rectifyd /usr/bin/rectifyctl 2>&1)
printf '%s\n' "$ldd_out" >"$run/ldd.txt"
needed=$(readelf -d "$guest_root/usr/bin/rectifyd" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
! printf '%s\n' "$ldd_out" | grep -qE "not found|libswift|libFoundation|libdispatch"
ok=$?
check "binaries load from the system's libraries" "NEEDED: $needed; ldd: nothing missing, no libswift*" $ok
{ echo "== ldd in the guest"; printf '%s\n' "$ldd_out"; } >&2

# A plan with overdue items, a secret, and users: alice in the group rectifyd, bob not.
g cp /usr/share/doc/rectifyd/examples/example.yaml /etc/rectifyd/plans/
g sh -c 'umask 077 && printf "s3cret\n" > /etc/rectifyd/credentials/smtp-password'
g usermod -aG rectifyd alice

# ---- start at READY
start_out=$(g systemctl start rectifyd.service 2>&1) && status=0 || status=$?
socket_at_return=$(g test -S /run/rectifyd/rectifyd.sock && echo "socket listening" || echo "no socket")
status_text=$(prop StatusText)
[ "$status" -eq 0 ] && [ "$socket_at_return" = "socket listening" ] && [ "$(prop ActiveState)" = active ]
ok=$?
check "systemctl start returns at READY" "exit $status, $socket_at_return when it returned ${start_out:+($start_out)}" $ok
[[ "$status_text" =~ [0-9]+\ open ]]
ok=$?
check "STATUS line" "\"$status_text\"" $ok
mails=$(wait_for 15 g sh -c 'test "$(ls /var/lib/rectifyd/Maildir/new | wc -l)" -gt 0') && status=0 || status=$?
count=$(g sh -c 'ls /var/lib/rectifyd/Maildir/new 2>/dev/null | wc -l')
check "mails in /var/lib/rectifyd/Maildir/new" "$count mails after ${mails:-15+}s" $status

# ---- sandbox and credentials
pid=$(prop MainPID)
proc=$(g cat "/proc/$pid/status")
caps=$(printf '%s\n' "$proc" | sed -n 's/^CapEff:[[:space:]]*//p')
nnp=$(printf '%s\n' "$proc" | sed -n 's/^NoNewPrivs:[[:space:]]*//p')
seccomp=$(printf '%s\n' "$proc" | sed -n 's/^Seccomp:[[:space:]]*//p')
user=$(g stat -c %U "/proc/$pid")
[ "$caps" = 0000000000000000 ] && [ "$nnp" = 1 ] && [ "$seccomp" = 2 ] && [ "$user" = rectifyd ]
ok=$?
check "sandbox: no capabilities, NoNewPrivs, seccomp" "user $user, CapEff $caps, NoNewPrivs $nnp, Seccomp $seccomp" $ok
cred_file=/run/credentials/rectifyd.service/secret_smtp-password
daemon_reads=$(g runuser -u rectifyd -- cat "$cred_file" 2>/dev/null || echo "cannot read")
alice_reads=$(g runuser -u alice -- cat "$cred_file" 2>/dev/null || echo "cannot read")
daemon_source=$(g runuser -u rectifyd -- cat /etc/rectifyd/credentials/smtp-password 2>/dev/null || echo "cannot read")
[ "$daemon_reads" = s3cret ] && [ "$alice_reads" = "cannot read" ] && [ "$daemon_source" = "cannot read" ]
ok=$?
check "credential readable by the daemon only" "rectifyd: ${daemon_reads/s3cret/reads it}; alice: $alice_reads; rectifyd on /etc/rectifyd/credentials: $daemon_source" $ok

# ---- rectifyctl as root, group member, other user
root_out=$(g rectifyctl status 2>&1) && status=0 || status=$?
check "rectifyctl status as root" "exit $status: $(printf '%s' "$root_out" | head -n 1 | cut -c1-60)" $status
alice_out=$(g runuser -u alice -- rectifyctl status 2>&1) && status=0 || status=$?
check "rectifyctl status as a member of rectifyd" "exit $status" $status
alice_write=$(g runuser -u alice -- rectifyctl done example-county-health/2.1 --note x 2>&1) && status=0 || status=$?
[ "$status" -eq 1 ] && printf '%s' "$alice_write" | grep -q "HTTP 403"
ok=$?
check "… who may not write (not in control.writers)" "exit $status: $(printf '%s' "$alice_write" | head -n 1 | cut -c1-100)" $ok
bob_out=$(g runuser -u bob -- rectifyctl status 2>&1) && status=0 || status=$?
printf '%s\n' "$bob_out" >"$run/bob.txt"
[ "$status" -eq 3 ] && printf '%s' "$bob_out" | grep -q "permission denied on /run/rectifyd" &&
    printf '%s' "$bob_out" | grep -q "usermod -aG rectifyd bob"
ok=$?
check "rectifyctl as another user: a clear refusal" "exit $status: $(printf '%s' "$bob_out" | head -n 1 | sed 's/.*: permission/permission/' | cut -c1-100)" $ok

# ---- journal lines per idle minute (the daemon has delivered its first alerts by now)
sleep 2
since=$(g date +%s)
sleep "$idle_seconds"
idle_lines=$(g journalctl -u rectifyd.service --since "@$since" -o cat --no-pager | grep -cv '^-- ' || true)
g journalctl -u rectifyd.service --since "@$since" -o cat --no-pager >"$run/idle-journal.txt" || true
[ "$idle_lines" -eq 0 ]
ok=$?
check "journal lines in an idle ${idle_seconds}s" "$idle_lines $(head -n 1 "$run/idle-journal.txt" | cut -c1-60)" $ok

# ---- reload: good, then bad
pid=$(prop MainPID)
since=$(g date +%s)
g systemctl reload rectifyd.service && status=0 || status=$?
took=$(wait_for 10 sh -c "nsenter -t $guest -a journalctl -u rectifyd.service --since @$since -o cat | grep -q 'msg=reloaded'") || status=1
[ "$(prop MainPID)" = "$pid" ] && [ "$(prop ActiveState)" = active ] || status=1
check "reload (good config)" "'reloaded' after ${took:-10+}s, same pid" $status
g cp /etc/rectifyd/rectifyd.yaml /root/rectifyd.yaml.good
g sh -c 'printf "alerts: {repeat_overdue: soon}\n" >> /etc/rectifyd/rectifyd.yaml'
since=$(g date +%s)
g systemctl reload rectifyd.service && status=0 || status=$?
took=$(wait_for 10 sh -c "nsenter -t $guest -a journalctl -u rectifyd.service --since @$since -o cat | grep -q 'reload rejected; the previous configuration keeps running'") || status=1
sleep 1
[ "$(prop MainPID)" = "$pid" ] && [ "$(prop ActiveState)" = active ] || status=1
check "reload (bad config): rejected, old one runs" "rejected after ${took:-10+}s, same pid, $(prop ActiveState)" $status
g cp /root/rectifyd.yaml.good /etc/rectifyd/rectifyd.yaml

restart_sec=$(seconds_of "$(prop RestartUSec)")
watchdog_sec=$(seconds_of "$(prop WatchdogUSec)")
new_main_pid() { local p; p=$(prop MainPID); [ "$p" != 0 ] && [ "$p" != "$1" ] && [ "$(prop ActiveState)" = active ]; }

# ---- kill -9 → restart
pid=$(prop MainPID)
signal KILL "$pid"
took=$(wait_for $((restart_sec + 5)) new_main_pid "$pid") && status=0 || status=$?
check "kill -9 → restarted" "new pid after ${took:-$((restart_sec + 5))+}s (RestartSec=${restart_sec}s)" $status

# ---- SIGABRT → the daemon dies at once (and is restarted)
pid=$(prop MainPID)
signal ABRT "$pid"
took=$(wait_for $((restart_sec + 5)) new_main_pid "$pid") && status=0 || status=$?
check "kill -ABRT → dies at once, restarted" "new pid after ${took:-$((restart_sec + 5))+}s (limit RestartSec + 5 s)" $status

# ---- kill -STOP → the watchdog restarts it
sleep 1
pid=$(prop MainPID)
signal STOP "$pid"
limit=$((watchdog_sec + restart_sec + 5))
took=$(wait_for "$limit" new_main_pid "$pid") && status=0 || status=$?
check "kill -STOP → watchdog restart" "new pid after ${took:-$limit+}s (limit WatchdogSec ${watchdog_sec} + RestartSec ${restart_sec} + 5)" $status
# A daemon left stopped would hold up the rest: make sure it is gone.
signal KILL "$pid" 2>/dev/null
wait_for 30 new_main_pid "$pid" >/dev/null || true

# ---- The issue's build: `make install` used to link rectifyd against the toolchain's
# shared Swift runtime. Its crash backtracer (swift-backtrace, which loads
# libswiftRuntime.so) cannot start under MemoryDenyWriteExecute=yes, and its SIGABRT handler
# returned, so the watchdog's SIGABRT and a plain kill -ABRT left the daemon running. This
# build (the debug one of this checkout, with the toolchain's runtime copied to the same
# path in the guest) runs under the installed unit through a drop-in, then both are removed.
swift_usr=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
dynamic=.build/debug/rectifyd
[ -x "$dynamic" ] || swift build --product rectifyd >/dev/null 2>&1
mkdir -p "$guest_root$swift_usr/lib/swift" "$guest_root$swift_usr/libexec/swift" "$guest_root/etc/systemd/system/rectifyd.service.d" &&
    cp -a "$swift_usr/lib/swift/linux" "$guest_root$swift_usr/lib/swift/" &&
    cp -a "$swift_usr/libexec/swift/linux" "$guest_root$swift_usr/libexec/swift/" &&
    install -m 0755 "$dynamic" "$guest_root/usr/local/bin/rectifyd-dynamic" &&
    printf '[Service]\nExecStart=\nExecStart=/usr/local/bin/rectifyd-dynamic --config /etc/rectifyd/rectifyd.yaml\n' \
        >"$guest_root/etc/systemd/system/rectifyd.service.d/test-dynamic.conf" &&
    g systemctl daemon-reload && g systemctl restart rectifyd.service
status=$?
main_exe=$(g readlink "/proc/$(prop MainPID)/exe")
[ "$main_exe" = /usr/local/bin/rectifyd-dynamic ] || status=1
check "issue's build (shared Swift runtime) in the unit" "$main_exe, libswiftCore from $swift_usr/lib/swift/linux" $status
pid=$(prop MainPID)
signal ABRT "$pid"
took=$(wait_for $((restart_sec + 5)) new_main_pid "$pid") && status=0 || status=$?
check "… kill -ABRT → dies at once, restarted" "new pid after ${took:-$((restart_sec + 5))+}s (limit RestartSec + 5 s)" $status
signal KILL "$pid" 2>/dev/null
wait_for 40 new_main_pid "$pid" >/dev/null
sleep 1
pid=$(prop MainPID)
signal STOP "$pid"
took=$(wait_for "$limit" new_main_pid "$pid") && status=0 || status=$?
check "… kill -STOP → watchdog restart" "new pid after ${took:-$limit+}s (limit WatchdogSec ${watchdog_sec} + RestartSec ${restart_sec} + 5)" $status
signal KILL "$pid" 2>/dev/null
wait_for 40 new_main_pid "$pid" >/dev/null
rm -rf "$guest_root/etc/systemd/system/rectifyd.service.d" "$guest_root/usr/local/bin/rectifyd-dynamic" \
    "$guest_root$swift_usr/lib/swift/linux" "$guest_root$swift_usr/libexec/swift/linux"
g systemctl daemon-reload && g systemctl restart rectifyd.service

# ---- stop
since=$(g date +%s.%N)
g systemctl stop rectifyd.service && status=0 || status=$?
took=$(awk -v s="$since" -v n="$(g date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
result=$(prop Result)
g journalctl -u rectifyd.service -n 5 -o cat --no-pager | grep -q 'msg=stopped' || status=1
[ "$result" = success ] && [ "$(prop ActiveState)" = inactive ] || status=1
check "systemctl stop: clean" "${took}s, Result=$result, 'stopped' logged" $status

# ---- exposure, as systemd itself scores the installed unit
score_line=$(g systemd-analyze security rectifyd.service 2>/dev/null | grep "Overall exposure level" || true)
score=$(printf '%s' "$score_line" | sed -n 's/.*: \([0-9][0-9]*\.[0-9]\).*/\1/p')
[ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'
ok=$?
check "exposure score ≤ 2.0 (systemd-analyze security)" "${score:-none}" $ok

# ---- enable + reboot
g systemctl reboot || true
for _ in $(seq 300); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.1; done
wait "$nspawn_pid" 2>/dev/null || true
nspawn_pid=""
boot
took=$(wait_for 20 sh -c "[ \"\$(nsenter -t $guest -a systemctl is-active rectifyd.service)\" = active ]") && status=0 || status=$?
check "enabled: running after a reboot" "system $boot_state, rectifyd $(prop ActiveState), \"$(prop StatusText)\"" $status

# ---- remove keeps config and state; purge removes them
g apt-get remove -y rectifyd >"$run/apt-remove.log" 2>&1 && status=0 || status=$?
kept=$(g sh -c 'ls /etc/rectifyd/rectifyd.yaml /etc/rectifyd/credentials/smtp-password /var/lib/rectifyd/state.sqlite 2>&1 | wc -l')
g test ! -e /usr/bin/rectifyd && [ "$kept" -eq 3 ] && [ "$(prop ActiveState)" != active ] || status=1
check "apt remove: stopped; config and state kept" "exit $status, $kept of 3 files kept" $status
g apt-get purge -y rectifyd >"$run/apt-purge.log" 2>&1 && status=0 || status=$?
g test ! -e /etc/rectifyd && g test ! -e /var/lib/rectifyd || status=1
check "apt purge: config and state removed" "exit $status, /etc/rectifyd and /var/lib/rectifyd $(g test -e /etc/rectifyd && echo present || echo gone)" $status

stop_guest
print_table
[ "$failed" -eq 0 ]
