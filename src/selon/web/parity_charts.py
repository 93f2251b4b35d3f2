"""The parity page's three pictures, as inline SVG written on the server (the conventions of
`selon.web.charts`: natural size, 11-unit labels, everything escaped, no script):

- `outlet_bars`: one horizontal bar per outlet, the women's share of its named people quoted, on a 0–100%
  track with the parity line at 50%;
- `share_lines`: one line per outlet, the same share month by month;
- `role_stacks`: one bar per role category, stacked women / men / unknown.

Every bar, point and segment is a link to the statements it counts (the row's `links`, from
`selon.web.parity_views`) with a `<title>` saying its figure; the SVG is a `figure` rather than an `img` so
that those links stay reachable by keyboard and screen readers, and the page puts a table under each chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

WIDTH = 640
ROW = 22
LABEL = 150
RIGHT = 56
MAX_ROWS = 24
LINE_HEIGHT = 200
GENDER_LABELS = {"female": "women", "male": "men", "unknown": "unknown"}


def _open(css: str, height: int, title: str) -> str:
    return (f'<svg class="chart parity {css}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="figure" aria-label="{escape(title)}"><title>{escape(title)}</title>')


def _short(text: str, size: int = 22) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def _link(href: str | None, title: str, body: str) -> str:
    label = escape(title)
    if href is None:
        return f"<g><title>{label}</title>{body}</g>"
    return f'<a href="{escape(href)}" aria-label="{label}"><title>{label}</title>{body}</a>'


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _people(row: dict[str, Any]) -> str:
    return (f"{_count(row['speakers_female'], 'woman', 'women')}, {_count(row['speakers_male'], 'man', 'men')}, "
            f"{row['speakers_unknown']} unknown of {_count(row['speakers'], 'named person', 'named people')}")


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def outlet_bars(rows: Sequence[dict[str, Any]], *, title: str = "Women's share of named people quoted, per outlet"
                ) -> Markup:
    shown = list(rows)[:MAX_ROWS]
    if not shown:
        return Markup(f'<p class="empty-chart">{escape(title)}: no named person quoted.</p>')
    height = 18 + ROW * len(shown) + 18
    track = WIDTH - LABEL - RIGHT
    out = [_open("bars", height, title)]
    for index, row in enumerate(shown):
        y = 18 + ROW * index
        name = row["outlet"] or "(no outlet)"
        share = row["speakers_share"]
        bar = track * (share or 0.0)
        what = f"{name}: {_share(share)} women ({_people(row)})"
        out.append(f'<text class="label" x="0" y="{y + 14}">{escape(_short(name))}</text>'
                   f'<rect class="track" x="{LABEL}" y="{y + 3}" width="{track}" height="14"></rect>')
        body = f'<rect class="g-female" x="{LABEL}" y="{y + 3}" width="{bar:.1f}" height="14"></rect>'
        out.append(_link((row.get("links") or {}).get("female"), what, body))
        out.append(f'<text class="value" x="{WIDTH - RIGHT + 6}" y="{y + 14}">{_share(share)}</text>')
    middle = LABEL + track / 2
    out.append(f'<line class="parity-line" x1="{middle}" y1="12" x2="{middle}" y2="{height - 14}"></line>'
               f'<text class="axis" x="{middle}" y="{height - 3}" text-anchor="middle">50%</text>'
               f'<text class="axis" x="{LABEL}" y="{height - 3}">0%</text>'
               f'<text class="axis" x="{LABEL + track}" y="{height - 3}" text-anchor="end">100%</text>')
    out.append("</svg>")
    return Markup("".join(out))


def share_lines(lines: Sequence[dict[str, Any]], months: Sequence[str], *,
                title: str = "Women's share of named people quoted, per month and outlet") -> Markup:
    if not months or not any(line["points"] for line in lines):
        return Markup(f'<p class="empty-chart">{escape(title)}: no dated statement by a named person.</p>')
    legend_rows = (len(lines) + 2) // 3
    top, bottom, left, right = 14, LINE_HEIGHT - 30, 40, WIDTH - 12
    height = LINE_HEIGHT + 18 * legend_rows
    step = (right - left) / max(len(months) - 1, 1)
    x_of = {m: left + (step * i if len(months) > 1 else (right - left) / 2) for i, m in enumerate(months)}
    out = [_open("lines", height, title)]
    for level in (0.0, 0.5, 1.0):
        y = bottom - (bottom - top) * level
        out.append(f'<line class="{"parity-line" if level == 0.5 else "grid"}" x1="{left}" y1="{y:.1f}" '
                   f'x2="{right}" y2="{y:.1f}"></line><text class="axis" x="{left - 6}" y="{y + 4:.1f}" '
                   f'text-anchor="end">{level:.0%}</text>')
    for index in sorted({0, len(months) // 2, len(months) - 1}):
        anchor = "start" if index == 0 and len(months) > 1 else "end" if index == len(months) - 1 and \
            len(months) > 1 else "middle"
        out.append(f'<text class="axis" x="{x_of[months[index]]:.1f}" y="{bottom + 16}" text-anchor="{anchor}">'
                   f'{escape(months[index])}</text>')
    for number, line in enumerate(lines):
        css = f"c{number % 6}"
        points = [(p, x_of[p["month"]], bottom - (bottom - top) * p["speakers_share"])
                  for p in line["points"] if p["speakers_share"] is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for _, x, y in points)
            out.append(f'<polyline class="line {css}" points="{path}"></polyline>')
        for point, x, y in points:
            what = f"{line['outlet']}, {point['month']}: {_share(point['speakers_share'])} women ({_people(point)})"
            body = f'<circle class="point {css}" cx="{x:.1f}" cy="{y:.1f}" r="4.5"></circle>'
            out.append(_link((point.get("links") or {}).get("female"), what, body))
        lx, ly = (number % 3) * (WIDTH / 3), LINE_HEIGHT + 4 + 18 * (number // 3)
        out.append(f'<rect class="swatch {css}" x="{lx:.0f}" y="{ly}" width="10" height="10"></rect>'
                   f'<text class="label" x="{lx + 14:.0f}" y="{ly + 9}">{escape(_short(line["outlet"], 30))}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def role_stacks(rows: Sequence[dict[str, Any]], *,
                title: str = "Named people quoted per role category: women, men, unknown") -> Markup:
    shown = [r for r in rows if r["speakers"]][:MAX_ROWS]
    if not shown:
        return Markup(f'<p class="empty-chart">{escape(title)}: no named person quoted.</p>')
    height = 18 + ROW * len(shown) + 24
    track = WIDTH - LABEL - RIGHT
    out = [_open("stacks", height, title)]
    for index, row in enumerate(shown):
        y = 18 + ROW * index
        role = row["role"] or "(none)"
        out.append(f'<text class="label" x="0" y="{y + 14}">{escape(_short(role.replace("_", " ")))}</text>')
        x = float(LABEL)
        for gender in ("female", "male", "unknown"):
            count = row[f"speakers_{gender}"]
            if not count:
                continue
            width = track * count / row["speakers"]
            what = f"{role}: {count} {GENDER_LABELS[gender]} of {_count(row['speakers'], 'named person', 'named people')}"
            body = (f'<rect class="g-{gender}" x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="14">'
                    "</rect>")
            out.append(_link((row.get("links") or {}).get(gender), what, body))
            x += width
        out.append(f'<text class="value" x="{WIDTH - RIGHT + 6}" y="{y + 14}">{_share(row["speakers_share"])}</text>')
    ly = height - 10
    for number, gender in enumerate(("female", "male", "unknown")):
        lx = LABEL + number * 110
        out.append(f'<rect class="g-{gender}" x="{lx}" y="{ly - 9}" width="10" height="10"></rect>'
                   f'<text class="label" x="{lx + 14}" y="{ly}">{GENDER_LABELS[gender]}</text>')
    out.append("</svg>")
    return Markup("".join(out))
