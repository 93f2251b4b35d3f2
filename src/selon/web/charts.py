"""Charts as inline SVG written on the server: no chart library, no script, no network, printable.

Two shapes cover every page: a stacked bar of shares (statements by source kind, anonymous share called out)
and a bar series over time (statements per month, anonymous share per month, declines per month). Labels are
escaped like any other text.

Each SVG carries its natural size (`width`/`height` equal to its viewBox, one unit a CSS pixel) and the CSS only
lets it shrink to a narrower column, keeping its aspect: stretched to the page width, a 320-unit chart would
draw its 11-unit labels several centimetres tall. Bars have a maximum width, so one month of data is one bar
of ordinary size, not a block filling the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 320
#: The series over time are drawn wider (they sit in a page, not in the source map's column).
SERIES_WIDTH = 640
SERIES_HEIGHT = 160
#: No bar is wider than this, however few the periods.
MAX_BAR = 36
#: Below this many units per period, labels go to the chart's edges rather than under their bars.
LABEL_ROOM = 64


@dataclass(frozen=True)
class Part:
    label: str
    value: float
    css: str  # a class naming the part's colour, e.g. "k-anonymous"


@dataclass(frozen=True)
class Point:
    label: str  # "2024-03", or "2024" for long series
    value: float


def _fmt(value: float, percent: bool) -> str:
    return f"{value:.0%}" if percent else f"{value:g}"


def share_bar(parts: Sequence[Part], *, title: str, headline: str) -> Markup:
    """A 100% stacked bar with a legend underneath; `headline` is the figure the chart is about."""
    total = sum(p.value for p in parts)
    legend_rows = (len(parts) + 1) // 2
    height = 56 + 18 * legend_rows
    out = [(f'<svg class="chart share" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(title)}: '
           f'{escape(headline)}"><title>{escape(title)}: {escape(headline)}</title>'),
           f'<text class="headline" x="0" y="16">{escape(headline)}</text>']
    x = 0.0
    for part in parts:
        if total <= 0 or part.value <= 0:
            continue
        width = WIDTH * part.value / total
        out.append(f'<rect class="{escape(part.css)}" x="{x:.1f}" y="24" width="{width:.1f}" height="18">'
                   f'<title>{escape(part.label)}: {_fmt(part.value, False)}</title></rect>')
        x += width
    if total <= 0:
        out.append(f'<rect class="empty" x="0" y="24" width="{WIDTH}" height="18"></rect>')
    for index, part in enumerate(parts):
        lx, ly = (index % 2) * (WIDTH / 2), 60 + 18 * (index // 2)
        out.append(f'<rect class="{escape(part.css)}" x="{lx:.0f}" y="{ly - 10}" width="10" height="10"></rect>'
                   f'<text x="{lx + 14:.0f}" y="{ly}">{escape(part.label)} ({_fmt(part.value, False)})</text>')
    out.append("</svg>")
    return Markup("".join(out))


def time_bars(points: Sequence[Point], *, title: str, percent: bool = False, css: str = "bar") -> Markup:
    """Vertical bars, one per period, with the first, middle and last period labelled under the axis."""
    width, height, top, bottom = SERIES_WIDTH, SERIES_HEIGHT, 18, SERIES_HEIGHT - 28
    if not points:
        return Markup(f'<p class="empty-chart">{escape(title)}: no dated data.</p>')
    peak = 1.0 if percent else max(max(p.value for p in points), 1.0)
    step = width / len(points)
    bar_width = min(max(step - min(2.0, step * 0.2), 0.5), MAX_BAR)
    out = [(f'<svg class="chart series" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'),
           f'<text class="axis" x="0" y="11">{_fmt(peak, percent)}</text>',
           f'<line class="axis" x1="0" y1="{bottom}" x2="{width}" y2="{bottom}"></line>']
    for index, point in enumerate(points):
        bar = (bottom - top) * max(point.value, 0.0) / peak
        centre = index * step + step / 2
        out.append(f'<rect class="{escape(css)}" x="{centre - bar_width / 2:.1f}" y="{bottom - bar:.1f}" '
                   f'width="{bar_width:.1f}" height="{bar:.1f}"><title>{escape(point.label)}: '
                   f'{_fmt(point.value, percent)}</title></rect>')
    for index in sorted({0, len(points) // 2, len(points) - 1}):
        if step >= LABEL_ROOM:  # room under each bar: the label is centred on its bar
            anchor, x = "middle", index * step + step / 2
        else:
            last = index == len(points) - 1
            anchor = "start" if index == 0 else "end" if last else "middle"
            x = 0 if index == 0 else width if last else index * step + step / 2
        out.append(f'<text class="axis" x="{x:.1f}" y="{bottom + 16}" text-anchor="{anchor}">'
                   f'{escape(points[index].label)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
