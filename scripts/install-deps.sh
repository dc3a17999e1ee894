#!/usr/bin/env bash
# Installs every Debian 12 package that nmftopics needs to build, test, run its
# examples and run its benchmarks. Idempotent: packages already present are skipped.
set -euo pipefail

build_pkgs=(build-essential cmake pkg-config libopenblas-openmp-dev libsuitesparse-dev
            libstemmer-dev libutf8proc-dev check)
test_pkgs=(snowball-data locales python3 python3-numpy python3-scipy python3-sklearn)
extra_pkgs=(python3-wordcloud python3-gensim r-cran-rcppml r-cran-nmf time)

want=("${build_pkgs[@]}" "${test_pkgs[@]}")
if [ "${NT_INSTALL_BENCH:-1}" = 1 ]; then
    want+=("${extra_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#want[@]} packages already installed"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
