#!/usr/bin/env bash
# The FreeDict dictionaries (Debian's dict-freedict-*, under /usr/share/dictd) that `npm run bench:align -- --freedict`
# and `npm run bench:align-languages -- --freedict` measure, and that scripts/freedict.test.ts reads when present.
# Optional: without them the aligner works as before and that test skips, so a failed install only warns.
set -uo pipefail
PACKAGES=(dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-eng-spa dict-freedict-spa-eng dict-freedict-eng-rus
  dict-freedict-eng-ara dict-freedict-ara-eng dict-freedict-deu-fra dict-freedict-fra-deu dict-freedict-fra-spa)
missing=()
for package in "${PACKAGES[@]}"; do
  name="${package#dict-}"
  [ -f "/usr/share/dictd/${name}.index" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the FreeDict dictionaries the alignment benchmarks measure: ${missing[*]}..."
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}") ||
    echo "Could not install them: the FreeDict test skips and the benchmarks run without them." >&2
  exit 0
fi
echo "Optional FreeDict dictionaries not installed (sudo apt-get install -y ${missing[*]})." >&2
exit 0
