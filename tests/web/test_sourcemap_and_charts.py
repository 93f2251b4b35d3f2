"""The source map's figures and the SVG charts drawn from them."""

from __future__ import annotations

from selon.web.article_view import share_chart
from selon.web.charts import Part, Point, share_bar, time_bars
from selon.web.sourcemap import source_map
from selon.web.timeline import counted, series
from tests.web.builders import drones


def test_sources_are_grouped_by_kind_with_their_statement_counts() -> None:
    found = source_map(drones())
    groups = {g.kind: [(s.name, s.statements) for s in g.sources] for g in found.groups}
    assert groups == {
        "person": [("Mahdi Nourian", 2), ("Adrienne Watson", 1)],
        "anonymous": [("trois responsables proches du dossier", 1)],
        "organization": [("Kremlin", 1), ("ministère iranien", 1)],
    }
    assert found.statements == 6
    assert found.anonymous_share == round(1 / 6, 3)


def test_declines_denials_and_acknowledgements_are_listed_with_who_and_what() -> None:
    lists = {s.stance: [(i.name, i.excerpt) for i in s.items] for s in source_map(drones()).stances}
    assert lists["decline"] == [("Kremlin", "refusé de commenter")]
    assert lists["no_response"] == [("ministère iranien", "n'a pas répondu")]
    assert lists["deny"] == [("Mahdi Nourian", "toute livraison")]
    assert lists["acknowledge"] == [("Mahdi Nourian", "des discussions techniques")]


def test_the_share_chart_states_the_anonymous_share_and_draws_one_bar_per_kind() -> None:
    svg = str(share_chart(source_map(drones())))
    assert svg.startswith("<svg") and "Anonymous sources: 17% of 6 statements" in svg
    assert svg.count('<rect class="k-') == 3 * 2  # bar and legend swatch per kind present


def test_chart_labels_are_escaped() -> None:
    svg = str(share_bar([Part("<script>x</script>", 1, "k-person")], title="t", headline="<b>h</b>"))
    assert "<script>" not in svg and "<b>" not in svg and "&lt;script&gt;" in svg
    bars = str(time_bars([Point("<i>2024</i>", 2)], title="<t>"))
    assert "<i>" not in bars and "<t>" not in bars


def test_an_empty_series_says_so_instead_of_drawing_nothing() -> None:
    assert "no dated data" in str(time_bars([], title="Statements"))


def test_series_fill_missing_months_and_count_undated_rows_apart() -> None:
    rows = ["2024-01-03", "2024-03-30", "2024-03-01", None, "sometime"]
    found = series(rows, lambda r: r, lambda r: r is not None and r.endswith("01"))
    assert [(p.label, p.rows, p.hits) for p in found.periods] == [("2024-01", 1, 0), ("2024-02", 0, 0),
                                                                   ("2024-03", 2, 1)]
    assert found.undated == 2


def test_long_series_are_counted_per_year() -> None:
    found = series(["2001-05-01", "2024-02-01"], lambda r: r)
    assert [p.label for p in found.periods][:2] == ["2001", "2002"] and len(found.periods) == 24


def test_counts_made_by_the_store_give_the_same_series_as_rows() -> None:
    from_rows = series(["2022-01-03", "2022-01-09", "2022-03-01", None], lambda r: r, lambda r: r == "2022-01-03")
    from_counts = counted([("2022-01", 2, 1), ("2022-03", 1, 0), (None, 1, 0)])
    assert from_counts == from_rows
    assert [(p.label, p.rows, p.hits) for p in from_counts.periods] == [
        ("2022-01", 2, 1), ("2022-02", 0, 0), ("2022-03", 1, 0)]
    assert from_counts.undated == 1


def _numbers(svg: str, attribute: str, element: str = "rect") -> list[float]:
    import re

    return [float(v) for v in re.findall(rf'<{element} class="bar"[^>]*? {attribute}="([\d.]+)"', svg)]


def test_series_charts_have_a_natural_size_and_ordinary_bars_whatever_the_number_of_points() -> None:
    import re

    from selon.web.charts import MAX_BAR

    for count in (1, 2, 50):
        svg = str(time_bars([Point(f"p{i}", i + 1) for i in range(count)], title="Statements"))
        box = re.search(r'viewBox="0 0 (\d+) (\d+)" width="(\d+)" height="(\d+)"', svg)
        assert box is not None and box.group(1) == box.group(3) and box.group(2) == box.group(4), svg[:200]
        widths = _numbers(svg, "width")
        assert len(widths) == count and max(widths) <= MAX_BAR, (count, widths)
    one = str(time_bars([Point("2024-03", 4)], title="Statements"))
    [x] = _numbers(one, "x")
    assert abs(x + MAX_BAR / 2 - 320) < 1, "a single bar stands in the middle, it does not fill the chart"
    assert 'text-anchor="middle">2024-03</text>' in one
