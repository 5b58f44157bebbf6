# Sourced: ensure_chromium makes Debian's Chromium available at /usr/bin/chromium for
# Playwright (downloading Playwright's own browser is not possible here).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}
