"""Docs with a parse written out by hand, for the repairs of parses the models get wrong in a regular way.

A model's parse of a sentence changes with the words around it, so a sentence written for a test rarely
reproduces the wrong parse met in an article. These docs carry that wrong parse itself, one token per line:
`text lemma POS dep head [entity] [morphology]`, with `head` the index of the head token (its own index for
the root), the entity as `B-PER`/`I-PER` (or `-`), and the morphology in Universal Dependencies notation.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from selon import lang as languages
from selon.extract.assemble import Extraction, extract
from selon.nlp.models import model_name


def parsed(lang: str, rows: str) -> Doc:
    words, lemmas, pos, deps, heads, ents, morphs = [], [], [], [], [], [], []
    for row in rows.strip().splitlines():
        fields = row.split()
        words.append(fields[0])
        lemmas.append(fields[1])
        pos.append(fields[2])
        deps.append(fields[3])
        heads.append(int(fields[4]))
        ents.append(fields[5] if len(fields) > 5 and fields[5] != "-" else "O")
        morphs.append(fields[6] if len(fields) > 6 else "")
    spaces = [not (i + 1 < len(words) and (words[i + 1] in (",", ".", ")") or words[i + 1].startswith("-")))
              and words[i] not in ("(", "'")
              for i in range(len(words))]
    return Doc(_vocab(lang), words=words, spaces=spaces, lemmas=lemmas, pos=pos, deps=deps, heads=heads,
               ents=ents, morphs=morphs)


def extract_parsed(lang: str, rows: str) -> Extraction:
    return extract(parsed(lang, rows), languages.load(lang))


_VOCABS: dict[str, spacy.Vocab] = {}


def _vocab(lang: str) -> spacy.Vocab:
    if lang not in _VOCABS:
        _VOCABS[lang] = spacy.load(model_name(lang), exclude=["parser", "ner", "tagger", "morphologizer"]).vocab
    return _VOCABS[lang]
