"""`onrecord eval speakers`: labels, the name rule, pairwise and B-cubed figures (issue 16)."""

import pytest

from onrecord.errors import InputError
from onrecord.evaluate.speakers import (
    _bcubed,
    _names_entity,
    _pairs,
    default_labels,
    publication_dates,
    read_labels,
)


def test_eval_speakers_bundled_labels_read_with_known_parts():
    # session 3 scored the last unseen part and moved it to 'seen'; a fresh unseen part is still to be labelled
    labels = read_labels(default_labels())
    assert {lab.part for lab in labels} <= {"seen", "unseen"}
    assert "seen" in {lab.part for lab in labels}
    assert all(lab.end > lab.start for lab in labels)
    assert len({lab.article for lab in labels}) >= 17


@pytest.mark.parametrize("body, problem", [
    ("part\tarticle\tstart\tend\tentity\nseen\ta\tx\t5\tBob Hale\n", "row 2"),
    ("part\tarticle\tstart\tend\tentity\nlater\ta\t1\t5\tBob Hale\n", "row 2"),
    ("article\tstart\n", "not a label file"),
])
def test_eval_speakers_bad_label_files_are_refused_with_one_line(tmp_path, body, problem):
    path = tmp_path / "labels.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_labels(path)


@pytest.mark.parametrize("speaker, entity, others, right", [
    ("Donald Trump", "Donald Trump", [], True),
    ("Trump", "Donald Trump", ["Donald Trump"], True),
    ("Trump", "Donald Trump", ["Donald Trump", "Ivanka Trump"], False),   # a bare surname two entities share
    ("Mark Barabak", "Mark Z. Barabak", [], True),
    ("Ivanka Trump", "Donald Trump", [], False),
    (None, "Donald Trump", [], False),                                    # unresolved counts as wrong
    ("the Trump campaign", "Trump campaign", [], True),
])
def test_eval_speakers_names_entity(speaker, entity, others, right):
    assert _names_entity(speaker, entity, others or [entity]) == right


def test_eval_speakers_pairs_and_bcubed_count_cross_article_pairs_only():
    items = [("a1", "X", 1), ("a2", "X", 1), ("a3", "X", 2), ("a1", "Y", 3), ("a2", "Y", 3), ("a2", "Z", 3)]
    both, same_actor, same_entity = _pairs(items)
    # cross-article pairs: X: (a1,a2) same actor, (a1,a3), (a2,a3) apart; Y (a1,a2) same; actor 3: Y-a1 / Z-a2
    assert (both, same_actor, same_entity) == (2, 3, 4)
    precision, recall = _bcubed(items)
    assert 0 < precision < 1 and 0 < recall < 1


def test_eval_speakers_publication_dates_from_the_metadata_beside_the_split(tmp_path):
    (tmp_path / "dev").mkdir()
    assert publication_dates(tmp_path / "dev") == {}
    (tmp_path / "metadata.tsv").write_text(
        "filename\tpublisher\tpublication_date\n"
        "paper_2016-09-01_one\tpaper\t2016-09-01\n"
        "paper_2016-09-02_two\tpaper\tNone\n", encoding="utf-8")
    assert publication_dates(tmp_path / "dev") == {"paper_2016-09-01_one": "2016-09-01"}
