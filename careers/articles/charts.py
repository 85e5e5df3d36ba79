"""Server-rendered SVG charts: the geometry is computed here (plain functions, tested without
HTTP) and drawn by ``templates/includes/*_chart.html``. No JavaScript; each chart carries a
``<title>``/``<desc>`` and the page shows the same figures as text or a table."""

from careers import turkish

WIDTH = 640


def _scale(value, maximum, length):
    return round(float(value) / float(maximum) * length, 1) if maximum else 0


def comparison_chart(roles, row_height=46, bar_height=16):
    """Horizontal bars, one row per role with a salary: the top figure as a light bar and the
    average as a dark bar over it. ``roles`` carry ``latest_average`` / ``latest_top``."""
    rows = [role for role in roles if role.latest_average is not None]
    if not rows:
        return None
    maximum = max(role.latest_top or role.latest_average for role in rows)
    top_margin = 30
    bars = []
    for index, role in enumerate(rows):
        y = top_margin + index * row_height
        bars.append(
            {
                "title": role.title,
                "label": f"{turkish.format_money(role.latest_average)} / "
                f"{turkish.format_money(role.latest_top)}",
                "text_y": y + 14,
                "bar_y": y + 20,
                "average_width": _scale(role.latest_average, maximum, WIDTH),
                "top_width": _scale(role.latest_top, maximum, WIDTH),
            }
        )
    return {
        "width": WIDTH,
        "height": top_margin + len(rows) * row_height,
        "bar_height": bar_height,
        "bars": bars,
    }


def history_chart(bands, height=220):
    """Vertical bars per year (average dark, top light), oldest year first; ``None`` unless
    there are figures for at least two years. Uses the bands already fetched for the page."""
    bands = sorted(bands, key=lambda band: band.year)
    if len(bands) < 2:
        return None
    maximum = max(band.top for band in bands)
    plot_top, plot_bottom = 24, height - 28
    plot_height = plot_bottom - plot_top
    group = WIDTH / len(bands)
    bar = min(44, group / 2 - 8)
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
                "amount_y": round(plot_bottom - top_h - 6, 1),
                "average_height": average_h,
                "top_height": top_h,
            }
        )
    return {
        "width": WIDTH,
        "height": height,
        "bar": round(bar, 1),
        "baseline": plot_bottom,
        "label_y": height - 8,
        "years": years,
    }
