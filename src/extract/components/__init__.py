"""spaCy pipeline components, one per module; `extract.nlp` registers them."""
