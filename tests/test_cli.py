"""The extract command as a user runs it: formats, stdin, bad inputs, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "embassy-drones.txt"


def test_cli_extract_one_input_prints_one_json_object(capsys):
    assert main(["extract", str(EXAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert data["schema"] == "onrecord.article/2"
    assert data["source"] == str(EXAMPLE) and data["text_length"] == len(text)
    assert len(data["attributions"]) >= 10
    for a in data["attributions"]:
        assert text[a["content"]["start"]:a["content"]["end"]] == a["content"]["text"]
    assert {"Maria Zakharova", "Hossein Amir-Abdollahian"} <= {a["name"] for a in data["actors"]}


def test_cli_extract_several_inputs_one_line_each_and_bad_file_reported(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text('"We deny it," said Maria Zakharova.', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    code = main(["extract", str(good), str(binary), str(empty), str(latin)])
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert code == 1
    assert [json.loads(line)["source"] for line in lines] == [str(good)]
    errors = captured.err.strip().splitlines()
    assert len(errors) == 3
    assert str(binary) in errors[0] and "binary" in errors[0]
    assert str(empty) in errors[1] and "no article text found" in errors[1]
    assert str(latin) in errors[2] and "UTF-8" in errors[2]


def test_cli_extract_missing_path_exits_2_with_one_line(capsys):
    assert main(["extract", "/no/such/file.txt"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "/no/such/file.txt" in err and "no such file" in err


def test_cli_extract_table_format(capsys):
    assert main(["extract", str(EXAMPLE), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == ["SPEAKER", "STANCE", "CUE", "CONTENT"]
    assert "Maria Zakharova" in out and "deny" in out


def test_cli_extract_reads_stdin_as_console_script():
    proc = subprocess.run([sys.executable, "-m", "onrecord.cli", "extract", "-", "--format", "jsonl"],
                          input=b'Ned Price said that the talks had failed.', capture_output=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["source"] == "-"
    assert data["attributions"][0]["speaker"]["name"] == "Ned Price"


def test_cli_extract_unknown_model_is_one_line_error(capsys):
    assert main(["extract", str(EXAMPLE), "--model", "no_such_model_abc"]) == 2
    err = capsys.readouterr().err.strip()
    assert "no_such_model_abc" in err and "\n" not in err


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"]])
def test_cli_help(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "onrecord" in capsys.readouterr().out


def test_cli_eval_wire_prints_speaker_and_deny_accuracy(capsys):
    assert main(["eval", "wire", str(ROOT / "tests" / "fixtures" / "wire"), "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["gold"] == 140 and 0.0 <= figures["speaker_accuracy"] <= 1.0
    assert isinstance(figures["misses"], list)


def test_cli_eval_quotes_scores_the_fixture_in_speech_mode(tmp_path, capsys):
    errors = tmp_path / "errors.jsonl"
    folder = ROOT / "tests" / "fixtures" / "quotes"
    assert main(["eval", "quotes", str(folder), "--format", "json", "--errors", str(errors)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["mode"], figures["articles"], figures["gold"], figures["split_gold"]) == ("speech", 3, 11, 5)
    assert figures["quote_exact_by_part"]["gold_parts"] == 16
    for measure in ("quote_partial", "quote_exact_by_part"):
        assert 0.0 <= figures[measure]["f1"] <= 1.0
    kinds = {json.loads(line)["kind"] for line in errors.read_text(encoding="utf-8").splitlines()}
    assert kinds <= {"fn", "fp", "speaker"}
    # every extracted attribution is scored with --mode all, beliefs included
    assert main(["eval", "quotes", str(folder), "--format", "json", "--mode", "all"]) == 0
    assert json.loads(capsys.readouterr().out)["predicted"] >= figures["predicted"]


def test_cli_eval_quotes_bad_gold_is_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Ines Varga said the pier is safe.", encoding="utf-8")
    (tmp_path / "a.quotes.jsonl").write_text('{"content": [[0, 99]]}\n', encoding="utf-8")
    assert main(["eval", "quotes", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"onrecord: error: {tmp_path / 'a.quotes.jsonl'}:1: each content part") and "\n" not in err


def test_cli_eval_polnear_rejects_a_folder_that_is_not_a_split(tmp_path, capsys):
    assert main(["eval", "polnear", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(tmp_path) in err and "not a PolNeAR split" in err and "\n" not in err


def test_cli_extract_a_folder_without_text_files_is_one_line_not_silence(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip().splitlines() == [f"onrecord: error: {tmp_path / 'empty'}: is a folder with no files in it"]


def _warc_of(html: Path, out: Path) -> Path:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    body = html.read_bytes()
    with open(out, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://harbour-courier.example/world/black-sea-mines", "response", payload=io.BytesIO(body),
            length=len(body), http_headers=headers, warc_headers_dict={"WARC-Date": "2026-11-04T10:00:00Z"}))
    return out


def _said(a: dict) -> tuple:
    return (a["content"]["start"], a["content"]["end"], a["cue"]["text"] if a["cue"] else None,
            a["speaker"]["name"], a["stance"], a["via"]["text"] if a["via"] else None, a["said_on"])


@pytest.mark.parametrize("name", ["01-harbour-courier.html", "02-wire-digest.jsonl", "warc"])
def test_cli_extract_reads_what_ingest_reads(name, tmp_path, capsys):
    """issue 18: extract read markup and JSON as prose (speaker "body><article><h1>Ministry"), exit 0."""
    from onrecord.ledger import queries
    from onrecord.ledger.store import Store

    dispute = ROOT / "examples" / "dispute"
    path = _warc_of(dispute / "01-harbour-courier.html", tmp_path / "page.warc.gz") if name == "warc" \
        else dispute / name
    assert main(["extract", str(path), "--format", "jsonl", "--with-text"]) == 0
    extracted = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert extracted and all("<" not in a["speaker"]["name"] for e in extracted for a in e["attributions"]
                             if a["speaker"]["name"])
    db = tmp_path / "l.db"
    assert main(["ingest", str(path), "--db", str(db), "--workers", "1"]) == 0
    capsys.readouterr()
    with Store.open(db, read_only=True) as store:
        stored = [queries.article(store, n) for n in range(1, len(extracted) + 1)]
    for article, row in zip(extracted, stored):
        assert (article["source"], article["text"], article["published"], article["title"]) == (
            row["source"], row["text"], row["published"], row["title"])
        ledger_said = [(s["content_span"][0], s["content_span"][1], s["cue"], s["speaker"], s["stance"], s["via"],
                        s["said_on"]) for s in row["attributions"]]
        assert [_said(a) for a in article["attributions"]] == ledger_said


def test_cli_extract_metadata_and_dateline(tmp_path, capsys):
    text = tmp_path / "harbour_story.txt"
    text.write_text("Harbour deal signed\n\nLISBON, March 3, 2023 (Reuters) - The harbour board said on Friday "
                    "that the deal was signed.\n", encoding="utf-8")
    assert main(["extract", str(text)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["published"], data["date_method"], data["wire"]) == (
        "Harbour deal signed", "2023-03-03", "dateline", "Reuters")
    assert data["attributions"][0]["said_on"] == "2023-03-03"
    meta = tmp_path / "meta.csv"
    meta.write_text("filename,date,outlet\nharbour_story,2023-03-04,Port Gazette\n", encoding="utf-8")
    assert main(["extract", str(text), "--metadata", str(meta)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["published"], data["date_method"], data["outlet"]) == ("2023-03-04", "metadata (meta.csv)",
                                                                        "Port Gazette")
    assert main(["extract", str(text), "--metadata", str(tmp_path / "none.csv")]) == 2
    assert "none.csv" in capsys.readouterr().err


def test_cli_extract_date_for_the_run_must_be_a_date(capsys):
    assert main(["extract", str(EXAMPLE), "--date", "last week"]) == 2
    assert "--date 'last week'" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--baseline", "textacy"], ["--errors", "out.jsonl"]])
def test_cli_eval_wire_refuses_polnear_only_options_instead_of_ignoring_them(capsys, option):
    assert main(["eval", "wire", str(ROOT / "tests" / "fixtures" / "wire"), *option]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"onrecord: error: eval wire: {option[0]} is for polnear only (wire copy is scored by speaker and "
                   "denial, with no baseline and no error file); leave it out")


def test_cli_eval_help_describes_both_corpora(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "polnear: a PolNeAR split" in out and "wire: hand-labelled articles" in out


@pytest.mark.parametrize(("mode", "cues"), [("all", {"said", "believes"}), ("speech", {"said"}),
                                            ("thought", {"believes"})])
def test_cli_extract_mode_keeps_that_mode(tmp_path, capsys, mode, cues):
    path = tmp_path / "ferry.txt"
    path.write_text("Ilse Norr said the ferry would run again in March. Tomas Vik believes the harbour is too "
                    "shallow for it.", encoding="utf-8")
    assert main(["extract", str(path), "--mode", mode]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {a["cue"]["text"] for a in out["attributions"]} == cues
    assert {a["mode"] for a in out["attributions"]} <= ({"speech", "thought"} if mode == "all" else {mode})


def test_cli_eval_polnear_mode_labels_bad_file_is_one_line(tmp_path, capsys):
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    labels = tmp_path / "labels.tsv"
    labels.write_text("alpha\t1\t2\tsaid\n", encoding="utf-8")
    assert main(["eval", "polnear", str(split), "--mode-labels", str(labels)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "labels.tsv: line 1" in err
