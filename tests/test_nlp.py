import pytest

from onrecord.nlp import chunk_bounds, load, parse


@pytest.mark.parametrize("text", ["", "a", "x\n" * 50_000, "word " * 30_000, "a" * 70_000,
                                  "GENEVA (Reuters) - The talks failed."])
def test_nlp_chunk_bounds_cover_text_exactly(text):
    bounds = chunk_bounds(text, limit=20_000)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(e - s <= 20_000 for s, e in bounds)
    assert all(bounds[i][1] == bounds[i + 1][0] for i in range(len(bounds) - 1))


@pytest.mark.parametrize("text, second", [
    ("MOSCOW, March 3 (AP) — The Kremlin said the talks failed.", "The Kremlin said the talks failed."),
    ("Truce frays\n\nBEIRUT, March 14, 2025 (AFP) - Beirut rejected the claims.", "BEIRUT, March 14, 2025 (AFP) - "),
])
def test_nlp_sentences_break_at_lines_and_datelines(text, second):
    doc = parse(load(), text)
    sentences = [s.text.strip() for s in doc.sents]
    assert second.strip() in sentences


def test_nlp_parse_long_text_beyond_max_length_keeps_offsets():
    nlp = load()
    paragraph = 'The minister said the talks had failed. "We tried," she said.\n\n'
    text = paragraph * (nlp.max_length // len(paragraph) + 10)
    assert len(text) > nlp.max_length
    doc = parse(nlp, text)
    assert doc.text == text
    last = doc[-2]
    assert text[last.idx:last.idx + len(last.text)] == last.text


def test_nlp_unknown_model_is_a_one_line_error():
    from onrecord.errors import ModelError
    with pytest.raises(ModelError) as info:
        load("no_such_pipeline_xyz")
    assert "no_such_pipeline_xyz" in str(info.value) and "\n" not in str(info.value)


def test_nlp_parse_many_reports_each_chunk_of_a_long_text_and_nothing_for_a_short_one():
    from onrecord.nlp import CHUNK_CHARS, chunk_bounds, parse_many
    nlp = load()
    paragraph = "The mayor said the bridge would reopen in May.\n\n"
    long_text = paragraph * (2 * CHUNK_CHARS // len(paragraph) + 5)
    chunks = len(chunk_bounds(long_text))
    assert chunks == 3
    calls = []
    docs = list(parse_many(nlp, ["A short note, the clerk said.", long_text],
                           on_chunk=lambda *call: calls.append(call)))
    assert [d.text for d in docs] == ["A short note, the clerk said.", long_text]
    assert calls == [(1, 0, 3), (1, 1, 3), (1, 2, 3), (1, 3, 3)]


@pytest.mark.parametrize(("lengths", "expected"), [
    ([3_000] * 40, 26),              # news articles: close to the batch size asked for
    ([1_000] * 40, 32),              # short items: the batch size asked for
    ([20_000] * 45, 4),              # a 900,000-character text's chunks: four at a time (2,060 MB peak at 32)
    ([90_000], 1),                   # one piece over the budget still parses
    ([], 32),
])
def test_nlp_pipe_batch_caps_the_characters_parsed_at_once_for_memory(lengths, expected):
    from onrecord.nlp import pipe_batch
    assert pipe_batch(["x" * n for n in lengths], 32) == expected
