"""`make run` on a fresh machine: the first run prints what a user needs, not the installer's chatter."""

import subprocess
import sys
import venv
from pathlib import Path

import pytest
from django.core.management import call_command

from wowdesk.web.management.commands.serve import banner

REPO = Path(__file__).resolve().parent.parent


def test_installing_wowdesk_editable_prints_no_setuptools_warning_block(tmp_path):
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(target / "bin" / "python"), "install", "-q", "--no-deps"]
        + ["-e", str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    if result.returncode and "No matching distribution found for setuptools" in output:
        pytest.skip("no package index to fetch setuptools from")
    assert result.returncode == 0, output
    assert "Editable installation" not in output and "Please be careful" not in output, output


def test_make_run_is_quiet_about_its_own_steps():
    makefile = (REPO / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert all(line.startswith("\t@") for line in run.splitlines()[1:]), "make does not echo the commands"
    assert "pip install -qq -e ." in makefile


def test_the_banner_says_demo_agents_start_offline_and_only_available_agents_get_tickets(db):
    call_command("demo", tickets=10, verbosity=0)
    text = "\n".join(banner("http://127.0.0.1:8000/"))
    assert "agent1@example.com" in text
    assert "demo agents start Offline: only Available agents get new tickets" in text
