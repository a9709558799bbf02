"""Draw the course's figures as SVG from the data files in figures/data/ (stdlib + PyYAML only).

    .venv/bin/python content/russian-soviet-history/figures/make_figures.py [SLUG ...]

Each data file names the drawer that draws it with its `kind:` key, and cites its sources. The SVG is
written by hand as text: a viewBox (so it scales to any width), role="img" with <title> and <desc>,
a system sans-serif font, text of at least 12 units in a 720-unit-wide picture (readable on a phone),
colours that keep their contrast in greyscale and on the white page, and a "Source:" line.

The output is deterministic: the same data gives byte-identical files (no dates, no randomness,
fixed number formatting).
"""

import datetime
import itertools
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
W = 720  # every figure is 720 units wide
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

INK = "#1d1d1b"  # body text, axes
MUTED = "#57524a"  # secondary text (7:1 on white)
GRID = "#d8d2c6"  # grid lines
FAINT = "#f1ede5"  # background bands
RED = "#8a2d12"  # main series: dark (greyscale ~25%)
PALE_RED = "#f0d2c8"  # a light tint of RED for areas
BLUE = "#2f6ea8"  # second series: middle (greyscale ~45%)
PALE_BLUE = "#dbe7f2"
NAVY = "#1f3b5a"  # arrows on maps: dark
AMBER = "#eeb54a"  # third series: light (greyscale ~75%)
DARK_AMBER = "#8a5a00"  # text and lines on the amber series (5:1 on white)
GREY = "#8f897f"


# --- small SVG helpers ------------------------------------------------------------------------


def num(value):
    """A coordinate with at most one decimal, without a trailing .0 (keeps the files small and stable)."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


# Advance widths (in ems) close to those of DejaVu Sans, the broadest of the common fallback fonts.
NARROW_WIDTHS = {
    " ": 0.32,
    "i": 0.28,
    "j": 0.28,
    "l": 0.28,
    "I": 0.3,
    ".": 0.32,
    ",": 0.32,
    ":": 0.34,
    ";": 0.34,
    "'": 0.28,
    "(": 0.39,
    ")": 0.39,
    "f": 0.36,
    "t": 0.39,
    "r": 0.42,
    "-": 0.36,
    "–": 0.5,
    "m": 0.97,
    "w": 0.82,
    "M": 0.86,
    "W": 0.99,
}


def text_width(text, size=13, bold=False):
    """A generous estimate of the width of `text`, used only for layout decisions (wrapping, and
    choosing which side of a mark a label goes). It is measured as for DejaVu Sans, the broadest of
    the common fallback fonts, so that labels fit whichever system font the reader's device uses."""
    ems = 0.0
    for ch in str(text):
        if ch in NARROW_WIDTHS:
            ems += NARROW_WIDTHS[ch]
        elif ch.isupper():
            ems += 0.7
        elif ch.isdigit():
            ems += 0.64
        else:
            ems += 0.61
    return ems * size * (1.1 if bold else 1.0)


def wrap(text, width, size=13, bold=False):
    """Greedy word wrap to lines no wider than `width` (by the estimate above)."""
    lines, line = [], ""
    for word in str(text).split():
        candidate = f"{line} {word}".strip()
        if line and text_width(candidate, size, bold) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


class Canvas:
    """Collects SVG elements; `render` wraps them in the root element."""

    def __init__(self, slug):
        self.slug = slug
        self.parts = []
        self.defs = []
        self.height = 0

    def add(self, element):
        self.parts.append(element)

    def text(
        self, x, y, content, size=13, anchor="start", weight=None, fill=INK, italic=False, extra=""
    ):
        attrs = f'x="{num(x)}" y="{num(y)}" font-size="{size}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if weight:
            attrs += f' font-weight="{weight}"'
        if italic:
            attrs += ' font-style="italic"'
        if fill != INK:
            attrs += f' fill="{fill}"'
        self.add(f"<text {attrs}{extra}>{escape(str(content))}</text>")

    def lines(self, x, y, rows, size=13, leading=None, **kwargs):
        """Several lines of text from baseline y; returns the baseline after the last line."""
        leading = leading or round(size * 1.3)
        for i, row in enumerate(rows):
            self.text(x, y + i * leading, row, size=size, **kwargs)
        return y + (len(rows) - 1) * leading

    def line(self, x1, y1, x2, y2, stroke=INK, width=1, dash=None, extra=""):
        attrs = f'x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke="{stroke}"'
        if width != 1:
            attrs += f' stroke-width="{width}"'
        if dash:
            attrs += f' stroke-dasharray="{dash}"'
        self.add(f"<line {attrs}{extra}/>")

    def rect(self, x, y, w, h, fill="none", stroke=None, width=1, dash=None, rx=0, extra=""):
        attrs = f'x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{fill}"'
        if rx:
            attrs += f' rx="{rx}"'
        if stroke:
            attrs += f' stroke="{stroke}"'
            if width != 1:
                attrs += f' stroke-width="{width}"'
            if dash:
                attrs += f' stroke-dasharray="{dash}"'
        self.add(f"<rect {attrs}{extra}/>")

    def circle(self, x, y, r, fill=INK, stroke=None, width=1):
        attrs = f'cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{fill}"'
        if stroke:
            attrs += f' stroke="{stroke}"'
            if width != 1:
                attrs += f' stroke-width="{width}"'
        self.add(f"<circle {attrs}/>")

    def path(self, points, stroke=INK, width=1, fill="none", dash=None, close=False, extra=""):
        d = "M" + " L".join(f"{num(x)},{num(y)}" for x, y in points) + (" Z" if close else "")
        attrs = f'd="{d}" fill="{fill}"'
        if stroke:
            attrs += f' stroke="{stroke}"'
            if width != 1:
                attrs += f' stroke-width="{width}"'
        if dash:
            attrs += f' stroke-dasharray="{dash}"'
        self.add(f"<path {attrs}{extra}/>")

    def arrowhead(self, x1, y1, x2, y2, size=10, fill=INK):
        """A filled triangle at (x2, y2) pointing along the direction from (x1, y1)."""
        angle = math.atan2(y2 - y1, x2 - x1)
        left = (x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45))
        right = (x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45))
        self.path([(x2, y2), left, right], stroke=None, fill=fill, close=True)

    def arrow(self, x1, y1, x2, y2, stroke=INK, width=2, head=10, dash=None):
        """A straight arrow; the shaft stops short of the tip so the head stays sharp."""
        angle = math.atan2(y2 - y1, x2 - x1)
        sx, sy = x2 - head * 0.8 * math.cos(angle), y2 - head * 0.8 * math.sin(angle)
        self.line(x1, y1, sx, sy, stroke=stroke, width=width, dash=dash)
        self.arrowhead(x1, y1, x2, y2, size=head, fill=stroke)

    def header(self, title, subtitle=None, x=20):
        """Title (and subtitle) at the top-left; returns the y below them."""
        y = 30
        for row in wrap(title, W - 2 * x, 19, bold=True):
            self.text(x, y, row, size=19, weight="700")
            y += 24
        if subtitle:
            for row in wrap(subtitle, W - 2 * x, 13):
                self.text(x, y - 3, row, size=13, fill=MUTED)
                y += 17
        return y + 4

    def footer(self, y, source, note=None, x=20):
        """Optional note lines and the 'Source:' line from y down; sets the picture's height."""
        y += 8
        if note:
            for row in wrap(note, W - 2 * x, 12):
                y += 16
                self.text(x, y, row, size=12, fill=MUTED)
            y += 4
        for row in wrap("Source: " + source, W - 2 * x, 12):
            y += 16
            self.text(x, y, row, size=12, fill=MUTED)
        self.height = math.ceil(y + 12)
        return self.height

    def render(self, title, desc):
        if not self.height:
            raise ValueError(f"{self.slug}: footer() was not called, so the height is unknown")
        defs = f"<defs>{''.join(self.defs)}</defs>" if self.defs else ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {self.height}" width="100%" '
            f'role="img" aria-labelledby="{self.slug}-title {self.slug}-desc" font-family="{FONT}" fill="{INK}">\n'
            f'<title id="{self.slug}-title">{escape(title)}</title>\n'
            f'<desc id="{self.slug}-desc">{escape(desc)}</desc>\n'
            f'{defs}<rect width="{W}" height="{self.height}" fill="#fff"/>\n'
            + "\n".join(self.parts)
            + "\n</svg>\n"
        )


def nice_step(maximum, ticks=5):
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` ticks up to maximum."""
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def fmt_number(value, decimals=None):
    """1234 -> '1,234'; 3.5 -> '3.5'; used for labels."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    return f"{value:,.{decimals}f}"


def y_axis(c, left, right, top, bottom, maximum, step, label_fmt=fmt_number, title=None):
    """Horizontal grid lines with labels on the left, and an optional rotated axis title."""
    scale = (bottom - top) / maximum
    value = 0
    while value <= maximum + 1e-9:
        y = bottom - value * scale
        c.line(left, y, right, y, stroke=GRID if value else INK, width=1 if value else 1.5)
        c.text(left - 6, y + 4, label_fmt(value), size=12, anchor="end", fill=MUTED)
        value += step
    if title:
        c.text(
            0,
            0,
            title,
            size=12,
            anchor="middle",
            fill=MUTED,
            extra=f' transform="translate(16 {num((top + bottom) / 2)}) rotate(-90)"',
        )
    return scale


def legend(c, x, y, items, gap=22):
    """A row of legend items: (kind, colour, label) with kind 'box', 'hollow', 'line', 'dash' or 'dot'."""
    for kind, colour, label in items:
        if kind == "box":
            c.rect(
                x, y - 11, 14, 14, fill=colour, stroke=INK if colour in ("#fff", "none") else None
            )
        elif kind == "hollow":
            c.rect(x + 0.5, y - 10.5, 13, 13, fill="#fff", stroke=colour, width=1.5, dash="3 2")
        elif kind == "line":
            c.line(x, y - 4, x + 22, y - 4, stroke=colour, width=3)
        elif kind == "dash":
            c.line(x, y - 4, x + 22, y - 4, stroke=colour, width=3, dash="6 3")
        elif kind == "outlined":
            fill, stroke = colour
            c.rect(x + 0.75, y - 10.25, 12.5, 12.5, fill=fill, stroke=stroke, width=1.5)
        elif kind == "dot":
            c.circle(x + 7, y - 4, 5, fill=colour)
        elif kind == "ring":
            c.circle(x + 7, y - 4, 4.5, fill="#fff", stroke=colour, width=2)
        offset = 28 if kind in ("line", "dash") else 20
        c.text(x + offset, y, label, size=12)
        x += offset + text_width(label, 12) + gap
    return x


def parse_date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def year_fraction(value):
    """A date as a fractional year (1917-11-08 -> 1917.85...)."""
    d = parse_date(value)
    start = datetime.date(d.year, 1, 1)
    length = (datetime.date(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / length


# --- maps -------------------------------------------------------------------------------------


class Projection:
    """Equirectangular projection of a lon/lat box onto a rectangle, with a standard parallel."""

    def __init__(self, lon_min, lon_max, lat_min, lat_max, x0, y0, width, parallel=0.0):
        self.lon_min, self.lon_max, self.lat_min, self.lat_max = lon_min, lon_max, lat_min, lat_max
        self.x0, self.y0 = x0, y0
        self.kx = math.cos(math.radians(parallel))
        self.scale = width / ((lon_max - lon_min) * self.kx)
        self.width = width
        self.height = (lat_max - lat_min) * self.scale

    def __call__(self, lat, lon):
        return (
            self.x0 + (lon - self.lon_min) * self.kx * self.scale,
            self.y0 + (self.lat_max - lat) * self.scale,
        )

    def graticule(self, c, lon_step, lat_step, labels=True, clip=None):
        x1, y1 = self.x0 + self.width, self.y0 + self.height
        c.rect(self.x0, self.y0, self.width, self.height, fill="#fbfaf7", stroke=GRID)
        lon = math.ceil(self.lon_min / lon_step) * lon_step
        while lon <= self.lon_max:
            x, _ = self(0, lon)
            c.line(x, self.y0, x, y1, stroke=GRID)
            if labels:
                name = f"{abs(lon)}°{'W' if lon < 0 else 'E' if lon > 0 else ''}"
                c.text(x, y1 + 15, name, size=12, anchor="middle", fill=MUTED)
            lon += lon_step
        lat = math.ceil(self.lat_min / lat_step) * lat_step
        while lat <= self.lat_max:
            _, y = self(lat, 0)
            c.line(self.x0, y, x1, y, stroke=GRID)
            if labels:
                c.text(self.x0 - 5, y + 4, f"{lat}°N", size=12, anchor="end", fill=MUTED)
            lat += lat_step


def marker_number(c, x, y, n, fill=RED):
    c.circle(x, y, 9.5 if n < 10 else 11, fill=fill, stroke="#fff", width=1.5)
    c.text(x, y + 4.3, n, size=12, anchor="middle", weight="700", fill="#fff")


def leg_arrows(c, points, colour):
    """Small arrowheads half-way along each leg of a route, to show its direction."""
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if math.hypot(x2 - x1, y2 - y1) < 40:
            continue
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        angle = math.atan2(y2 - y1, x2 - x1)
        c.arrowhead(
            mx - 4 * math.cos(angle),
            my - 4 * math.sin(angle),
            mx + 4 * math.cos(angle),
            my + 4 * math.sin(angle),
            size=9,
            fill=colour,
        )


def trotsky_map(data, c):
    stops = data["stops"]
    y = c.header(data["title"], data.get("subtitle"))
    # World panel: the whole route, with the crowded European stops shown small and boxed.
    world = Projection(-110, 120, 10, 70, 46, y + 4, 654)
    world.graticule(c, 30, 20)
    box = data["europe"]
    bx0, by0 = world(box["lat_max"], box["lon_min"])
    bx1, by1 = world(box["lat_min"], box["lon_max"])
    for label in data.get("labels", []):
        lx, ly = world(label["lat"], label["lon"])
        c.text(lx, ly, label["text"], size=12, anchor="middle", fill=MUTED, italic=True)
    points = [world(s["lat"], s["lon"]) for s in stops]
    c.path(points, stroke=RED, width=1.5, dash="5 3")
    leg_arrows(c, points, RED)
    c.rect(bx0, by0, bx1 - bx0, by1 - by0, fill="none", stroke=INK, width=1.2)
    c.text(bx0 + 2, by0 - 5, "Europe: enlarged below", size=12, weight="600")
    for stop, (x, y0) in zip(stops, points, strict=True):
        inside = (
            box["lon_min"] <= stop["lon"] <= box["lon_max"]
            and box["lat_min"] <= stop["lat"] <= box["lat_max"]
        )
        if inside:
            c.circle(x, y0, 3.2, fill=RED)
        else:
            marker_number(c, x, y0, stop["n"])
            dx, dy, anchor = stop.get("world_label", [12, 4, "start"])
            c.text(
                x + dx,
                y0 + dy,
                f"{stop['place']} {stop['years']}",
                size=12,
                anchor=anchor,
                weight="600",
            )
    top = world.y0 + world.height + 30
    # Europe panel, enlarged, with a standard parallel of 50°N so that shapes are less stretched.
    europe = Projection(
        box["lon_min"], box["lon_max"], box["lat_min"], box["lat_max"], 46, top, 424, parallel=50
    )
    europe.graticule(c, 10, 5)
    c.defs.append(
        f'<clipPath id="{c.slug}-clip"><rect x="{num(europe.x0)}" y="{num(europe.y0)}" width="{num(europe.width)}" height="{num(europe.height)}"/></clipPath>'
    )
    points = [europe(s["lat"], s["lon"]) for s in stops]
    c.add(f'<g clip-path="url(#{c.slug}-clip)">')
    c.path(points, stroke=RED, width=1.5, dash="5 3")
    leg_arrows(c, points, RED)
    c.add("</g>")
    seen = {}
    for stop, (x, y0) in zip(stops, points, strict=True):
        inside = (
            box["lon_min"] <= stop["lon"] <= box["lon_max"]
            and box["lat_min"] <= stop["lat"] <= box["lat_max"]
        )
        if not inside:
            continue
        key = (round(x), round(y0))
        if key in seen:  # a second visit to the same place: a second marker beside the first
            px, py = seen[key]
            x, y0 = px + 21, py
        else:
            seen[key] = (x, y0)
        marker_number(c, x, y0, stop["n"])
        if "label" in stop:
            dx, dy, anchor = stop["label"]
            c.text(
                x + dx,
                y0 + dy,
                stop.get("short", stop["place"]),
                size=12,
                anchor=anchor,
                weight="600",
            )
    # Key: every stop with its years and what happened there.
    kx, ky = 492, top + 8
    c.text(kx, ky, "The stops in order", size=13, weight="700")
    ky += 22
    for stop in stops:
        marker_number(c, kx + 9, ky - 4, stop["n"])
        c.text(kx + 24, ky, f"{stop['place']}, {stop['years']}", size=12, weight="600")
        c.text(kx + 24, ky + 13, stop["note"], size=12, fill=MUTED)
        ky += 28
    bottom = max(europe.y0 + europe.height + 18, ky - 12)
    c.footer(bottom, data["source_line"], data.get("caveat"))
    order = "; ".join(f"{s['n']}. {s['place']}, {s['years']} ({s['note']})" for s in stops)
    return (
        "A map on a plain latitude-longitude grid (no coastlines) with Trotsky's places numbered in order and joined by a dashed route line, with Europe enlarged: "
        + order
        + "."
    )


def civil_war_map(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    e = data["extent"]
    p = Projection(
        e["lon_min"],
        e["lon_max"],
        e["lat_min"],
        e["lat_max"],
        44,
        y + 4,
        656,
        parallel=e["standard_parallel"],
    )
    p.graticule(c, 5, 5)
    core = data["red_core"]
    c.path(
        [p(lat, lon) for lat, lon in core["points"]],
        stroke=RED,
        width=1.5,
        fill=PALE_RED,
        close=True,
        dash="6 3",
    )
    lx, ly = p(*core["label_at"])
    c.lines(lx, ly, core["short_label"], size=13, anchor="middle", weight="700", fill=RED)
    for label in data.get("labels", []):
        lx, ly = p(label["lat"], label["lon"])
        c.text(lx, ly, label["text"], size=12, anchor="middle", fill=MUTED, italic=True)
    legion = data["czech_legion"]
    pts = [p(lat, lon) for lat, lon in legion["points"]]
    c.path(pts[:-1], stroke=DARK_AMBER, width=3.5, dash="9 4")
    c.arrow(*pts[-2], *pts[-1], stroke=DARK_AMBER, width=3.5, head=11)
    lx, ly = p(*legion["label_at"])
    tx, ty = p(*legion["leader_to"])
    c.line(lx + 40, ly - 14, tx, ty, stroke=DARK_AMBER, width=1)
    c.lines(lx, ly, legion["label"], size=12, weight="600", fill=DARK_AMBER, leading=15)
    for advance in data["white_advances"]:
        pts = [p(lat, lon) for lat, lon in advance["points"]]
        if len(pts) > 2:
            c.path(
                pts[:-1],
                stroke=NAVY,
                width=4.5,
                extra=' stroke-linejoin="round" stroke-linecap="round"',
            )
        c.arrow(*pts[-2], *pts[-1], stroke=NAVY, width=4.5, head=15)
        lx, ly = p(*advance["label_at"])
        anchor = advance.get("anchor", "start")
        c.text(lx, ly, advance["label"][0], size=14, weight="700", fill=NAVY, anchor=anchor)
        c.text(lx, ly + 15, advance["label"][1], size=12, fill=NAVY, anchor=anchor)
    landing = data["allied_landing"]
    ax, ay = p(*landing["at"])
    c.path([(ax, ay - 9), (ax + 8, ay + 5), (ax - 8, ay + 5)], stroke="#fff", fill=NAVY, close=True)
    c.lines(ax + 12, ay + 20, landing["label"], size=12, fill=NAVY, leading=14)
    for city in data["cities"]:
        x, y0 = p(city["lat"], city["lon"])
        if city["name"] == landing.get("city"):
            c.text(
                x + city["dx"],
                y0 + city["dy"],
                city["name"],
                size=13,
                anchor=city.get("anchor", "start"),
                weight="600",
            )
            continue
        bold = city.get("bold")
        c.circle(x, y0, 4.5 if bold else 3.5, fill=INK, stroke="#fff", width=1.2)
        c.text(
            x + city["dx"],
            y0 + city["dy"],
            city["name"],
            size=14 if bold else 12,
            anchor=city.get("anchor", "start"),
            weight="700" if bold else "500",
        )
    # Key below the map.
    ky = p.y0 + p.height + 40
    c.path(
        [(20, ky - 11), (34, ky - 11), (34, ky + 3), (20, ky + 3)],
        stroke=RED,
        fill=PALE_RED,
        close=True,
        dash="4 2",
    )
    c.text(42, ky, core["label"], size=12)
    ky += 22
    c.arrow(20, ky - 4, 46, ky - 4, stroke=NAVY, width=4.5, head=12)
    c.text(54, ky, "Main White offensives, with their furthest advance", size=12)
    c.line(380, ky - 4, 406, ky - 4, stroke=DARK_AMBER, width=3.5, dash="9 4")
    c.text(414, ky, "Czechoslovak Legion on the railway", size=12)
    ky += 22
    c.circle(27, ky - 4, 4.5, fill=INK)
    c.text(42, ky, "City", size=12)
    c.path([(390, ky - 13), (398, ky + 1), (382, ky + 1)], stroke=None, fill=NAVY, close=True)
    c.text(414, ky, "Allied landing", size=12)
    c.footer(ky, data["source_line"], data.get("caveat"))
    moves = "; ".join(
        f"{a['name']}: {a['label'][1]}, through {a['route']}" for a in data["white_advances"]
    )
    return (
        "A schematic map on a latitude-longitude grid from 24°E to 76°E and 43°N to 66°N, without coastlines. "
        f"A shaded area around Moscow and Petrograd marks the territory the Bolsheviks held at their low point in 1919 (approximate). "
        f"Arrows show the White offensives: {moves}. A dashed line marks the Czechoslovak Legion along the Trans-Siberian Railway from Penza through Samara, Ufa and Chelyabinsk to Omsk and on towards Vladivostok (revolt May 1918). "
        "A triangle marks the Allied landing at Archangel in August 1918."
    )


# --- diagrams and timelines -------------------------------------------------------------------


def os_day(value, start):
    """Days from `start` to an Old Style date given as an ISO string (the calendar is irrelevant here:
    both ends are Old Style, so the difference in days is the same)."""
    return (parse_date(value) - parse_date(start)).days


def dual_power(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    sides = [(data["government"], 20, BLUE, PALE_BLUE), (data["soviet"], 370, RED, PALE_RED)]
    box_w, pad = 330, 12
    heights = []
    for side, _x, _colour, _pale in sides:  # measure first, so that both boxes get the same height
        rows = 0
        for key in ("formed", "led", "seat"):
            rows += len(wrap(side[key], box_w - 2 * pad, 12))
        rows_controlled = sum(
            len(wrap(item, box_w - 2 * pad - 14, 13)) for item in side["controlled"]
        )
        heights.append(40 + rows * 16 + 30 + rows_controlled * 17 + 10)
    box_h = max(heights)
    for side, x, colour, pale in sides:
        c.rect(x, y, box_w, box_h, fill=pale, stroke=colour, width=1.5, rx=4)
        c.rect(x, y, box_w, 32, fill=colour, rx=4)
        c.text(
            x + box_w / 2, y + 22, side["name"], size=16, anchor="middle", weight="700", fill="#fff"
        )
        ty = y + 50
        for key in ("formed", "led", "seat"):
            for row in wrap(side[key], box_w - 2 * pad, 12):
                c.text(x + pad, ty, row, size=12, fill=INK)
                ty += 16
        ty += 8
        c.text(x + pad, ty, "Controlled", size=13, weight="700", fill=colour)
        ty += 20
        for item in side["controlled"]:
            c.circle(x + pad + 4, ty - 4.5, 3, fill=colour)
            for row in wrap(item, box_w - 2 * pad - 14, 13):
                c.text(x + pad + 14, ty, row, size=13)
                ty += 17
    y += box_h + 16
    # Order No. 1: the Soviet's hold over the army, drawn as an arrow from the Soviet to the army.
    order = data["order_no_1"]
    rows = wrap(order["text"], 652, 13)
    band_h = 30 + len(rows) * 17
    c.rect(20, y, 680, band_h, fill="#fff", stroke=INK, width=1, rx=4)
    c.text(34, y + 20, order["date"], size=13, weight="700", fill=RED)
    c.lines(34, y + 38, rows, size=13, leading=17)
    y += band_h + 34
    # Timeline of the balance between them.
    tl = data["timeline"]
    start, end = tl["start"], tl["end"]
    left, right = 40, 680
    span = os_day(end, start)

    def x_of(value):
        return left + os_day(value, start) / span * (right - left)

    c.text(
        20,
        y - 8,
        "How the balance shifted (Old Style dates, New Style in brackets)",
        size=14,
        weight="700",
    )
    bar_y = y + 6
    axis_y = bar_y + 66
    for event in tl["events"]:  # crisis bands first, so that the bars and their labels stay on top
        if event["crisis"]:
            x1, x2 = x_of(event["os_start"]), x_of(event["os_end"])
            c.rect(x1 - 3, bar_y - 7, x2 - x1 + 6, axis_y - bar_y + 7, fill=AMBER)
    gov = tl["government_bar"]
    c.rect(x_of(gov["from"]), bar_y, x_of(gov["to"]) - x_of(gov["from"]), 22, fill=BLUE)
    c.text(x_of(gov["from"]) + 8, bar_y + 16, gov["label"], size=12, weight="600", fill="#fff")
    sov = tl["soviet_bar"]
    c.rect(
        x_of(sov["from"]),
        bar_y + 28,
        x_of(sov["bolshevik_from"]) - x_of(sov["from"]),
        22,
        fill="#c98571",
    )
    c.rect(
        x_of(sov["bolshevik_from"]), bar_y + 28, right - x_of(sov["bolshevik_from"]), 22, fill=RED
    )
    c.text(x_of(sov["from"]) + 8, bar_y + 44, sov["label"], size=12, weight="600")
    c.text(
        right - 6,
        bar_y + 44,
        sov["bolshevik_label"],
        size=12,
        weight="600",
        anchor="end",
        fill="#fff",
    )
    c.line(left, axis_y, right, axis_y, stroke=INK, width=1.5)
    for i, month in enumerate(tl["months"]):
        mx = x_of(f"1917-{i + 3:02d}-01")
        c.line(mx, axis_y - 4, mx, axis_y + 4, stroke=INK)
        c.text(mx + 3, axis_y + 16, month, size=12, fill=MUTED)
    levels = [axis_y + 40, axis_y + 104]
    for i, event in enumerate(tl["events"]):
        x1, x2 = x_of(event["os_start"]), x_of(event["os_end"])
        colour = DARK_AMBER if event["crisis"] else INK
        c.circle((x1 + x2) / 2, axis_y, 4.5, fill=colour, stroke="#fff")
        ly = levels[event.get("level", i % 2)]
        anchor = event.get("anchor", "middle")
        lx = (x1 + x2) / 2
        c.line(lx, axis_y + 22, lx, ly - 14, stroke=GREY, width=1)
        c.text(lx, ly, event["date"], size=12, weight="700", anchor=anchor, fill=colour)
        c.lines(
            lx,
            ly + 15,
            wrap(event["label"], event.get("width", 150), 12),
            size=12,
            anchor=anchor,
            leading=14,
        )
    ky = levels[1] + 64
    c.rect(20, ky - 11, 14, 14, fill=AMBER)
    c.text(40, ky, "Crisis", size=12)
    c.rect(100, ky - 11, 14, 14, fill="#c98571")
    c.text(120, ky, "Soviet led by Mensheviks and SRs", size=12)
    c.rect(340, ky - 11, 14, 14, fill=RED)
    c.text(360, ky, "Soviet led by Bolsheviks", size=12)
    c.footer(ky, data["source_line"], data.get("caveat"))
    gov_side, sov_side = data["government"], data["soviet"]
    events = "; ".join(f"{e['date']}: {e['label']}" for e in tl["events"])
    return (
        f"A diagram of dual power in 1917. Left, the {gov_side['name']} ({gov_side['formed']}; {gov_side['led']}) controlled "
        + ", ".join(gov_side["controlled"])
        + f". Right, the {sov_side['name']} ({sov_side['formed']}; {sov_side['led']}) controlled "
        + ", ".join(sov_side["controlled"])
        + f". Between them, {order['text']} ({order['date']}). Below, a timeline from March to October 1917: {events}."
    )


def revolution_timeline(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    axis_x, date_x, text_x = 92, 106, 284
    text_w = W - 20 - text_x
    rows = []
    for event in data["events"]:
        lines = wrap(event["text"], text_w, 13, bold=bool(event.get("key")))
        date_lines = wrap(event["date"], text_x - date_x - 10, 13, bold=True)
        month_lines = len(str(event.get("month") or "").split())
        rows.append(
            (event, lines, date_lines, max(len(lines), len(date_lines), month_lines) * 17 + 13)
        )
    top = y + 8
    bottom = top + sum(r[3] for r in rows) - 10
    c.line(axis_x, top - 4, axis_x, bottom, stroke=GRID, width=3)
    yy = top + 10
    for event, lines, date_lines, height in rows:
        if event.get("month"):
            if yy > top + 10:
                c.line(20, yy - 16, W - 20, yy - 16, stroke=GRID, width=1)
            for j, part in enumerate(str(event["month"]).split()):
                c.text(20, yy + j * 16, part, size=14, weight="700", fill=MUTED if j else INK)
        key = event.get("key")
        if key:
            c.circle(axis_x, yy - 4.5, 6.5, fill=RED, stroke="#fff", width=1.5)
        else:
            c.circle(axis_x, yy - 4.5, 4.5, fill="#fff", stroke=INK, width=2)
        c.lines(date_x, yy, date_lines, size=13, weight="700", fill=RED if key else INK, leading=17)
        c.lines(text_x, yy, lines, size=13, leading=17, weight="600" if key else None)
        yy += height
    ky = yy + 4
    c.circle(27, ky - 4.5, 6.5, fill=RED)
    c.text(40, ky, "Turning point", size=12)
    c.circle(150, ky - 4.5, 4.5, fill="#fff", stroke=INK, width=2)
    c.text(162, ky, "Other event", size=12)
    c.footer(ky, data["source_line"], data.get("caveat"))
    return (
        "A vertical timeline of 1917, month by month, dates Old Style with New Style in brackets: "
        + " ".join(f"{e['date']}: {e['text']}" for e in data["events"])
    )


def state_structure(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    party, state = data["party"], data["state"]
    lx, rx, col_w = 20, 440, 260
    gap_left, gap_right, gap = lx + col_w, rx, 34
    c.text(
        lx + col_w / 2, y + 8, party["heading"], size=17, anchor="middle", weight="700", fill=RED
    )
    c.text(
        rx + col_w / 2, y + 8, state["heading"], size=17, anchor="middle", weight="700", fill=BLUE
    )

    def rows_of(item, name_size=14):
        return wrap(item["name"], col_w - 16, name_size, bold=True), wrap(
            item["note"], col_w - 16, 12
        )

    def needed(item, least=56):
        names, notes = rows_of(item)
        return max(least, len(names) * 17 + len(notes) * 15 + 14)

    def box(x, y0, item, colour, pale, h, fill=None):
        c.rect(x, y0, col_w, h, fill=fill or pale, stroke=colour, width=1.5, rx=5)
        names, notes = rows_of(item)
        total = len(names) * 17 + len(notes) * 15
        ty = c.lines(
            x + col_w / 2,
            y0 + (h - total) / 2 + 12,
            names,
            size=14,
            anchor="middle",
            weight="700",
            leading=17,
        )
        c.lines(x + col_w / 2, ty + 16, notes, size=12, anchor="middle", fill=MUTED, leading=15)
        return y0 + h / 2

    def down(x, y0, y1, label):
        c.arrow(x, y0 + 2, x, y1 - 3, stroke=INK, width=1.5, head=8)
        c.text(x + 8, (y0 + y1) / 2 + 5, label, size=12, fill=MUTED, italic=True)

    mids = {}  # (side, row) -> y of the middle of the box, where the control arrows attach
    yy = y + 24
    h0 = max(needed(party["congress"]), needed(state["congress"]))
    mids["p", 0] = box(lx, yy, party["congress"], RED, PALE_RED, h0)
    mids["s", 0] = box(rx, yy, state["congress"], BLUE, PALE_BLUE, h0)
    down(lx + col_w / 2, yy + h0, yy + h0 + gap, "elects")
    down(rx + col_w / 2, yy + h0, yy + h0 + gap, "elects")
    yy += h0 + gap
    h1 = max(needed(party["committee"]), needed(state["committee"]))
    mids["p", 1] = box(lx, yy, party["committee"], RED, PALE_RED, h1)
    mids["s", 1] = box(rx, yy, state["committee"], BLUE, PALE_BLUE, h1)
    down(lx + col_w / 2, yy + h1, yy + h1 + gap, "elects")
    down(rx + col_w / 2, yy + h1, yy + h1 + gap, "appoints")
    yy += h1 + gap
    # Rows 2 and 3: the party's three inner bodies stacked beside Sovnarkom and the commissariats.
    inner = [needed(item, 44) for item in party["inner"]]
    hg, hc = needed(state["government"]), needed(state["commissariats"])
    region = max(sum(inner) + 16, hg + gap + hc)
    spacing = (region - sum(inner)) / 2
    iy = yy
    for item, h in zip(party["inner"], inner, strict=True):
        mids["p", item["name"]] = box(lx, iy, item, RED, PALE_RED, h, fill="#fff")
        iy += h + spacing
    mids["s", 2] = box(rx, yy, state["government"], BLUE, PALE_BLUE, hg)
    mids["s", 3] = box(rx, yy + region - hc, state["commissariats"], BLUE, PALE_BLUE, hc)
    down(rx + col_w / 2, yy + hg, yy + region - hc, "directs")
    yy += region + gap
    h4 = max(needed(party["base"]), needed(state["base"]))
    mids["p", 4] = box(lx, yy, party["base"], RED, PALE_RED, h4)
    mids["s", 4] = box(rx, yy, state["base"], BLUE, PALE_BLUE, h4)
    bottom = yy + h4
    # Party control: thick arrows across the gap, each with its label above it.
    for item in data["control"]:
        row = item["row"]
        py = mids["p", item.get("from", row)]
        sy = mids["s", row]
        c.arrow(gap_left + 4, py, gap_right - 4, sy, stroke=RED, width=4, head=13)
        label_rows = wrap(item["label"], gap_right - gap_left - 10, 12, bold=True)
        c.lines(
            (gap_left + gap_right) / 2,
            min(py, sy) - 9 - 15 * (len(label_rows) - 1),
            label_rows,
            size=12,
            anchor="middle",
            weight="700",
            fill=RED,
            leading=15,
        )
    ky = bottom + 30
    c.line(20, ky - 4, 46, ky - 4, stroke=RED, width=4)
    c.arrowhead(20, ky - 4, 52, ky - 4, size=11, fill=RED)
    c.text(60, ky, "Party control of the state", size=12)
    c.line(250, ky - 4, 276, ky - 4, stroke=INK, width=1.5)
    c.arrowhead(250, ky - 4, 280, ky - 4, size=8, fill=INK)
    c.text(288, ky, "Formal line of election or command", size=12)
    c.footer(ky, data["source_line"], data.get("caveat"))
    inner_text = ", ".join(f"the {i['name']} ({i['note']})" for i in party["inner"])
    return (
        f"A diagram of two columns. Left, the Communist Party: the {party['congress']['name']} elects the {party['committee']['name']}, which elects {inner_text}; "
        f"{party['base']['name'].lower()} sit at the base. Right, the Soviet state: the {state['congress']['name']} elects the {state['committee']['name']}, "
        f"which appoints {state['government']['name']}, which directs the {state['commissariats']['name']}; {state['base']['name'].lower()} sit at the base. "
        "Thick arrows from party to state show party control: "
        + "; ".join(item["label"] for item in data["control"])
        + "."
    )


# --- charts -----------------------------------------------------------------------------------


def small_multiple_bars(
    c, x, y, w, h, title, unit, labels, values, colour, targets=None, decimals=None
):
    """One panel: a bar per label, the value on top; optional dashed 'plan' bars beside them."""
    c.text(x, y, title, size=15, weight="700")
    c.text(x + text_width(title, 15, True) + 8, y, unit, size=12, fill=MUTED)
    top, bottom = y + 30, y + h - 24
    highest = max(
        [v for v in values if v is not None] + [t for t in (targets or []) if t is not None]
    )
    step = nice_step(highest, 4)
    maximum = step * math.ceil(highest / step - 1e-9)
    left = x + 40
    scale = y_axis(c, left, x + w, top, bottom, maximum, step)
    slot = (x + w - left) / len(labels)
    for i, label in enumerate(labels):
        cx = left + (i + 0.5) * slot
        target = targets[i] if targets else None
        bars = (
            [(values[i], "actual")] if target is None else [(target, "plan"), (values[i], "actual")]
        )
        bw = 34 if len(bars) == 2 else 44
        x0 = cx - (bw * len(bars) + 4 * (len(bars) - 1)) / 2
        for j, (value, kind) in enumerate(bars):
            bx = x0 + j * (bw + 4)
            bh = value * scale
            if kind == "plan":
                c.rect(
                    bx + 0.75,
                    bottom - bh,
                    bw - 1.5,
                    bh,
                    fill="#fff",
                    stroke=colour,
                    width=1.5,
                    dash="4 3",
                )
            else:
                c.rect(bx, bottom - bh, bw, bh, fill=colour)
            c.text(
                bx + bw / 2,
                bottom - bh - 5,
                fmt_number(value, decimals),
                size=12,
                anchor="middle",
                weight="700" if kind == "actual" else None,
                fill=INK if kind == "actual" else MUTED,
            )
        c.text(cx, bottom + 17, label, size=13, anchor="middle", weight="600")
    return bottom + 17


def tsarist_growth(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    colours = [RED, BLUE, DARK_AMBER]
    panel_w, gap = 213, 20
    bottom = y
    for i, series in enumerate(data["series"]):
        x = 20 + i * (panel_w + gap)
        bottom = small_multiple_bars(
            c,
            x,
            y + 14,
            panel_w,
            290,
            series["label"],
            series["unit"],
            [str(v) for v in data["years"]],
            series["values"],
            colours[i],
            decimals=1,
        )
        first, last = series["values"][0], series["values"][-1]
        ratio = last / first
        times = f"{ratio:.0f}" if ratio >= 3 else f"{ratio:.1f}"
        c.text(
            x + 40,
            bottom + 22,
            f"about ×{times}, {data['years'][0]}-{data['years'][-1]}",
            size=13,
            weight="700",
            fill=colours[i],
        )
    c.footer(bottom + 24, data["source_line"], data.get("caveat"))
    return (
        data["title"]
        + ": three bar charts. "
        + " ".join(
            f"{s['label']} ({s['unit']}): "
            + ", ".join(f"{y} {v:g}" for y, v in zip(data["years"], s["values"], strict=True))
            + "."
            for s in data["series"]
        )
    )


def party_membership(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    values = data["values"]
    left, right, top, bottom = 70, 700, y + 24, y + 344
    scale = y_axis(
        c, left, right, top, bottom, 4000, 500, title="Members and candidates (thousands)"
    )
    slot = (right - left) / len(values)
    bw = slot * 0.72
    xs = {}
    for i, item in enumerate(values):
        x = left + i * slot + (slot - bw) / 2
        xs[item["year"]] = x + bw / 2
        h = item["members"] * scale
        if item.get("estimate"):
            c.rect(x + 0.75, bottom - h, bw - 1.5, h, fill=PALE_RED, stroke=RED, width=1.5)
        else:
            c.rect(x, bottom - h, bw, h, fill=RED)
        if item["year"] % 2 == 1:
            c.text(x + bw / 2, bottom + 17, item["year"], size=12, anchor="middle")
        else:
            c.line(x + bw / 2, bottom, x + bw / 2, bottom + 4, stroke=INK)
        if item.get("label"):
            c.text(
                x + bw / 2,
                bottom - h - 5,
                fmt_number(item["members"]),
                size=12,
                anchor="middle",
                weight="700",
            )
    for note in data["annotations"]:
        x = xs[note["year"]]
        lx, ly = note["at"]
        tx = left + lx * slot
        ty = top + ly
        anchor = note.get("anchor", "middle")
        c.lines(tx, ty, note["text"], size=12, anchor=anchor, leading=15, fill=INK, weight="600")
        if note.get("leader", True):
            top_of_bar = (
                bottom - next(v["members"] for v in values if v["year"] == note["year"]) * scale
            )
            c.line(
                x,
                ty + 15 * (len(note["text"]) - 1) + 5,
                x,
                top_of_bar - (20 if note.get("labelled") else 4),
                stroke=MUTED,
            )
    ky = bottom + 44
    legend(
        c,
        20,
        ky,
        [
            ("box", RED, "1 January each year (party records)"),
            ("outlined", (PALE_RED, RED), "1917-1921: estimates, less certain"),
        ],
    )
    c.footer(ky, data["source_line"], data.get("caveat"))
    series = ", ".join(f"{v['year']} {fmt_number(v['members'])}" for v in values)
    return f"A bar chart of Communist Party membership (full and candidate members, thousands) from 1917 to 1941: {series}. Membership peaked at 3.56 million on 1 January 1933, fell to 1.92 million by 1938 during the purges, and rose to 3.87 million by 1941."


def grain(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    years = data["years"]
    left, right, top, bottom = 64, 700, y + 54, y + 370
    legend(
        c,
        20,
        y + 10,
        [
            ("box", AMBER, "Harvest (Davies & Wheatcroft)"),
            ("hollow", DARK_AMBER, "range of estimate"),
            ("box", RED, "State procurements"),
        ],
    )
    c.line(20, y + 34, 44, y + 34, stroke=INK, width=3)
    c.text(52, y + 38, "Official harvest figure (pre-harvest 'biological yield')", size=12)
    slot = (right - left) / len(years)
    for note in data.get("annotations", []):
        i = years.index(note["year"])
        c.rect(left + i * slot, top - 4, slot * note.get("span", 1), bottom - top + 4, fill=FAINT)
    scale = y_axis(c, left, right, top, bottom, 100, 20, title="Million tonnes")
    for note in data.get("annotations", []):
        i = years.index(note["year"])
        c.text(
            left + (i + note.get("span", 1) / 2) * slot,
            top + 14,
            " ".join(note["text"]),
            size=12,
            anchor="middle",
            weight="700",
            fill=MUTED,
        )
    bw = 34
    for i, year in enumerate(years):
        cx = left + (i + 0.5) * slot
        low, high, official, proc = (
            data["harvest_low"][i],
            data["harvest_high"][i],
            data["harvest_official"][i],
            data["procurement"][i],
        )
        hx = cx - bw - 2
        if low is not None:
            c.rect(hx, bottom - low * scale, bw, low * scale, fill=AMBER)
            if high > low:
                c.rect(
                    hx + 0.75,
                    bottom - high * scale,
                    bw - 1.5,
                    (high - low) * scale,
                    fill="#fff",
                    stroke=DARK_AMBER,
                    width=1.5,
                    dash="3 2",
                )
            label = f"{low:g}" if high == low else f"{low:g}-{high:g}"
            c.text(
                hx + bw / 2,
                bottom - low * scale + 16,
                label,
                size=12,
                anchor="middle",
                weight="700",
            )
        else:
            c.text(hx + bw / 2, bottom - 8, "n/a", size=12, anchor="middle", fill=MUTED)
        if official is not None and (low is None or official > high + 0.5):
            oy = bottom - official * scale
            c.line(hx - 4, oy, hx + bw + 4, oy, stroke=INK, width=3)
            c.text(hx - 7, oy + 4, f"{official:g}", size=12, anchor="end")
        c.rect(cx + 2, bottom - proc * scale, bw, proc * scale, fill=RED)
        c.text(
            cx + 2 + bw / 2,
            bottom - proc * scale - 6,
            f"{proc:g}",
            size=12,
            anchor="middle",
            weight="700",
            fill=RED,
        )
        c.text(cx, bottom + 17, year, size=13, anchor="middle", weight="600")
        c.text(
            cx,
            bottom + 32,
            f"proc. {year}/{str(year + 1)[2:]}",
            size=12,
            anchor="middle",
            fill=MUTED,
        )
    c.footer(bottom + 34, data["source_line"], data.get("caveat"))
    parts = []
    for i, year in enumerate(years):
        low, high = data["harvest_low"][i], data["harvest_high"][i]
        harvest = (
            "no estimate" if low is None else (f"{low:g}" if low == high else f"{low:g}-{high:g}")
        )
        parts.append(
            f"{year}: harvest {harvest} (official {data['harvest_official'][i]:g}), procurement {data['procurement'][i]:g}"
        )
    return (
        "A bar chart of Soviet grain in million tonnes. "
        + "; ".join(parts)
        + ". Procurements doubled from 10.8 to 22.8 million tonnes between 1928 and 1931 while the harvest fell, and the 1932 harvest of 55-60 million tonnes was followed by famine."
    )


def five_year_plans(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    legend(
        c,
        20,
        y + 10,
        [
            ("box", INK, "Actual output"),
            ("hollow", INK, "Plan target (first plan for 1932/33; second plan for 1937)"),
        ],
    )
    colours = [RED, DARK_AMBER, INK, BLUE]
    panel_w, panel_h = 330, 226
    bottom = y
    for i, product in enumerate(data["products"]):
        x = 20 + (i % 2) * (panel_w + 20)
        py = y + 44 + (i // 2) * (panel_h + 22)
        bottom = small_multiple_bars(
            c,
            x,
            py,
            panel_w,
            panel_h,
            product["name"],
            product["unit"],
            data["years"],
            product["values"],
            colours[i],
            targets=product["targets"],
            decimals=1,
        )
    c.footer(bottom, data["source_line"], data.get("caveat"))
    parts = []
    for p in data["products"]:
        v, t = p["values"], p["targets"]
        parts.append(
            f"{p['name']} ({p['unit']}): {v[0]:g} in 1928, {v[1]:g} in 1932 (target {t[1]:g}), {v[2]:g} in 1937 (target {t[2]:g})"
        )
    return (
        "Four bar charts of Soviet heavy industry. "
        + "; ".join(parts)
        + ". Output rose several times over, but most targets were missed; steel in 1937 beat its target."
    )


def urban_population(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    census = data["censuses"]
    left, right, top, bottom = 64, 700, y + 20, y + 310
    scale = y_axis(
        c,
        left,
        right,
        top,
        bottom,
        80,
        10,
        label_fmt=lambda v: f"{v:g}%",
        title="Urban share of the population",
    )
    y0, y1 = 1920, 1995

    def x_of(year):
        return left + (year - y0) / (y1 - y0) * (right - left)

    for item in census:
        cx = x_of(item["year"])
        h = item["share"] * scale
        c.rect(cx - 22, bottom - h, 44, h, fill=BLUE)
        c.text(cx, bottom - h - 8, f"{item['share']}%", size=15, anchor="middle", weight="700")
        c.text(cx, bottom - h - 26, f"{item['urban']:.1f} m", size=12, anchor="middle", fill=MUTED)
        c.text(cx, bottom + 18, item["year"], size=13, anchor="middle", weight="600")
    c.text(
        right,
        bottom + 38,
        "Census year; above each bar, the urban population in millions",
        size=12,
        anchor="end",
        fill=MUTED,
    )
    c.footer(bottom + 40, data["source_line"], data.get("caveat"))
    parts = "; ".join(
        f"{i['year']}: {i['share']}% ({i['urban']:.1f} million of {i['total']:.1f} million)"
        for i in census
    )
    return f"A bar chart of the urban share of the Soviet population at each census: {parts}. The urban share rose from under a fifth to two-thirds."


def women_workforce(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    values = data["values"]
    left, right, top, bottom = 64, 700, y + 20, y + 300
    y0, y1 = 1925, 1978

    def x_of(year):
        return left + (year - y0) / (y1 - y0) * (right - left)

    war = data["war"]
    c.rect(x_of(war[0]), top, x_of(war[1]) - x_of(war[0]), bottom - top, fill=FAINT)
    c.text(
        (x_of(war[0]) + x_of(war[1])) / 2,
        bottom - 10,
        "war",
        size=12,
        anchor="middle",
        fill=MUTED,
        italic=True,
    )
    scale = y_axis(
        c,
        left,
        right,
        top,
        bottom,
        60,
        10,
        label_fmt=lambda v: f"{v:g}%",
        title="Women's share of workers and employees",
    )
    half = bottom - 50 * scale
    c.line(left, half, right, half, stroke=INK, width=1, dash="5 4")
    c.text(right - 4, half + 16, "half", size=12, anchor="end", fill=MUTED)
    points = [(x_of(v["year"]), bottom - v["share"] * scale) for v in values]
    c.path(points, stroke=RED, width=3, extra=' stroke-linejoin="round"')
    for v, (x, yy) in zip(values, points, strict=True):
        c.circle(x, yy, 5, fill=RED, stroke="#fff", width=1.5)
        dx, dy, anchor = v.get("label", [0, -10, "middle"])
        c.text(x + dx, yy + dy, f"{v['share']}%", size=13, anchor=anchor, weight="700")
    for year in range(1930, 1980, 10):
        c.text(x_of(year), bottom + 18, year, size=12, anchor="middle")
        c.line(x_of(year), bottom, x_of(year), bottom + 5, stroke=INK)
    c.footer(bottom + 20, data["source_line"], data.get("caveat"))
    parts = ", ".join(f"{v['year']} {v['share']}%" for v in values)
    return f"A line chart of women's share of Soviet workers and employees: {parts}. It rose from a quarter in 1928 to a peak of 56% in 1945, and stayed around half from the 1960s."


def gulag(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    values = data["values"]
    left, right, top, bottom = 70, 690, y + 44, y + 364
    legend(
        c,
        20,
        y + 10,
        [
            ("box", RED, "Labour camps (ITL)"),
            ("box", AMBER, "Labour colonies (ITK), counted from 1935"),
            ("hollow", INK, "approximate"),
        ],
    )
    slots = len(values) + 1.5
    slot = (right - left) / slots
    bw = slot * 0.74
    war = data["war"]
    wx0 = left + (war[0] - values[0]["year"]) * slot
    wx1 = left + (war[1] - values[0]["year"]) * slot
    c.rect(wx0, top, wx1 - wx0, bottom - top, fill=FAINT)
    c.text((wx0 + wx1) / 2, top + 76, "War", size=12, anchor="middle", weight="700", fill=MUTED)
    c.text((wx0 + wx1) / 2, top + 91, "1941-45", size=12, anchor="middle", fill=MUTED)
    scale = y_axis(
        c, left, right, top, bottom, 3500, 500, title="Prisoners on 1 January (thousands)"
    )
    for i, item in enumerate(values):
        x = left + i * slot + (slot - bw) / 2
        camps, colonies = item["camps"], item["colonies"] or 0
        c.rect(x, bottom - camps * scale, bw, camps * scale, fill=RED)
        if colonies:
            c.rect(x, bottom - (camps + colonies) * scale, bw, colonies * scale, fill=AMBER)
        if item["year"] % 2 == 0:
            c.text(x + bw / 2, bottom + 17, item["year"], size=12, anchor="middle")
        else:
            c.line(x + bw / 2, bottom, x + bw / 2, bottom + 4, stroke=INK)
        if item.get("label"):
            c.text(
                x + bw / 2,
                bottom - (camps + colonies) * scale - 5,
                fmt_number(camps + colonies),
                size=12,
                anchor="middle",
                weight="700",
            )
    after = data["after_amnesty"]
    remaining = after["before"] - after["released"]
    x = left + (len(values) + 0.5) * slot + (slot - bw) / 2
    c.rect(
        x + 0.75,
        bottom - remaining * scale,
        bw - 1.5,
        remaining * scale,
        fill="#fff",
        stroke=INK,
        width=1.5,
        dash="4 3",
    )
    c.text(
        x + bw / 2,
        bottom - remaining * scale - 5,
        f"≈{remaining / 1000:.1f} m",
        size=12,
        anchor="middle",
        weight="700",
    )
    c.lines(x + bw / 2, bottom + 17, after["axis_label"], size=12, anchor="middle", leading=14)
    for note in data["annotations"]:
        i = note["slot"]
        tx = left + i * slot
        c.lines(
            tx,
            top + note["dy"],
            note["text"],
            size=12,
            anchor=note.get("anchor", "middle"),
            weight="600",
            leading=15,
        )
    c.footer(bottom + 34, data["source_line"], data.get("caveat"))
    series = ", ".join(
        f"{v['year']} {fmt_number(v['camps'] + (v['colonies'] or 0))}" for v in values
    )
    return (
        f"A stacked bar chart of prisoners in Gulag labour camps and colonies on 1 January each year, in thousands (camps only before 1935): {series}. "
        f"The total peaked at 2,561 thousand in 1950 and stood at 2,469 thousand in January 1953. After Stalin's death the amnesty of 27 March 1953 freed about 1.2 million, leaving roughly {remaining / 1000:.1f} million."
    )


def leaders(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    start, end = data["start"], data["end"]
    left, right = 190, 700
    rows = data["leaders"]
    row_h = 46
    top = y + 30

    def x_of(value):
        return left + (value - start) / (end - start) * (right - left)

    bottom = top + row_h * len(rows)
    for i in range(0, len(rows), 2):  # row shading first, grid lines on top of it
        c.rect(20, top + i * row_h, right - 20, row_h, fill=FAINT)
    for decade in range(1920, end + 1, 10):
        x = x_of(decade)
        c.line(x, top - 8, x, bottom, stroke=GRID)
        c.text(x, top - 14, decade, size=12, anchor="middle", fill=MUTED)
        c.text(x, bottom + 18, decade, size=12, anchor="middle", fill=MUTED)
    for i, leader in enumerate(rows):
        ry = top + i * row_h
        c.text(28, ry + 20, leader["name"], size=15, weight="700")
        c.text(28, ry + 36, leader["office"], size=12, fill=MUTED)
        x1, x2 = x_of(year_fraction(leader["start"])), x_of(year_fraction(leader["end"]))
        if leader.get("lead_in"):
            x0 = x_of(year_fraction(leader["lead_in"]))
            c.rect(x0, ry + 13, x1 - x0, 20, fill=PALE_RED, stroke=RED)
            x_left = x0
        else:
            x_left = x1
        c.rect(x1, ry + 13, max(x2 - x1, 3), 20, fill=RED)
        label = leader["label"]
        width = text_width(label, 12)
        if x2 + 8 + width <= right:
            c.text(x2 + 7, ry + 27, label, size=12)
        else:
            c.text(x_left - 7, ry + 27, label, size=12, anchor="end")
    c.footer(bottom + 22, data["source_line"], data.get("caveat"))
    return (
        "A timeline with a bar for each Soviet leader: "
        + "; ".join(f"{r['name']} ({r['office']}), {r['label']}" for r in rows)
        + "."
    )


def republics(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    rows = data["republics"]
    d0, d1 = parse_date(data["start"]), parse_date(data["end"])
    left, right = 130, 560
    row_h = 25
    top = y + 40

    def x_of(value):
        return left + (parse_date(value) - d0).days / (d1 - d0).days * (right - left)

    bottom = top + row_h * len(rows)
    for year in (1990, 1991):
        for month in (1, 4, 7, 10):
            x = x_of(f"{year}-{month:02d}-01")
            c.line(x, top - 6, x, bottom, stroke=GRID if month != 1 else GREY)
            c.text(
                x + 3,
                top - 10,
                f"{'Jan Apr Jul Oct'.split()[(month - 1) // 3]}",
                size=12,
                fill=MUTED,
            )
        c.text(x_of(f"{year}-01-01") + 3, top - 26, year, size=13, weight="700")
    for i in range(0, len(rows), 2):  # row shading first, so that the event lines show on top of it
        c.rect(20, top + i * row_h, W - 40, row_h, fill=FAINT)
    for event in data["events"]:
        x1, x2 = x_of(event["start"]), x_of(event["end"])
        if x2 - x1 < 3:
            x1, x2 = (x1 + x2) / 2 - 1.5, (x1 + x2) / 2 + 1.5
        c.rect(
            x1,
            top - 6,
            x2 - x1,
            bottom - top + 6 + event["drop"],
            fill=AMBER if event.get("band") else GREY,
        )
        c.lines(
            x2 + 4 if event.get("side") == "right" else x1 - 4,
            bottom + event["drop"] - 2,
            event["label"],
            size=12,
            anchor="start" if event.get("side") == "right" else "end",
            weight="600",
            leading=14,
        )
    for i, row in enumerate(rows):
        ry = top + i * row_h + row_h / 2
        c.text(28, ry + 4.5, row["name"], size=13, weight="600")
        x = x_of(row["date"])
        c.line(left, ry, x, ry, stroke=GRID, width=1, dash="2 3")
        if row.get("earlier"):
            xe = x_of(row["earlier"])
            c.line(xe, ry, x, ry, stroke=RED, width=2)
            c.circle(xe, ry, 4.5, fill="#fff", stroke=RED, width=2)
        c.circle(x, ry, 5.5, fill=RED, stroke="#fff", width=1.2)
        c.text(right + 16, ry + 4.5, row["label"], size=13)
    c.footer(bottom + 58, data["source_line"], data.get("caveat"))
    parts = "; ".join(f"{r['name']} {r['label'].rstrip('*')}" for r in rows)
    return (
        "A timeline from January 1990 to December 1991 with one row per union republic, ordered by the date it declared or restored independence: "
        f"{parts}. Most declarations came in the two weeks after the failed August coup of 19-21 August 1991. The Belovezha Accords were signed on 8 December 1991 and the USSR was dissolved on 26 December 1991."
    )


def nep(data, c):
    y = c.header(data["title"], data.get("subtitle"))
    years = data["years"]
    colours = [("#fff", INK), (RED, None), (BLUE, None)]
    legend(
        c,
        20,
        y + 10,
        [("box", "#fff", years[0] + " = 100"), ("box", RED, years[1]), ("box", BLUE, years[2])],
    )
    left, right, top, bottom = 64, 700, y + 40, y + 330
    scale = y_axis(
        c,
        left,
        right,
        top,
        bottom,
        120,
        20,
        label_fmt=lambda v: f"{v:g}",
        title="Output, 1913 = 100",
    )
    slot = (right - left) / len(data["indicators"])
    bw = 40
    for i, item in enumerate(data["indicators"]):
        cx = left + (i + 0.5) * slot
        base = item["values"][0]
        for j, value in enumerate(item["values"]):
            index = round(value / base * 100)
            x = cx + (j - 1.5) * (bw + 4) + 2
            fill, stroke = colours[j]
            c.rect(
                x + (0.75 if stroke else 0),
                bottom - index * scale,
                bw - (1.5 if stroke else 0),
                index * scale,
                fill=fill,
                stroke=stroke,
                width=1.5,
            )
            c.text(
                x + bw / 2,
                bottom - index * scale - 6,
                index,
                size=13,
                anchor="middle",
                weight="700",
            )
        c.lines(
            cx,
            bottom + 18,
            wrap(item["name"], slot - 10, 13, bold=True),
            size=13,
            anchor="middle",
            weight="700",
            leading=16,
        )
    c.footer(bottom + 22, data["source_line"], data.get("caveat"))
    parts = []
    for item in data["indicators"]:
        v = item["values"]
        parts.append(
            f"{item['name']}: {round(v[1] / v[0] * 100)} in 1921 and {round(v[2] / v[0] * 100)} in 1926"
        )
    return (
        "A grouped bar chart of Soviet output as a percentage of 1913 (1913 = 100). "
        + "; ".join(parts)
        + ". War, civil war and famine cut industry to a fifth of its pre-war level by 1921; under the NEP it was back above the 1913 level by 1926."
    )


def topic_timeline(data, c):
    """Key events of one topic, drawn from the course's own events.yaml: one row per event."""
    events = yaml.safe_load((HERE.parent / "events.yaml").read_text(encoding="utf-8"))
    by_slug = {e["slug"]: e for e in events}
    missing = [slug for slug in data["events"] if slug not in by_slug]
    if missing:
        raise KeyError(f"events not in events.yaml: {', '.join(missing)}")
    chosen = sorted(
        (by_slug[slug] for slug in data["events"]), key=lambda e: str(e.get("os") or e.get("date"))
    )

    def when(event):
        text = str(event.get("os") or event.get("date")).split("/")[0].rstrip("~?%")
        parts = [int(p) for p in text.split("-")]
        return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0.5) + (
            (parts[2] - 1) / 365 if len(parts) > 2 else 0
        ), parts

    rows = []
    for event in chosen:
        value, parts = when(event)
        stamp = " ".join(
            ([str(parts[2])] if len(parts) > 2 else [])
            + ([MONTH_NAMES[parts[1] - 1]] if len(parts) > 1 else [])
            + [str(parts[0])]
        )
        if "os" in event and len(parts) > 2:
            stamp += " O.S."
        rows.append((value, event["title"], stamp))
    y = c.header(data["title"], data.get("subtitle"))
    first, last = int(min(r[0] for r in rows)), int(max(r[0] for r in rows)) + 1
    step = max(1, nice_step(last - first, 6))
    first = int(first // step * step)
    left, right = 300, 676
    row_h = 34 if any(len(wrap(t, left - 34, 12)) > 1 for _, t, _ in rows) else 30
    top = y + 24

    def x_of(value):
        return left + (value - first) / (last - first) * (right - left)

    bottom = top + row_h * len(rows)
    for i in range(0, len(rows), 2):  # row shading first, grid lines on top of it
        c.rect(20, top + i * row_h, W - 40, row_h, fill=FAINT)
    tick = first
    while tick <= last:
        c.line(x_of(tick), top - 6, x_of(tick), bottom, stroke=GRID)
        c.text(x_of(tick), top - 10, int(tick), size=12, anchor="middle", fill=MUTED)
        c.text(x_of(tick), bottom + 16, int(tick), size=12, anchor="middle", fill=MUTED)
        tick += step
    for i, (value, title, stamp) in enumerate(rows):
        ry = top + i * row_h
        label = wrap(title, left - 34, 12)
        if len(label) > 1:
            second = " ".join(label[1:])
            while text_width(second + "…", 12) > left - 34 and len(label) > 2:
                second = second[:-1]
            if second != " ".join(label[1:]):
                second = second.rstrip() + "…"
            c.text(28, ry + row_h / 2 - 2.5, label[0], size=12)
            c.text(28, ry + row_h / 2 + 11.5, second, size=12)
        else:
            c.text(28, ry + row_h / 2 + 4.5, label[0], size=12)
        x = x_of(value)
        c.circle(x, ry + row_h / 2, 5, fill=RED, stroke="#fff", width=1.2)
        if x + 10 + text_width(stamp, 12) <= W - 20:
            c.text(x + 9, ry + row_h / 2 + 4.5, stamp, size=12, fill=MUTED)
        else:
            c.text(x - 9, ry + row_h / 2 + 4.5, stamp, size=12, anchor="end", fill=MUTED)
    c.footer(bottom + 18, data["source_line"], data.get("caveat"))
    return (
        data["title"]
        + ": a timeline of "
        + str(len(rows))
        + " events. "
        + "; ".join(f"{t} ({s})" for _, t, s in rows)
        + "."
    )


MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

DRAWERS = {
    "trotsky-map": trotsky_map,
    "civil-war-map": civil_war_map,
    "dual-power": dual_power,
    "revolution-timeline": revolution_timeline,
    "state-structure": state_structure,
    "tsarist-growth": tsarist_growth,
    "party-membership": party_membership,
    "grain": grain,
    "five-year-plans": five_year_plans,
    "urban-population": urban_population,
    "women-workforce": women_workforce,
    "gulag": gulag,
    "leaders": leaders,
    "republics": republics,
    "nep": nep,
    "topic-timeline": topic_timeline,
}


def main(argv):
    """Draw every figure whose data file is in figures/data/ (or only the slugs named), each with the
    drawer its `kind` names, and check that figures.yaml has an entry for each."""
    paths = sorted(DATA.glob("*.yaml"))
    if argv:
        paths = [p for p in paths if p.stem in argv]
    listed = {
        entry["slug"]
        for entry in yaml.safe_load((HERE / "figures.yaml").read_text(encoding="utf-8")) or []
    }
    total, problems = 0, []
    for number, path in enumerate(paths, start=1):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not data.get("sources"):
            problems.append(f"{path.name}: no sources")
        c = Canvas(path.stem)
        desc = DRAWERS[data["kind"]](data, c)
        text = c.render(data["title"], desc)
        (HERE / f"{path.stem}.svg").write_text(text, encoding="utf-8")
        size = len(text.encode("utf-8"))
        total += size
        print(f"[{number}/{len(paths)}] {path.stem}.svg {size / 1024:.1f} KB")
        if size > 25 * 1024:
            problems.append(f"{path.stem}.svg is {size / 1024:.1f} KB (over 25 KB)")
        if path.stem not in listed:
            problems.append(f"{path.stem}: no entry in figures.yaml")
    print(f"Made {len(paths)} figures ({total / 1024:.1f} KB in all) in {HERE}.")
    for problem in problems:
        print(f"warning: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
