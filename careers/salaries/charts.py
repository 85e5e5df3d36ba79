"""Server-rendered SVG charts: the geometry is computed here (plain functions, tested without
HTTP) and drawn by ``templates/salaries/`` (the history chart, the salary page's bars). No
JavaScript; each chart carries a ``<title>``/``<desc>`` and the page shows the same figures as
text or a table."""

from careers import turkish


def _percent(value, maximum):
    return round(float(value) / float(maximum) * 100, 1) if maximum else 0


def _scale(value, maximum, length):
    return round(float(value) / float(maximum) * length, 1) if maximum else 0


def comparison_chart(roles, row_height=62, bar_height=16):
    """Horizontal bars, one row per role with a salary: the top figure as a light bar and the
    average as a dark bar over it, from the latest figures kept on each role (``salary_*``).

    Widths are percentages of the SVG's width (no viewBox), so the text keeps its size on a
    phone and on a wide screen alike; vertical positions are pixels."""
    rows = [role for role in roles if role.salary_average is not None]
    if not rows:
        return None
    maximum = max(role.salary_top or role.salary_average for role in rows)
    top_margin = 28
    bars = []
    for index, role in enumerate(rows):
        y = top_margin + index * row_height
        bars.append(
            {
                "title": role.title,
                "average": turkish.format_money(role.salary_average),
                "top": turkish.format_money(role.salary_top),
                "title_y": y + 15,
                "amount_y": y + 33,
                "bar_y": y + 40,
                "average_width": _percent(role.salary_average, maximum),
                "top_width": _percent(role.salary_top, maximum),
            }
        )
    return {
        "height": top_margin + len(rows) * row_height,
        "bar_height": bar_height,
        "bars": bars,
    }


def history_chart(bands, height=220):
    """Vertical bars per year (average dark, top light, side by side), oldest year first;
    ``None`` unless there are figures for at least two years. Uses the bands already fetched
    for the page. Horizontal positions are percentages, vertical ones pixels."""
    bands = sorted(bands, key=lambda band: band.year)
    if len(bands) < 2:
        return None
    maximum = max(band.top for band in bands)
    plot_top, plot_bottom = 24, height - 28
    plot_height = plot_bottom - plot_top
    group = 100 / len(bands)
    bar = min(9.0, group / 2 - 3)
    years = []
    for index, band in enumerate(bands):
        x = index * group + (group - 2 * bar) / 2
        average_h = _scale(band.average, maximum, plot_height)
        top_h = _scale(band.top, maximum, plot_height)
        years.append(
            {
                "year": band.year,
                "average": turkish.format_money(band.average),
                "top": turkish.format_money(band.top),
                "center": round(index * group + group / 2, 1),
                "average_x": round(x, 1),
                "top_x": round(x + bar, 1),
                "average_y": round(plot_bottom - average_h, 1),
                "top_y": round(plot_bottom - top_h, 1),
                "amount_x": round(x + bar * 1.5, 1),
                "amount_y": round(plot_bottom - top_h - 6, 1),
                "average_height": average_h,
                "top_height": top_h,
            }
        )
    return {
        "height": height,
        "bar": round(bar, 1),
        "baseline": plot_bottom,
        "label_y": height - 8,
        "years": years,
    }
