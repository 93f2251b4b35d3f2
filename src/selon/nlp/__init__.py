"""The only place that touches `spacy.Language`: model loading by configurable name, component registration."""
