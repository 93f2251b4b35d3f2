"""Pure rules from a parsed spaCy Doc to attribution records; no I/O, storage, web or CLI in here."""
