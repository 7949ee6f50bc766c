#!/bin/bash
# shellcheck disable=SC2016 # the single-quoted dollar-brace names are electron-builder's, filled in at packaging
# Post-install script of the kiosk's .deb (electron-builder's deb.afterInstall; it replaces
# electron-builder's default, whose steps are kept below). electron-builder fills in the two
# names in dollar-brace form; every other variable here is written without braces on purpose.
#
# The ID-card reader is on a serial port (/dev/ttyUSB0, /dev/ttyS*), which only root and the
# dialout group may open. This script adds ONE user, the kiosk's, to dialout:
#   1. the user named in /etc/rvw-kiosk/user (one line), when the technician wrote that file;
#   2. else the user who ran the install through sudo (SUDO_USER: on UOS and Kylin the technician
#      installs from the kiosk's own desktop session, e.g. `sudo apt install ./rvw-kiosk_….deb`);
#   3. else nobody: the script says how to do it by hand (`sudo usermod -aG dialout USER`).
# Only an existing ordinary account (uid 1000 or more, not nobody) is ever added; root and system
# users never are, nor every user of the machine. Running it again changes nothing. The group takes
# effect at the user's next login (log out and in, or restart).
set -e

case "$1" in
  abort-upgrade | abort-remove | abort-deconfigure) exit 0 ;;
esac

# --- electron-builder's default steps: the command link, the sandbox helper, menus, AppArmor ---
if type update-alternatives >/dev/null 2>&1; then
  # Remove a previous link that does not use update-alternatives.
  if [ -L '/usr/bin/${executable}' ] && [ -e '/usr/bin/${executable}' ] &&
    [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
    rm -f '/usr/bin/${executable}'
  fi
  update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 ||
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
  ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# SUID chrome-sandbox only where user namespaces do not work.
if ! { [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; }; then
  chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
  chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
  update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi

if apparmor_status --enabled >/dev/null 2>&1; then
  apparmor_source='/opt/${sanitizedProductName}/resources/apparmor-profile'
  apparmor_target='/etc/apparmor.d/${executable}'
  if [ -f "$apparmor_source" ] && apparmor_parser --skip-kernel-load --debug "$apparmor_source" >/dev/null 2>&1; then
    cp -f "$apparmor_source" "$apparmor_target"
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$apparmor_target" || true
    fi
  fi
fi

# --- the kiosk's user joins dialout (the ID reader's serial port) ---
kiosk_user=""
how=""
if [ -r /etc/rvw-kiosk/user ]; then
  kiosk_user=$(head -n 1 /etc/rvw-kiosk/user | tr -d '[:space:]')
  how="/etc/rvw-kiosk/user"
elif [ -n "$SUDO_USER" ]; then
  kiosk_user=$SUDO_USER
  how="sudo"
fi

if [ -z "$kiosk_user" ]; then
  echo "rvw-kiosk: no kiosk user known; add it to dialout for the ID reader: sudo usermod -aG dialout USER (or write the name to /etc/rvw-kiosk/user and reinstall)"
elif ! printf '%s' "$kiosk_user" | grep -Eq '^[a-z_][a-z0-9_-]{0,31}$'; then
  echo "rvw-kiosk: '$kiosk_user' (from $how) is not a user name; dialout unchanged"
elif ! uid=$(id -u "$kiosk_user" 2>/dev/null); then
  echo "rvw-kiosk: user '$kiosk_user' (from $how) does not exist; dialout unchanged"
elif [ "$uid" -lt 1000 ] || [ "$uid" -eq 65534 ]; then
  echo "rvw-kiosk: '$kiosk_user' is a system account (uid $uid); dialout unchanged"
elif ! getent group dialout >/dev/null; then
  echo "rvw-kiosk: this system has no dialout group; give '$kiosk_user' access to the reader's serial port by hand"
elif id -nG "$kiosk_user" | tr ' ' '\n' | grep -qx dialout; then
  echo "rvw-kiosk: '$kiosk_user' is already in dialout"
else
  usermod -aG dialout "$kiosk_user"
  echo "rvw-kiosk: added '$kiosk_user' to dialout (from $how); it takes effect at the next login"
fi

exit 0
