"""The README stays true: commands, contract fields, the two commands and .ci/run."""

import argparse
import json
import re
from pathlib import Path

from onrecord.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_every_command_is_documented():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"onrecord {name}" in README, name


def test_docs_every_contract_field_is_named():
    fields = ["schema", "source", "text_length", "attributions[].id", "attributions[].kind",
              "attributions[].content", "attributions[].cue", "attributions[].speaker.mention",
              "attributions[].speaker.name", "attributions[].speaker.kind", "attributions[].speaker.actor",
              "attributions[].stance", "attributions[].polarity", "attributions[].rule", "attributions[].confidence",
              "attributions[].sentence", "attributions[].via", "attributions[].said_on", "published", "date_method",
              "wire", "actors[]"]
    for field in fields:
        assert f"| `{field}` |" in README, field


def test_docs_event_fields_are_named():
    for field in ("events[]", "events[].id", "events[].type", "events[].agent", "events[].targets",
                  "events[].status", "events[].date", "events[].theme", "events[].attribution"):
        assert f"| `{field}` |" in README, field


def test_docs_contract_example_is_real_output(extractor):
    example = re.search(r"## Output contract.*?```json\n(.*?)```", README, re.S).group(1)
    shown = json.loads(example)
    text = (ROOT / "examples" / "embassy-drones.txt").read_text(encoding="utf-8")
    article = extractor.extract(text, source="<path as given>").to_dict()
    assert shown["text_length"] == article["text_length"]
    (sample,) = shown["attributions"]
    assert sample in article["attributions"]
    (actor,) = shown["actors"]
    assert actor in article["actors"]


def test_docs_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
    assert "onrecord ingest examples/" in commands[0] and "onrecord disputes --contested" in commands[0]


def test_docs_python_ledger_example_runs(extractor, tmp_path, capsys):
    code = next(c for c in re.findall(r"```python\n(.*?)```", README, re.S) if "onrecord.ledger import queries" in c)
    code = code.replace('"onrecord.db"', repr(str(tmp_path / "l.db")))
    code = code.replace('"examples/dispute"', repr(str(ROOT / "examples" / "dispute")))
    exec(compile(code, "README.md", "exec"), {"extractor": extractor})
    out = capsys.readouterr().out
    assert "Russian warships mined" in out and "Maksym Kovalenko" in out and "Kremlin" in out


def test_docs_first_command_output_is_real(tmp_path, capsys):
    """The README's printed ingest summary and contested dispute are what the first command gives (timings aside)."""
    from onrecord.cli import main
    shown = re.search(r"The first command prints.*?```\n(.*?)```", README, re.S).group(1).splitlines()
    db = tmp_path / "onrecord.db"
    capsys.readouterr()
    assert main(["ingest", str(ROOT / "examples" / "dispute"), "--db", str(db)]) == 0
    summary = capsys.readouterr().out.strip()
    assert re.sub(r"\(.*? s, .*? articles/s\)", "", summary.split(": ", 1)[1]) == \
        re.sub(r"\(.*? s, .*? articles/s\)", "", shown[0].split(": ", 1)[1])
    assert main(["disputes", "--contested", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines() == shown[1:]


def _subparsers(parser):
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def _commands(parser=None, prefix=()):
    """(("ledger", "load"), parser) for every command that runs, nested ones included."""
    parser = parser or build_parser()
    sub = _subparsers(parser)
    for name, child in (sub.choices.items() if sub else ()):
        if _subparsers(child):
            yield from _commands(child, (*prefix, name))
        else:
            yield (*prefix, name), child


def _readme_command_lines():
    block = re.search(r"## Command line\n\n```\n(.*?)```", README, re.S).group(1)
    return [line for line in block.splitlines() if line.startswith("onrecord ")]


def _documented(command, parser):
    """Options (with the values shown as a|b|c) and positional metavars of ``command`` in the README list."""
    options: dict[str, set[str] | None] = {}
    positionals: set[str] = set()
    for line in _readme_command_lines():
        words = line.split()[1:]
        if tuple(words[:len(command)]) != command:
            continue
        value_next = False
        for raw in words[len(command):]:
            word = raw.strip("[]").removesuffix("...").strip("[]")
            if word.startswith("--"):
                options.setdefault(word, None)
                value_next = not raw.endswith("]")     # "[--model NAME]", "--out DIR": NAME, DIR are values
            elif value_next and not raw.startswith("["):
                value_next = False
            elif re.fullmatch(r"[A-Z_]+", word):
                positionals.add(word)
        for name, values in re.findall(r"(--[a-z-]+) ([a-z0-9_.]+(?:\|[a-z0-9_.]+)+)", line):
            options[name] = (options.get(name) or set()) | set(values.split("|"))
    return options, positionals


def test_docs_readme_command_list_and_help_agree_option_for_option():
    """Every option and positional of every command is in the README's command list, and nothing else is; where
    the list shows choices (--format table|json) they are the parser's choices."""
    for command, parser in _commands():
        options, positionals = _documented(command, parser)
        if command == ("eval",):      # one parser, one README line per corpus: their union is the parser
            positionals -= {"DIR"}
            positionals |= {"SPLIT_DIR"}
        actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
        parsed = {a.option_strings[-1]: a for a in actions if a.option_strings}
        assert set(options) == set(parsed), (command, set(options) ^ set(parsed))
        assert positionals == {a.metavar for a in actions if not a.option_strings and a.metavar}, command
        for name, shown in options.items():
            if shown and parsed[name].choices:
                assert shown == set(parsed[name].choices), (command, name)


def test_docs_every_command_has_a_description_and_every_argument_help_with_its_default():
    for command, parser in _commands():
        assert parser.description, command
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, (command, action.dest)
            shows_default = action.default in (None, False, [], argparse.SUPPRESS) or "default" in action.help
            assert shows_default, (command, action.dest, "help does not show the default")
