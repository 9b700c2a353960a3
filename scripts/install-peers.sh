#!/usr/bin/env bash
# Installs what `nnx bench` trains against and on, none of which nnx itself needs (its jar carries its own
# OpenBLAS): Fashion-MNIST, numpy and PyTorch from Debian for the peers, and Debian's OpenBLAS, which numpy
# and PyTorch then use instead of the slow reference BLAS (docs/performance.md).
#
#   scripts/install-peers.sh
#
# Never fails its caller: when the packages cannot be installed (no apt-get, not root, no network) it says
# why and exits 0, so a build or CI run goes on, and the tests that need them skip themselves.
set -u

packages=()
[ -d /usr/share/datasets/fashion-mnist ] || packages+=(dataset-fashion-mnist)
compgen -G "/usr/lib/*/openblas-pthread/libopenblas.so.0" >/dev/null || packages+=(libopenblas0-pthread)
/usr/bin/python3 -c 'import numpy, threadpoolctl' 2>/dev/null || packages+=(python3-numpy python3-threadpoolctl)
/usr/bin/python3 -c 'import torch' 2>/dev/null || packages+=(python3-torch)

if [ ${#packages[@]} -eq 0 ]; then
    echo "install-peers: nothing to install"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-peers: no apt-get here; install ${packages[*]} with this system's package manager"
    exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo=(sudo)
    else
        echo "install-peers: run as root (or with sudo) to install ${packages[*]}"
        exit 0
    fi
fi
limit=()
command -v timeout >/dev/null 2>&1 && limit=(timeout 900)

echo "install-peers: installing ${packages[*]}"
if "${sudo[@]}" "${limit[@]}" apt-get update -q >/tmp/nnx-apt-update.log 2>&1 \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${limit[@]}" \
        apt-get install -y -q --no-install-recommends "${packages[@]}" >/tmp/nnx-apt-install.log 2>&1; then
    echo "install-peers: installed ${packages[*]}"
else
    echo "install-peers: could not install ${packages[*]} (logs: /tmp/nnx-apt-update.log, /tmp/nnx-apt-install.log)"
fi
exit 0
