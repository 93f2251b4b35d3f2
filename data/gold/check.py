#!/usr/bin/env python3
"""Validate the hand-written gold files (en.jsonl, fr.jsonl) in the dev-gold format.

Usage: python3 data/gold/check.py [FILE.jsonl ...]   (default: en.jsonl and fr.jsonl next to this script)
Exit status 0 when every file passes, 1 otherwise. Stdlib only.
"""
import collections
import json
import os
import re
import sys

DOC_KEYS = {"doc_id", "lang", "url", "text", "attributions", "non_body"}
ATT_KEYS = {"content", "type", "cue", "source", "source_canonical", "source_kind", "stance"}
TYPES = {"direct", "indirect", "mixed"}
KINDS = {"person", "anonymous", "organization", "document", "media"}
STANCES = {"assert", "deny", "acknowledge", "decline", "no_response"}
LANGS = {"en", "fr"}
# optional per-attribution fields (issue 9), allowed on person and anonymous sources only
OPT_KEYS = {"source_gender", "source_role_category"}
GENDERS = {"female", "male", "unknown"}
ROLES = {"politician", "government", "police_justice", "expert", "business", "union_civil", "citizen",
         "sport", "culture", "media", "other"}
QUOTES = "«»“”\"‘’"
OPEN_QUOTES = "«“\"‘"


def check_doc(d, where, errors, warnings):
    missing = DOC_KEYS - d.keys()
    extra = d.keys() - DOC_KEYS
    if missing:
        errors.append(f"{where}: missing keys {sorted(missing)}")
        return None
    if extra:
        warnings.append(f"{where}: extra keys {sorted(extra)}")
    did = d["doc_id"]
    where = f"{where} [{did}]"
    if not isinstance(did, str) or not did:
        errors.append(f"{where}: doc_id must be a non-empty string")
    if d["lang"] not in LANGS:
        errors.append(f"{where}: lang {d['lang']!r} not in {sorted(LANGS)}")
    elif not did.startswith(d["lang"] + "-"):
        warnings.append(f"{where}: doc_id does not start with '{d['lang']}-'")
    if d["url"] is not None and not re.match(r"https?://([a-z0-9-]+\.)*example\.(org|com)/", d["url"]):
        errors.append(f"{where}: url must be null or on example.org/example.com")
    text = d["text"]
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: empty text")
        return None
    paras = text.split("\n\n")
    if any(p != p.strip() or not p for p in paras):
        errors.append(f"{where}: paragraphs must be non-empty and unpadded, separated by a blank line")
    if not isinstance(d["non_body"], list):
        errors.append(f"{where}: non_body must be a list")
        return None
    for nb in d["non_body"]:
        if nb not in paras:
            errors.append(f"{where}: non_body line is not a whole paragraph of text: {nb!r}")
    body = [p for p in paras if p not in d["non_body"]]
    words = sum(len(p.split()) for p in body)
    if not isinstance(d["attributions"], list) or not d["attributions"]:
        errors.append(f"{where}: attributions must be a non-empty list")
        return None
    nb_spans = [(m.start(), m.end()) for nb in d["non_body"] for m in re.finditer(re.escape(nb), text)]
    seen = collections.Counter()
    for i, a in enumerate(d["attributions"]):
        w = f"{where} a{i + 1}"
        if not isinstance(a, dict):
            errors.append(f"{w}: not an object")
            continue
        if not ATT_KEYS <= a.keys() or not a.keys() <= ATT_KEYS | OPT_KEYS:
            errors.append(f"{w}: keys {sorted(a.keys())} != {sorted(ATT_KEYS)} (+ optional {sorted(OPT_KEYS)})")
            continue
        opt = a.keys() & OPT_KEYS
        if opt and a["source_kind"] not in ("person", "anonymous"):
            errors.append(f"{w}: {sorted(opt)} only on person/anonymous sources, not {a['source_kind']}")
        if "source_gender" in a and a["source_gender"] not in GENDERS:
            errors.append(f"{w}: source_gender {a['source_gender']!r} not in {sorted(GENDERS)}")
        if "source_role_category" in a and a["source_role_category"] not in ROLES:
            errors.append(f"{w}: source_role_category {a['source_role_category']!r} not in {sorted(ROLES)}")
        for k in ("content", "source", "source_canonical"):
            if not isinstance(a[k], str) or not a[k].strip():
                errors.append(f"{w}: {k} must be a non-empty string")
        if a["cue"] is not None and (not isinstance(a["cue"], str) or not a["cue"].strip()):
            errors.append(f"{w}: cue must be null or a non-empty string")
        for k in ("content", "cue", "source"):
            v = a[k]
            if isinstance(v, str) and v not in text:
                errors.append(f"{w}: {k} is not a substring of text: {v!r}")
            if isinstance(v, str) and v != v.strip():
                errors.append(f"{w}: {k} has leading/trailing whitespace: {v!r}")
        if a["type"] not in TYPES:
            errors.append(f"{w}: type {a['type']!r} not in {sorted(TYPES)}")
        if a["source_kind"] not in KINDS:
            errors.append(f"{w}: source_kind {a['source_kind']!r} not in {sorted(KINDS)}")
        if a["stance"] not in STANCES:
            errors.append(f"{w}: stance {a['stance']!r} not in {sorted(STANCES)}")
        c = a["content"]
        if not isinstance(c, str) or c not in text:
            continue
        seen[c] += 1
        # content must lie in the body, not in a boilerplate line
        pos = [m.start() for m in re.finditer(re.escape(c), text)]
        if all(any(s <= p < e for s, e in nb_spans) for p in pos):
            errors.append(f"{w}: content only occurs inside non_body lines")
        if a["type"] == "direct":
            if c[0] in OPEN_QUOTES:
                errors.append(f"{w}: direct content must exclude the opening quote mark: {c[:20]!r}")
            if c[-1] in "»”\"":
                errors.append(f"{w}: direct content must exclude the closing quote mark: {c[-20:]!r}")
            before = text[:pos[0]].rstrip(" ")
            if not before or before[-1] not in OPEN_QUOTES:
                warnings.append(f"{w}: direct content not right after an opening quote mark "
                                f"(incise continuation?): {c[:40]!r}")
        elif a["type"] == "mixed":
            if not any(q in c for q in QUOTES):
                errors.append(f"{w}: mixed content has no quote mark: {c[:40]!r}")
        if a["cue"] is None and a["type"] != "direct":
            errors.append(f"{w}: cue may be null only for direct quotes (continuation / colon)")
        if a["stance"] in ("decline", "no_response") and a["cue"] and a["cue"] not in c:
            warnings.append(f"{w}: {a['stance']} content does not contain its cue (seed takes the predicate)")
    per_source = collections.defaultdict(set)
    for a in d["attributions"]:
        if isinstance(a, dict) and "source_canonical" in a:
            per_source[a["source_canonical"]].add((a.get("source_gender"), a.get("source_role_category")))
    for src, vals in per_source.items():
        if len(vals) > 1:
            errors.append(f"{where}: source {src!r} has inconsistent gender/role across attributions: {sorted(map(str, vals))}")
    for c, n in seen.items():
        if n > 1:
            errors.append(f"{where}: content annotated {n} times: {c[:50]!r}")
    return {"doc_id": did, "lang": d["lang"], "words": words, "paragraphs": len(paras),
            "atts": d["attributions"]}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or [os.path.join(here, "en.jsonl"), os.path.join(here, "fr.jsonl")]
    errors, warnings, docs = [], [], []
    ids = collections.Counter()
    for fn in files:
        try:
            fh = open(fn, encoding="utf-8")
        except OSError as e:
            errors.append(f"{fn}: {e}")
            continue
        with fh:
            for ln, line in enumerate(fh, 1):
                where = f"{os.path.basename(fn)}:{ln}"
                if not line.strip():
                    errors.append(f"{where}: blank line")
                    continue
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: invalid JSON: {e}")
                    continue
                if not isinstance(d, dict):
                    errors.append(f"{where}: not an object")
                    continue
                r = check_doc(d, where, errors, warnings)
                if r:
                    docs.append(r)
                    ids[r["doc_id"]] += 1
    for i, n in ids.items():
        if n > 1:
            errors.append(f"doc_id {i!r} used {n} times")

    total = collections.Counter()
    print(f"{'doc_id':34} {'lang':4} {'words':>5} {'atts':>4}  type d/i/m  kind p/a/o/doc/med  stance as/de/ac/dc/nr")
    for r in docs:
        atts = r["atts"]
        t = collections.Counter(a["type"] for a in atts)
        k = collections.Counter(a["source_kind"] for a in atts)
        s = collections.Counter(a["stance"] for a in atts)
        nulls = sum(a["cue"] is None for a in atts)
        total.update({"docs": 1, "atts": len(atts), "lang_" + r["lang"]: len(atts)})
        print(f"{r['doc_id']:34} {r['lang']:4} {r['words']:5} {len(atts):4}  "
              f"{t['direct']:2}/{t['indirect']:2}/{t['mixed']:2}  "
              f"{k['person']:2}/{k['anonymous']:2}/{k['organization']:2}/{k['document']:2}/{k['media']:2}  "
              f"{s['assert']:2}/{s['deny']}/{s['acknowledge']}/{s['decline']}/{s['no_response']}  (cue null: {nulls})")
    print(f"total: {total['docs']} documents, {total['atts']} attributions "
          f"(en {total['lang_en']}, fr {total['lang_fr']})")
    srcs = {}
    for r in docs:
        for a in r["atts"]:
            if isinstance(a, dict) and a.get("source_kind") in ("person", "anonymous") and "source_canonical" in a:
                srcs[(r["doc_id"], a["source_canonical"])] = (r["lang"], a["source_kind"], a.get("source_gender"),
                                                               a.get("source_role_category"))
    if any(v[2] or v[3] for v in srcs.values()):
        for lang in sorted({v[0] for v in srcs.values()}):
            vs = [v for v in srcs.values() if v[0] == lang]
            for kind in ("person", "anonymous"):
                g = collections.Counter(v[2] or "-" for v in vs if v[1] == kind)
                print(f"sources {lang} {kind}: {sum(g.values())} (gender " +
                      " ".join(f"{k} {g[k]}" for k in ("female", "male", "unknown", "-") if g[k]) + ")")
            roles = collections.Counter(v[3] or "-" for v in vs)
            print(f"roles {lang}: " + " ".join(f"{k} {n}" for k, n in sorted(roles.items(), key=lambda x: (-x[1], x[0]))))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("FAIL" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
