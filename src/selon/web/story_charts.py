"""The story page's two pictures, as inline SVG written on the server (the conventions of `selon.web.charts`):
natural size (`width`/`height` equal to the viewBox, shrunk by CSS only, keeping the aspect), 11-unit labels,
everything escaped, no script.

- `timeline`: one row per outlet, one dot per article on its day; a dot is filled when the article carries a
  claim on a source of its own, hollow when it only repeats another outlet (a syndicated copy, an echo).
- `origin_graph`: three columns, sources (the origins of the claims) → the outlets that carried them first →
  the outlets that copied or cited those outlets; an edge's class says which rule joined it.

Both are drawn from the story's JSON twin (`graph_data` and `timeline_data` make the data, the routes send it
too), so the picture never shows what the API does not say.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup, escape

from selon.corpus.origins import outlet_key

WIDTH = 640
ROW = 22
LABEL_WIDTH = 150
MAX_ROWS = 24
COLUMNS = (0.0, 232.0, 464.0)
NODE_WIDTH = 176


def timeline_data(document: dict[str, Any]) -> dict[str, Any]:
    """Per outlet, its articles' days and whether each carries an own source (not only copies or echoes)."""
    repeated: set[str] = set()
    own: set[str] = set()
    for claim in document["claims"]:
        echoing = {e["appearances"][0] for o in claim["origins"] for e in o.get("evidence", [])
                   if e["rule"] in ("echo", "syndication")}
        for appearance in claim["appearances"]:
            repeats = int(appearance["id"]) in echoing or appearance["source_kind"] == "media" \
                or bool(appearance.get("via"))
            (repeated if repeats else own).add(str(appearance["article"]))
    rows: dict[str, list[dict[str, Any]]] = {}
    for article in document["articles"]:
        outlet = article["outlet"] or "(unknown)"
        rows.setdefault(outlet, []).append({"article": article["id"], "day": article["day"],
                                            "own": article["id"] in own or article["id"] not in repeated})
    return {"outlets": [{"outlet": o, "articles": a} for o, a in rows.items()]}


def timeline(data: dict[str, Any], *, title: str = "Appearances per outlet") -> Markup:
    outlets = data["outlets"][:MAX_ROWS]
    days = sorted({a["day"] for o in outlets for a in o["articles"]})
    if not days:
        return Markup(f'<p class="empty-chart">{escape(title)}: no article.</p>')
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    span = max((last - first).days, 1)
    height = 24 + ROW * len(outlets) + 22
    left, right = LABEL_WIDTH, WIDTH - 16
    out = [(f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
           f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')]
    for index, row in enumerate(outlets):
        y = 24 + ROW * index + ROW / 2
        out.append(f'<text class="label" x="0" y="{y + 4:.0f}">{escape(_short(row["outlet"], 22))}</text>'
                   f'<line class="grid" x1="{left}" y1="{y:.0f}" x2="{right}" y2="{y:.0f}"></line>')
        for article in row["articles"]:
            offset = (date.fromisoformat(article["day"]) - first).days
            x = left + (right - left) * (offset / span if len(days) > 1 else 0.5)
            css = "own" if article["own"] else "repeat"
            out.append(f'<circle class="{css}" cx="{x:.1f}" cy="{y:.0f}" r="6"><title>{escape(row["outlet"])}, '
                       f'{escape(article["day"])}: {escape(article["article"])}</title></circle>')
    axis = 24 + ROW * len(outlets) + 14
    out.append(f'<text class="axis" x="{left}" y="{axis}">{escape(days[0])}</text>')
    if len(days) > 1:
        out.append(f'<text class="axis" x="{right}" y="{axis}" text-anchor="end">{escape(days[-1])}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def graph_data(document: dict[str, Any]) -> dict[str, Any]:
    """Nodes (sources, outlets carrying them, outlets repeating those) and weighted edges, over every claim.

    An appearance that an `echo` or `syndication` join made part of its origin is a repeat: an edge from the
    outlet it repeats (the cited outlet, marked "(cited)" when the corpus does not hold its article) to its own
    outlet. Any other appearance is an edge from its origin's source to its outlet."""
    edges: dict[tuple[str, str, str, str], int] = {}

    def add(column: str, start: str, end: str, rule: str) -> None:
        edges[(column, start, end, rule)] = edges.get((column, start, end, rule), 0) + 1

    for claim in document["claims"]:
        appearances = {int(a["id"]): a for a in claim["appearances"]}
        for origin in claim["origins"]:
            repeats = {int(e["appearances"][0]): (int(e["appearances"][1]), str(e["rule"]))
                       for e in origin.get("evidence", []) if e["rule"] in ("echo", "syndication")}
            for member in origin["appearances"]:
                appearance = appearances[int(member)]
                outlet = appearance["outlet"] or "(unknown)"
                cited = appearance["source"] if appearance["source_kind"] == "media" else appearance.get("via")
                if int(member) in repeats:
                    target, rule = repeats[int(member)]
                    carrier = appearances[target]["outlet"] or "(unknown)"
                    if rule == "echo" and outlet_key(carrier) != outlet_key(cited):
                        carrier = f"{cited} (cited)"
                    add("outlet", carrier, outlet, rule)
                elif cited:
                    add("source", origin["label"], f"{cited} (cited)", "own")
                    add("outlet", f"{cited} (cited)", outlet, "echo")
                else:
                    add("source", origin["label"], outlet, "own")
    return {"sources": sorted({b for kind, b, _, _ in edges if kind == "source"}),
            "outlets": sorted({c for kind, _, c, _ in edges if kind == "source"}),
            "repeaters": sorted({c for kind, _, c, _ in edges if kind == "outlet"}),
            "edges": [{"from": b, "to": c, "rule": rule, "appearances": n, "from_column": kind}
                      for (kind, b, c, rule), n in sorted(edges.items())]}


def origin_graph(data: dict[str, Any], *, title: str = "Where the claims come from") -> Markup:
    columns = [data["sources"][:MAX_ROWS], data["outlets"][:MAX_ROWS], data["repeaters"][:MAX_ROWS]]
    if not any(columns):
        return Markup(f'<p class="empty-chart">{escape(title)}: no claim.</p>')
    rows = max(len(c) for c in columns)
    height = 26 + ROW * rows + 6
    place: dict[tuple[int, str], float] = {}
    for index, column in enumerate(columns):
        for row, name in enumerate(column):
            place[(index, name)] = 26 + ROW * row + ROW / 2
    out = [(f'<svg class="chart graph" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
           f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')]
    for x, heading in zip(COLUMNS, ("Sources", "Outlets carrying them", "Outlets repeating them"), strict=True):
        out.append(f'<text class="heading" x="{x:.0f}" y="12">{heading}</text>')
    for edge in data["edges"]:
        start_column = 0 if edge["from_column"] == "source" else 1
        end_column = start_column + 1
        a, b = place.get((start_column, edge["from"])), place.get((end_column, edge["to"]))
        if a is None or b is None:
            continue
        x1, x2 = COLUMNS[start_column] + NODE_WIDTH, COLUMNS[end_column]
        out.append(f'<path class="edge r-{escape(edge["rule"])}" d="M{x1:.0f},{a:.0f} C{x1 + 30:.0f},{a:.0f} '
                   f'{x2 - 30:.0f},{b:.0f} {x2:.0f},{b:.0f}"><title>{escape(edge["from"])} → {escape(edge["to"])}'
                   f' ({escape(edge["rule"])}, {edge["appearances"]})</title></path>')
    for index, column in enumerate(columns):
        for name in column:
            y = place[(index, name)]
            out.append(f'<rect class="node c{index}" x="{COLUMNS[index]:.0f}" y="{y - 9:.0f}" width="{NODE_WIDTH}" '
                       f'height="18" rx="4"></rect><text class="label" x="{COLUMNS[index] + 6:.0f}" y="{y + 4:.0f}">'
                       f'{escape(_short(name, 28))}<title>{escape(name)}</title></text>')
    out.append("</svg>")
    return Markup("".join(out))


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"
