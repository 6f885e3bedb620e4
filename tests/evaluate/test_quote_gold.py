"""Tests for the speech-only quote corpus reader: JSONL and brat gold, split quotes, names, bad lines (issue 19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evalhelpers import at

from onrecord.errors import InputError
from onrecord.evaluate.quote_gold import brat_names, parse_quote, read_corpus

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"
TEXT = '"The ferry is late," said Tomas Brek. "Again."'


def test_quote_gold_fixture_reads_both_forms_with_split_quotes_and_names():
    articles = {a.name: a for a in read_corpus(FIXTURE)}
    assert sorted(articles) == ["01-harbour", "02-library", "03-clinic"]
    assert [len(a.quotes) for a in articles.values()] == [4, 5, 2]
    assert sum(len(q.content) > 1 for a in articles.values() for q in a.quotes) == 5
    clinic = articles["03-clinic"]    # brat: Content + Content2, names from AnnotatorNotes on event and span
    ministry, demir = clinic.quotes[0], clinic.quotes[1]
    assert ministry.names == ("health ministry", "Ministry of Health")
    assert len(demir.content) == 2 and demir.names == ("Carla Demir",)
    assert clinic.text[demir.speaker[0][0]:demir.speaker[0][1]] == "Carla Demir"
    assert not any(a.problems for a in articles.values())
    library = articles["02-library"]
    assert library.quotes[0].names == ("Amara Osei", "Amara Osei-Mensah")


@pytest.mark.parametrize(("data", "parts", "speaker", "names"), [
    ({"content": [list(at(TEXT, "The ferry is late")), list(at(TEXT, "Again."))],
      "speaker": list(at(TEXT, "Tomas Brek")), "name": "Tomas Brek"},
     [at(TEXT, "The ferry is late"), at(TEXT, "Again.")], [at(TEXT, "Tomas Brek")], ("Tomas Brek",)),
    # parts given out of order are sorted; no speaker and no name
    ({"content": [list(at(TEXT, "Again.")), list(at(TEXT, "The ferry"))], "speaker": None, "name": None},
     [at(TEXT, "The ferry"), at(TEXT, "Again.")], [], ()),
    # the checked text is the parts joined by one space
    ({"content": [list(at(TEXT, "The ferry is late"))], "text": "The ferry  is late", "name": "T. Brek",
      "aliases": ["Brek"]}, [at(TEXT, "The ferry is late")], [], ("T. Brek", "Brek")),
])
def test_quote_gold_parse_quote(data, parts, speaker, names):
    quote = parse_quote(data, TEXT, 1)
    assert list(quote.content) == parts and list(quote.speaker) == speaker and quote.names == names


@pytest.mark.parametrize(("data", "problem"), [
    ({"content": []}, "content must be a non-empty list"),
    ({"content": [[0, 999]]}, "each content part must be"),
    ({"content": [[5, 2]]}, "each content part must be"),
    ({"content": [[0, 4]], "speeker": [0, 3]}, "unknown key 'speeker'"),
    ({"content": [[1, 4]], "text": "Tha"}, "text does not match"),
    ({"content": [[1, 4]], "speaker": [0, 3], "speaker_text": "xyz"}, "speaker_text does not match"),
    ({"content": [[1, 4]], "aliases": ["Brek"]}, "aliases need a name"),
    ({"content": [[1, 4]], "name": 7}, "name must be"),
    (["content"], "one JSON object"),
])
def test_quote_gold_parse_quote_refuses(data, problem):
    with pytest.raises(ValueError, match=problem):
        parse_quote(data, TEXT, 1)


def test_quote_gold_bad_line_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.quotes.jsonl").write_text(json.dumps({"content": [[1, 4]]}) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_corpus(tmp_path)
    assert info.value.line == 3 and info.value.path.endswith("a.quotes.jsonl")


@pytest.mark.parametrize(("files", "problem"), [
    ({"a.txt": TEXT}, "has no gold file"),
    ({"a.txt": TEXT, "a.quotes.jsonl": "", "a.ann": ""}, "has two gold files"),
    ({"notes.md": "x"}, "holds no quote corpus"),
])
def test_quote_gold_corpus_refuses_what_it_cannot_score(tmp_path, files, problem):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_corpus(tmp_path)


def test_quote_gold_an_empty_gold_file_is_an_article_without_quotes(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.quotes.jsonl").write_text("", encoding="utf-8")
    (article,) = read_corpus(tmp_path)
    assert article.quotes == ()


def test_quote_gold_reads_polnear_layout(tmp_path, mini_split):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "Officials told reporters that the road was closed."
    (tmp_path / "text" / "road.txt").write_text(text, encoding="utf-8")
    s, e = at(text, "the road was closed")
    (tmp_path / "attributions" / "road_ab12.ann").write_text(
        f"T1\tSource 0 9\tOfficials\nT2\tContent {s} {e}\tthe road was closed\nE1\tAttribution:T1 Content:T2 "
        "Source:T1\n", encoding="utf-8")
    (article,) = read_corpus(tmp_path)
    assert article.name == "road" and [q.content for q in article.quotes] == [((s, e),)]
    # every text needs its annotation: the mini split has a text without one
    with pytest.raises(InputError, match="has no annotation file"):
        read_corpus(mini_split)


def test_quote_gold_brat_names_by_event_and_by_span():
    ann = "T1\tSource 0 4\tAnna\nT2\tContent 10 20\tx\n#1\tAnnotatorNotes T1\tAnna Berg | Berg\n" \
          "#2\tAnnotatorNotes E3\tTown council\n#3\tAnnotatorNotes T2\t \n"
    by_event, by_span = brat_names(ann)
    assert by_event == {"E3": ("Town council",)}
    assert by_span == {((0, 4),): ("Anna Berg", "Berg")}


LISTED_TEXT = ('"We will open the pool in June," Mayor Ines Varga said on Monday. She added that lifeguards '
               'were being hired. "It is overdue," a resident told us.')


def _listed(tmp_path, quotes, texts_dir=None, gold_dir=None):
    texts_dir, gold_dir = texts_dir or tmp_path, gold_dir or tmp_path
    texts_dir.mkdir(exist_ok=True)
    gold_dir.mkdir(exist_ok=True)
    (texts_dir / "pool.txt").write_text(LISTED_TEXT, encoding="utf-8")
    (gold_dir / "pool.json").write_text(json.dumps(quotes), encoding="utf-8")


def _index(sub: str, text: str = LISTED_TEXT) -> str:
    start = text.index(sub)
    return f"({start}, {start + len(sub)})"


LISTED = [
    {"speaker": "Mayor Ines Varga", "speaker_index": _index("Mayor Ines Varga"), "verb": "said",
     "quote": "We will open the pool in June,", "quote_index": _index('"We will open the pool in June,"')},
    {"speaker": "She", "speaker_index": _index("She"), "verb": "added",
     "quote_index": _index("lifeguards were being hired")},
    {"speaker": "a resident", "speaker_index": _index("a resident"), "verb": "told",
     "quote_index": _index('"It is overdue,"')},
    {"speaker": "", "speaker_index": "", "verb": "", "quote_index": ""},
]


@pytest.mark.parametrize("layout", ["side by side", "rawtext and humanAnnotatedQuotes"])
def test_quote_gold_reads_the_gender_gap_trackers_json_lists(tmp_path, layout):
    if layout == "side by side":
        _listed(tmp_path, LISTED)
    else:
        _listed(tmp_path, LISTED, tmp_path / "rawtext", tmp_path / "humanAnnotatedQuotes")
    (article,) = read_corpus(tmp_path)
    spans = [LISTED_TEXT[q.content[0][0]:q.content[0][1]] for q in article.quotes]
    assert spans == ['"We will open the pool in June,"', "lifeguards were being hired", '"It is overdue,"']
    # a capitalised mention is a name; a pronoun or a description is a mention without a name
    assert [q.names for q in article.quotes] == [("Mayor Ines Varga",), (), ()]
    assert [LISTED_TEXT[q.speaker[0][0]:q.speaker[0][1]] for q in article.quotes] == [
        "Mayor Ines Varga", "She", "a resident"]


@pytest.mark.parametrize(("quotes", "problem"), [
    ({"quote_index": "(1, 5)"}, "is not a JSON list of quotes"),
    ([{"quote_index": "(5, 1)"}], r"quote 1: quote_index must be \[start, end\]"),
    ([{"quote_index": "(0, 4)"}, {"quote_index": "(0, 99999)", "speaker_index": ""}], "quote 2: quote_index"),
])
def test_quote_gold_a_bad_json_list_names_the_file_and_the_quote(tmp_path, quotes, problem):
    _listed(tmp_path, quotes)
    with pytest.raises(InputError, match=problem) as info:
        read_corpus(tmp_path)
    assert info.value.path.endswith("pool.json")
