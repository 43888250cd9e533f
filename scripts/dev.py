#!/usr/bin/env python3
"""Set up a local environment and run the site or its tests. Needs only Python 3.11+.

    python3 scripts/dev.py serve   # install (first time) and serve on http://127.0.0.1:8000
    python3 scripts/dev.py test    # install (first time) and run every test
    python3 scripts/dev.py build   # strict build into site/
    python3 scripts/dev.py check   # check all content without building
    python3 scripts/dev.py rapport # report commands: bouwen (PDFs only), vaststellen <id>, nieuw --titel ...

The environment lives in .venv/ and is reinstalled when requirements*.txt or pyproject.toml change.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
INPUTS = ("requirements.txt", "requirements-dev.txt", "pyproject.toml")


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 of nieuwer is nodig (dit is {sys.version.split()[0]}).")
    digest = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in INPUTS)).hexdigest()
    stamp = VENV / ".installed"
    if stamp.exists() and stamp.read_text() == digest:
        return
    if not (BIN / "python").exists():
        print("Virtuele omgeving maken in .venv/ ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Afhankelijkheden installeren (vastgepinde versies) ...", flush=True)
    subprocess.run([str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / "requirements-dev.txt")], check=True, cwd=ROOT)
    stamp.write_text(digest)


# Debian's packages: never a browser download. Liberation fonts for the report PDF.
BROWSER_PACKAGES = ("chromium", "chromium-driver", "fonts-liberation")


def ensure_browser() -> None:
    """The browser tests need Debian's Chromium; install it where we may (root with apt-get)."""
    if shutil.which("chromium") or os.environ.get("KENNISSCHAKELS_CHROMIUM"):
        return
    if os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Chromium installeren voor de browsertests (Debian-pakketten) ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *BROWSER_PACKAGES],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    else:
        print("Let op: Chromium ontbreekt, de browsertests worden overgeslagen. Installeer de pakketten "
              + ", ".join(BROWSER_PACKAGES) + " (bijv. sudo apt-get install " + " ".join(BROWSER_PACKAGES) + ").",
              flush=True)


# pa11y (tests/browser/test_pa11y.py) runs on Node.js, from tests/a11y/ (package-lock.json pins it).
A11Y = ROOT / "tests" / "a11y"
NODE_PACKAGES = ("nodejs", "npm")
MIN_NODE = 20  # pa11y 9


def _node_major() -> int:
    try:
        out = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout
        return int(out.strip().lstrip("v").split(".")[0])
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 0


def ensure_pa11y() -> None:
    """Node.js and npm (Debian's, where we may install them), then pa11y from the lockfile with
    npm ci into tests/a11y/node_modules/, only when the lockfile changed. Never a browser download:
    pa11y uses Debian's Chromium. Where that is not possible, a notice; the tests then skip (or fail
    with KENNISSCHAKELS_REQUIRE_BROWSER=1)."""
    if not (shutil.which("node") and shutil.which("npm")) and os.name == "posix" \
            and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Node.js en npm installeren voor pa11y (Debian-pakketten) ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *NODE_PACKAGES],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    if not (shutil.which("node") and shutil.which("npm")):
        print("Let op: Node.js of npm ontbreekt, de pa11y-tests worden overgeslagen. Installeer de pakketten "
              + " en ".join(NODE_PACKAGES) + ".", flush=True)
        return
    if _node_major() < MIN_NODE:
        print(f"Let op: pa11y heeft Node.js {MIN_NODE} of nieuwer nodig (dit is versie {_node_major()}); "
              "de pa11y-tests worden overgeslagen.", flush=True)
        return
    digest = hashlib.sha256((A11Y / "package-lock.json").read_bytes()).hexdigest()
    stamp = A11Y / "node_modules" / ".installed"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("pa11y installeren in tests/a11y/ (npm ci, zonder browserdownload) ...", flush=True)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=A11Y, env=env)
    if done.returncode != 0:
        print("Let op: npm ci in tests/a11y/ is mislukt; de pa11y-tests worden overgeslagen.", flush=True)
        return
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    commands = {
        "serve": ["mkdocs", "serve"],
        "build": ["mkdocs", "build", "--strict"],
        "test": ["python", "-m", "pytest"],
        "check": ["python", "-m", "kennisschakels", "check"],
        "rapport": ["python", "-m", "kennisschakels", "rapport"],
    }
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    ensure_environment()
    if argv[0] == "test":
        ensure_browser()
        ensure_pa11y()
    program, *args = commands[argv[0]]
    os.chdir(ROOT)
    command = [str(BIN / program), *args, *argv[1:]]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
