#!/usr/bin/env bash
# install.sh: turns a Debian or Ubuntu computer into a learning kiosk that
# boots straight into the program (see "Installing at a cultural house" in
# README.md). Run it as root from the project folder, after building:
#
#   cargo build --release --locked
#   sudo deploy/install.sh
#
# It is safe to run again (for example after building a newer version): it
# replaces the program and the system files, but never the settings
# (kiosk.toml), the lessons or the database that are already installed,
# unless asked with --update-lessons.
#
# Options:
#   --binary FILE      the kiosk program to install (default: target/release/kiosk)
#   --config FILE      the kiosk.toml to start from (default: ./kiosk.toml)
#   --lessons DIR      the lessons to start from (default: ./lessons)
#   --update-lessons   replace the installed lessons (the old ones are kept
#                      next to them as lessons.old-DATE)
#   --speech           also install espeak-ng for reading aloud
#   --no-apt           do not install Debian packages
#   --root DIR         install into DIR instead of / (for testing: no
#                      packages, no user, no systemctl)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"
binary="$project/target/release/kiosk"
config="$project/kiosk.toml"
lessons="$project/lessons"
update_lessons=no
speech=no
apt=yes
root=""

die() {
    echo "install.sh: $*" >&2
    exit 1
}

while [ $# -gt 0 ]; do
    case "$1" in
    --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
    --config) config="${2:?--config needs a file}"; shift 2 ;;
    --lessons) lessons="${2:?--lessons needs a folder}"; shift 2 ;;
    --update-lessons) update_lessons=yes; shift ;;
    --speech) speech=yes; shift ;;
    --no-apt) apt=no; shift ;;
    --root) root="${2:?--root needs a folder}"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
    esac
done

[ -x "$binary" ] || die "no kiosk program at $binary: build it first with 'cargo build --release --locked', or name it with --binary"
[ -f "$config" ] || die "no settings file at $config (name one with --config)"
[ -d "$lessons" ] || die "no lessons folder at $lessons (name one with --lessons)"
if [ -z "$root" ]; then
    [ "$(id -u)" = 0 ] || die "run me as root: sudo $0 $*"
    [ -d /run/systemd/system ] || echo "install.sh: warning: systemd is not running here; the kiosk will start on the next boot with systemd" >&2
else
    apt=no
    mkdir -p "$root"
    root="$(cd "$root" && pwd)"
fi

home="$root/var/lib/kiosk"
say() { echo "==> $*"; }

# 1. The Debian packages: the kiosk compositor, the terminal, a font with
#    every Vietnamese letter, and logind's PAM module for the auto-login.
if [ "$apt" = yes ]; then
    packages=(cage foot fonts-dejavu-core libpam-systemd dbus)
    [ "$speech" = yes ] && packages+=(espeak-ng)
    say "installing ${packages[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
fi

# 2. The unprivileged user the kiosk runs as: no password (nobody can log in
#    as it), no shell.
if [ -z "$root" ]; then
    if ! id kiosk >/dev/null 2>&1; then
        say "creating the user 'kiosk'"
        useradd --system --home-dir /var/lib/kiosk --create-home \
            --shell /usr/sbin/nologin --comment "Learning kiosk" kiosk
    fi
fi

# 3. The program and the system files (always replaced: they are ours).
say "installing the program and the system files"
install -D -m 0755 "$binary" "$root/usr/local/bin/kiosk"
install -D -m 0644 "$here/foot.ini" "$root/etc/kiosk/foot.ini"
install -D -m 0644 "$here/pam-kiosk" "$root/etc/pam.d/kiosk"
for unit in kiosk.service kiosk-backup.service kiosk-backup.timer; do
    install -D -m 0644 "$here/$unit" "$root/etc/systemd/system/$unit"
done
install -D -m 0644 "$project/README.md" "$root/usr/local/share/doc/kiosk/README.md"
# The volunteer's own settings for the service are never overwritten.
if [ ! -e "$root/etc/default/kiosk" ]; then
    install -D -m 0644 "$here/default-kiosk" "$root/etc/default/kiosk"
fi

# 4. The kiosk's own folder: settings, lessons, database and backups.
mkdir -p "$home/data/backups"
if [ ! -e "$home/kiosk.toml" ]; then
    say "copying the settings to $home/kiosk.toml: edit [site] id and name there"
    install -m 0644 "$config" "$home/kiosk.toml"
fi
if [ ! -e "$home/lessons" ]; then
    say "copying the lessons to $home/lessons"
    cp -R "$lessons" "$home/lessons"
elif [ "$update_lessons" = yes ]; then
    old="$home/lessons.old-$(date +%Y%m%d-%H%M%S)"
    say "replacing the lessons (the old ones are in $old)"
    mv "$home/lessons" "$old"
    cp -R "$lessons" "$home/lessons"
fi
if [ -z "$root" ]; then
    # The kiosk writes its database and backups; settings and lessons stay
    # writable only by root and the volunteer's sudo.
    chown -R kiosk:kiosk "$home/data"
    chown root:root "$home/kiosk.toml"
    chown -R root:root "$home/lessons"
    chown kiosk:kiosk "$home"
fi

# 5. Start on boot.
if [ -z "$root" ]; then
    say "enabling the kiosk on boot and the nightly backup"
    systemctl daemon-reload
    systemctl enable kiosk.service kiosk-backup.timer
    systemctl set-default graphical.target
    if systemctl is-enabled --quiet display-manager.service 2>/dev/null; then
        echo "install.sh: warning: a desktop login screen ($(readlink -f /etc/systemd/system/display-manager.service | xargs basename)) also wants the screen." >&2
        echo "  Turn it off with: sudo systemctl disable display-manager.service" >&2
    fi
fi

cat <<EOF

Done. Next steps:
  1. Edit the settings (site id and name):  sudo nano /var/lib/kiosk/kiosk.toml
  2. Set the instructor PIN:                 sudo -u kiosk kiosk --config /var/lib/kiosk/kiosk.toml set-pin
  3. Check everything:                       sudo -u kiosk kiosk --config /var/lib/kiosk/kiosk.toml doctor
  4. Start the kiosk now, or reboot:         sudo systemctl start kiosk
EOF
