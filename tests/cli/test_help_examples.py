"""Every command's ``--help`` shows an example a coordinator or author can copy."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mochila.cli import main


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    example = result.output.split("Example:", 1)
    assert len(example) == 2, result.output
    assert f"mochila {command}" in example[1]


def test_the_group_help_has_an_example_and_lists_the_coordinator_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert "Example:" in result.output
    for command in ("report", "diff", "update", "verify"):
        assert command in result.output
