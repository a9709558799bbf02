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


FIGURES = {"trotsky-journeys-map": trotsky_journeys_map}


def main():
    for number, (slug, draw) in enumerate(FIGURES.items(), start=1):
        data = yaml.safe_load((DATA / f"{slug}.yaml").read_text(encoding="utf-8"))
        text = draw(data)
        (HERE / f"{slug}.svg").write_text(text, encoding="utf-8")
        print(f"[{number}/{len(FIGURES)}] {slug}.svg {len(text.encode()) / 1024:.1f} KB")
    print(f"Made {len(FIGURES)} figures in {HERE}.")


if __name__ == "__main__":
    main()
