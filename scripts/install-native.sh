#!/usr/bin/env bash
# Installs the native BLAS that nnx uses when it is there: Debian's OpenBLAS, pthread build
# (libopenblas0-pthread). It is optional: without it nnx runs on its pure-Java BLAS, only slower.
#
#   scripts/install-native.sh           the native BLAS
#   scripts/install-native.sh --bench   also what `nnx bench` uses: Fashion-MNIST and numpy for the peer
#
# Never fails its caller: when the packages cannot be installed (no apt-get, not root, no network) it says
# why and exits 0, so a build or CI run goes on with the pure-Java path.
set -u

packages=()
have_openblas() {
    compgen -G "/usr/lib/*/openblas-pthread/libopenblas.so.0" >/dev/null
}
have_openblas || packages+=(libopenblas0-pthread)
if [ "${1:-}" = "--bench" ]; then
    [ -d /usr/share/datasets/fashion-mnist ] || packages+=(dataset-fashion-mnist)
    /usr/bin/python3 -c 'import numpy, threadpoolctl' 2>/dev/null || packages+=(python3-numpy python3-threadpoolctl)
fi

if [ ${#packages[@]} -eq 0 ]; then
    echo "install-native: nothing to install"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-native: no apt-get here; install OpenBLAS with this system's package manager for a faster nnx"
    exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo)
    else
        echo "install-native: run as root (or with sudo) to install ${packages[*]}; nnx runs without them"
        exit 0
    fi
fi
limit=()
command -v timeout >/dev/null 2>&1 && limit=(timeout 600)

echo "install-native: installing ${packages[*]}"
if "${sudo[@]}" "${limit[@]}" apt-get update -q >/tmp/nnx-apt-update.log 2>&1 \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${limit[@]}" \
        apt-get install -y -q --no-install-recommends "${packages[@]}" >/tmp/nnx-apt-install.log 2>&1; then
    echo "install-native: installed ${packages[*]}"
else
    echo "install-native: could not install ${packages[*]} (logs: /tmp/nnx-apt-update.log, /tmp/nnx-apt-install.log);"
    echo "install-native: nnx runs on its pure-Java BLAS"
fi
exit 0
