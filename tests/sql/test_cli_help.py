"""Every command's --help explains every option: its meaning, its default, its format."""

from __future__ import annotations

import argparse

import pytest

from etl.cli import build_parser, main


def _commands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((f"{prefix}{name}", sub))
                found.extend(_commands(sub, f"{prefix}{name} "))
    return found


COMMANDS = _commands(build_parser())


def test_every_command_is_found() -> None:
    names = {name for name, _ in COMMANDS}
    expected = {"parse", "ingest", "reprocess", "stats", "db", "db upgrade", "sql", "search"}
    assert names >= expected | {"export"}


@pytest.mark.parametrize(("name", "parser"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_each_option_has_meaning_default_and_format(
    name: str, parser: argparse.ArgumentParser
) -> None:
    assert parser.description, name
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        label = action.option_strings[-1] if action.option_strings else action.dest
        assert action.help and len(action.help) > 10, (name, label)
        default = action.default
        if default not in (None, False, [], argparse.SUPPRESS):
            assert f"default: {default}" in action.help, (name, label, action.help)
        takes_value = action.nargs != 0 and not isinstance(
            action, argparse._StoreTrueAction | argparse._StoreFalseAction
        )
        if action.option_strings and takes_value and not action.choices:
            assert action.metavar, (name, label)  # the value's format, not a bare dest name
        if action.option_strings and takes_value and not action.required:
            assert "default" in action.help or default is None and action.dest in (
                "file", "agency", "place", "dump_date"
            ), (name, label, action.help)  # fmt: skip


def test_help_prints_and_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    for name, _ in COMMANDS:
        with pytest.raises(SystemExit) as done:
            main([*name.split(), "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: wire-archive {name}"), out[:200]


def test_bad_values_are_explained(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, message in (
        (["search", "x", "--limit", "0"], "must be at least 1"),
        (["search", "x", "--limit", "many"], "not a whole number"),
        (["search", "x", "--since", "03/04/2026"], "not a date (YYYY-MM-DD)"),
        (["ingest", "x", "--batch-size", "-5"], "must be at least 1"),
    ):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        assert message in capsys.readouterr().err, argv
