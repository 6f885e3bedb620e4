"""The README stays true: commands, contract fields, the two commands and .ci/run."""

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
              "attributions[].stance", "attributions[].rule", "attributions[].confidence", "attributions[].sentence",
              "actors[]"]
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
    assert "onrecord ingest examples/" in commands[0] and "onrecord claims" in commands[0]


def test_docs_python_ledger_example_runs(extractor, tmp_path, capsys):
    code = next(c for c in re.findall(r"```python\n(.*?)```", README, re.S) if "onrecord.ledger import queries" in c)
    code = code.replace('"onrecord.db"', repr(str(tmp_path / "l.db")))
    code = code.replace('"examples/dispute"', repr(str(ROOT / "examples" / "dispute")))
    exec(compile(code, "README.md", "exec"), {"extractor": extractor})
    out = capsys.readouterr().out
    assert "Russian warships mined" in out and "Maksym Kovalenko" in out and "Kremlin" in out


def test_docs_first_command_output_is_real(tmp_path, capsys):
    """The README's printed ingest summary and contested claim are what the first command gives (timings aside)."""
    from onrecord.cli import main
    shown = re.search(r"The first command prints.*?```\n(.*?)```", README, re.S).group(1).splitlines()
    db = tmp_path / "onrecord.db"
    capsys.readouterr()
    assert main(["ingest", str(ROOT / "examples" / "dispute"), "--db", str(db)]) == 0
    summary = capsys.readouterr().out.strip()
    assert re.sub(r"\(.*? s, .*? articles/s\)", "", summary.split(": ", 1)[1]) == \
        re.sub(r"\(.*? s, .*? articles/s\)", "", shown[0].split(": ", 1)[1])
    assert main(["claims", "--contested", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines() == shown[1:]
