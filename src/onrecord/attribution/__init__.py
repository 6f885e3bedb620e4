"""Stage 3: a parsed Doc becomes attributions (quotes, cues, speakers, stance)."""
