"""Draw the course's figures as SVG from the data files in figures/data/ (stdlib + PyYAML).

    .venv/bin/python content/russian-soviet-history/figures/make_figures.py

The output is deterministic: the same data gives byte-identical files.
"""

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
INK, MUTED, ACCENT, GRID = "#1d1d1b", "#5a564f", "#8a2d12", "#d9d2c3"


def svg(width, height, title, desc, body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="t d" {FONT}><title id="t">{escape(title)}</title><desc id="d">{escape(desc)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#fff"/>{body}</svg>\n'
    )


def trotsky_journeys_map(data):
    """Trotsky's stopping places on a plain longitude/latitude grid, numbered in order."""
    width, height, left, top, right, bottom = 760, 440, 40, 40, 740, 390
    lon0, lon1, lat0, lat1 = -105, 115, 10, 70

    def xy(lat, lon):
        return left + (lon - lon0) / (lon1 - lon0) * (right - left), bottom - (lat - lat0) / (lat1 - lat0) * (bottom - top)

    parts = []
    for lon in range(-100, 120, 20):
        x, _ = xy(0, lon)
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 16}" font-size="11" fill="{MUTED}" text-anchor="middle">{abs(lon)}°{"W" if lon < 0 else "E" if lon else ""}</text>')
    for lat in range(10, 80, 10):
        _, y = xy(lat, 0)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" fill="{MUTED}" text-anchor="end">{lat}°N</text>')
    stops = data["stops"]
    path = " ".join(f"{'M' if i == 0 else 'L'}{xy(s['lat'], s['lon'])[0]:.1f},{xy(s['lat'], s['lon'])[1]:.1f}" for i, s in enumerate(stops))
    parts.append(f'<path d="{path}" fill="none" stroke="{ACCENT}" stroke-width="1.5" stroke-dasharray="5 4" opacity="0.7"/>')
    placed = {}
    for stop in stops:
        x, y = xy(stop["lat"], stop["lon"])
        key = (round(x), round(y))
        shift = placed.get(key, 0)
        placed[key] = shift + 1
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{ACCENT}" stroke="#fff" stroke-width="1.5"/>')
        parts.append(f'<text x="{x + 8:.1f}" y="{y - 6 + shift * 13:.1f}" font-size="12" fill="{INK}">{stop["n"]}</text>')
    legend_x, legend_y = 470, 242
    column = (len(stops) + 1) // 2
    parts.append(f'<rect x="{legend_x - 8}" y="{legend_y - 16}" width="290" height="{column * 18 + 8}" fill="#fff" opacity="0.92"/>')
    for i, stop in enumerate(stops):
        x = legend_x + (i // column) * 140
        y = legend_y + (i % column) * 18
        parts.append(f'<text x="{x}" y="{y}" font-size="12" fill="{INK}">{stop["n"]}. {escape(stop["place"])} {stop["years"]}</text>')
    parts.append(f'<text x="{left}" y="24" font-size="15" font-weight="700" fill="{INK}">{escape(data["title"])}</text>')
    parts.append(f'<text x="{left}" y="{height - 12}" font-size="11" fill="{MUTED}">Source: Deutscher (1954-63); Service (2009). Positions on a plain latitude/longitude grid; no coastlines.</text>')
    order = "; ".join(f"{s['n']} {s['place']} ({s['years']}, {s['note']})" for s in stops)
    desc = f"A map grid from 105°W to 115°E with Trotsky's stopping places numbered in order and joined by a dashed line: {order}."
    return svg(width, height, data["title"], desc, "".join(parts))


def bar_chart(data):
    """Grouped bars: one group per period, one bar per series, each series on its own scale
    (values are shown as labels, so series with different units can sit side by side)."""
    width, height, left, top, right, bottom = 760, 420, 70, 86, 740, 350
    periods, series = data["periods"], data["series"]
    colours = ["#8a2d12", "#1a5fb4", "#5a564f", "#2e7d32"]
    group = (right - left) / len(periods)
    bar = min(48, (group - 24) / len(series))
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{INK}" stroke-width="1.5"/>']
    for i, period in enumerate(periods):
        x0 = left + i * group + (group - bar * len(series)) / 2
        parts.append(f'<text x="{left + (i + 0.5) * group:.1f}" y="{bottom + 20}" font-size="13" fill="{INK}" text-anchor="middle">{escape(str(period))}</text>')
        for j, item in enumerate(series):
            value = item["values"][i]
            top_value = max(item["values"])
            h = (bottom - top) * value / top_value if top_value else 0
            x = x0 + j * bar
            parts.append(f'<rect x="{x:.1f}" y="{bottom - h:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" fill="{colours[j % 4]}"/>')
            parts.append(f'<text x="{x + (bar - 4) / 2:.1f}" y="{bottom - h - 5:.1f}" font-size="11" fill="{INK}" text-anchor="middle">{value:g}</text>')
    for j, item in enumerate(series):
        x = left + j * 230
        parts.append(f'<rect x="{x}" y="44" width="12" height="12" fill="{colours[j % 4]}"/>')
        parts.append(f'<text x="{x + 18}" y="54" font-size="12" fill="{INK}">{escape(item["name"])}</text>')
    parts.append(f'<text x="{left}" y="24" font-size="15" font-weight="700" fill="{INK}">{escape(data["title"])}</text>')
    parts.append(f'<text x="{left}" y="{height - 30}" font-size="11" fill="{MUTED}">Each series has its own scale; the labels give the values.</text>')
    parts.append(f'<text x="{left}" y="{height - 14}" font-size="11" fill="{MUTED}">{escape(data["source_line"])}</text>')
    desc = data["title"] + ". " + " ".join(
        f"{item['name']}: " + ", ".join(f"{p} {v:g}" for p, v in zip(periods, item["values"], strict=True)) + "." for item in series
    )
    return svg(width, height, data["title"], desc, "".join(parts))


def timeline_chart(data):
    """Labelled bars on a time axis: one row per item, from its start to its end."""
    rows = data["rows"]
    width, left, right, top, row_height = 760, 230, 740, 60, 30
    height = top + row_height * len(rows) + 60
    first, last = data["from"], data["to"]

    def x(value):
        return left + (value - first) / (last - first) * (right - left)

    parts = []
    for tick in data["ticks"]:
        parts.append(f'<line x1="{x(tick):.1f}" y1="{top - 6}" x2="{x(tick):.1f}" y2="{height - 50}" stroke="{GRID}"/>')
        parts.append(f'<text x="{x(tick):.1f}" y="{height - 34}" font-size="12" fill="{MUTED}" text-anchor="middle">{escape(str(data.get("tick_labels", {}).get(tick, tick)))}</text>')
    for i, row in enumerate(rows):
        y = top + i * row_height
        start, end = row["start"], row.get("end", row["start"])
        parts.append(f'<text x="{left - 8}" y="{y + 15}" font-size="12" fill="{INK}" text-anchor="end">{escape(row["label"])}</text>')
        w = max(x(end) - x(start), 6)
        parts.append(f'<rect x="{x(start):.1f}" y="{y + 3}" width="{w:.1f}" height="{row_height - 10}" fill="{row.get("colour", ACCENT)}"/>')
        note = row.get("note")
        if note:
            anchor, tx = ("end", x(start) - 4) if x(start) + w + 8 + len(note) * 6 > width else ("start", x(start) + w + 4)
            if anchor == "end" and tx - len(note) * 6 < left:
                anchor, tx = "start", x(start) + 4
                parts.append(f'<text x="{tx:.1f}" y="{y + 15}" font-size="11" fill="#fff" text-anchor="{anchor}">{escape(note)}</text>')
            else:
                parts.append(f'<text x="{tx:.1f}" y="{y + 15}" font-size="11" fill="{INK}" text-anchor="{anchor}">{escape(note)}</text>')
    parts.append(f'<text x="20" y="28" font-size="15" font-weight="700" fill="{INK}">{escape(data["title"])}</text>')
    parts.append(f'<text x="20" y="{height - 12}" font-size="11" fill="{MUTED}">{escape(data["source_line"])}</text>')
    desc = data["title"] + ": " + "; ".join(f"{r['label']}" + (f" ({r['note']})" if r.get("note") else "") for r in rows) + "."
    return svg(width, height, data["title"], desc, "".join(parts))


MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def topic_timeline(data):
    """Key events of one topic, drawn from the course's own events.yaml."""
    events = yaml.safe_load((HERE.parent / "events.yaml").read_text(encoding="utf-8"))
    chosen = [e for e in events if e["slug"] in data["events"]]
    chosen.sort(key=lambda e: str(e.get("os") or e.get("date")))

    def when(event):
        text = str(event.get("os") or event.get("date")).split("/")[0].rstrip("~?%")
        parts = [int(p) for p in text.split("-")]
        return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0.5), parts

    rows = []
    for event in chosen:
        value, parts = when(event)
        label = event["title"] if len(event["title"]) <= 34 else event["title"][:32] + "…"
        stamp = " ".join(([str(parts[2])] if len(parts) > 2 else []) + ([MONTH_NAMES[parts[1] - 1]] if len(parts) > 1 else []) + [str(parts[0])])
        rows.append({"label": label, "start": value, "end": value, "note": stamp + (" (O.S.)" if "os" in event and len(parts) > 2 else "")})
    first, last = int(min(r["start"] for r in rows)), int(max(r["start"] for r in rows)) + 1
    step = max(1, round((last - first) / 8))
    spec = {
        "title": data["title"],
        "source_line": data["source_line"],
        "from": first,
        "to": last,
        "ticks": list(range(first, last + 1, step)),
        "rows": rows,
    }
    return timeline_chart(spec)


DRAWERS = {"map": trotsky_journeys_map, "bars": bar_chart, "timeline": timeline_chart, "topic-timeline": topic_timeline}


def main():
    """Draw every figure whose data file is in figures/data/, each with the drawer its `kind` names."""
    paths = sorted(DATA.glob("*.yaml"))
    for number, path in enumerate(paths, start=1):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = DRAWERS[data["kind"]](data)
        (HERE / f"{path.stem}.svg").write_text(text, encoding="utf-8")
        print(f"[{number}/{len(paths)}] {path.stem}.svg {len(text.encode()) / 1024:.1f} KB")
    print(f"Made {len(paths)} figures in {HERE}.")


if __name__ == "__main__":
    main()
