"""A year of coverage by four outlets with known genders and roles, for the parity page's tests and screenshot:
each outlet quotes women in its own proportion, which grows month by month, so every picture has a shape."""

from __future__ import annotations

from selon.corpus.testing import Voice, voiced_analysis
from selon.schema.records import Analysis

OUTLETS = {"Le Quotidien": 0.22, "La Gazette": 0.38, "The Daily Ledger": 0.30, "Radio Centre": 0.46}
ROLES = ("politician", "government", "expert", "business", "police_justice", "union_civil", "citizen", "culture")
FIRST = {"female": ["Claire", "Inès", "Mary", "Sophie", "Nadia", "Ruth"],
         "male": ["Jean", "Paul", "Omar", "David", "Luc", "Peter"], "unknown": ["Dominique", "Alex", "Camille"]}


def _gender(outlet: str, month: int, number: int) -> str:
    if number % 11 == 0:
        return "unknown"
    share = OUTLETS[outlet] + 0.015 * month
    return "female" if (number * 37 % 100) / 100 < share else "male"


def year_of_coverage() -> list[Analysis]:
    analyses: list[Analysis] = []
    for o, outlet in enumerate(OUTLETS):
        for month in range(12):
            voices = []
            for k in range(9):
                number = o * 1000 + month * 20 + k
                gender = _gender(outlet, month, number)
                names = FIRST[gender]
                name = f"{names[number % len(names)]} Nom{number % 23}"
                role = ROLES[(number * 7) % len(ROLES)]
                voices.append(Voice(name, gender, role, f"Déclaration {number} sur le budget."))
            analyses.append(voiced_analysis(voices, doc_id=f"{o}-{month}", outlet=outlet,
                                            published=f"2024-{month + 1:02d}-{10 + o:02d}",
                                            lang="en" if "Daily" in outlet else "fr", title=f"Article {o}-{month}"))
    return analyses
