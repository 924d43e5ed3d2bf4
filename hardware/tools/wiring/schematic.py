"""Small SVG schematic primitives for Tocsin's wiring sheets (standard library only).

Everything is placed by explicit coordinates on a 10 px grid. Two-terminal parts (resistors,
capacitors, diodes, fuses, switches, coils) are drawn horizontally around their centre and rotated
to lie between two points; modules are boxes with named pins whose stub ends are returned so
wires can be drawn to them. Net labels (flags) join wires by name, as in any schematic editor.
"""

import math
from xml.sax.saxutils import escape

FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
INK = "#111827"
WIRE = "#1f2937"
MUTED = "#475569"
RAIL = "#b91c1c"
NET_FILL = "#dbeafe"
NET_INK = "#1e3a8a"
BODY = "#ffffff"
BODY_LEN = 40


def _f(v):
    """Coordinates without trailing zeros, so the output is short and stable."""
    return ("%.1f" % v).rstrip("0").rstrip(".")


def text_width(s, size):
    """Rough rendered width of text in DejaVu Sans, for sizing labels and boxes."""
    return len(s) * size * 0.6


class Sheet:
    """One SVG drawing: title, parts, wires, labels and notes."""

    def __init__(self, width, height, title, subtitle, footer):
        self.width = width
        self.height = height
        self.out = []
        self.rect(0, 0, width, height, fill="#ffffff", stroke="none")
        self.text(30, 40, title, size=22, bold=True)
        self.text(30, 64, subtitle, size=13, color=MUTED)
        self.text(30, height - 16, footer, size=11, color=MUTED)

    # --- basic shapes -------------------------------------------------------------------------

    def rect(self, x, y, w, h, fill=BODY, stroke=INK, width=1.5, rx=0, dashed=False):
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        self.out.append(
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="{rx}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>'
        )

    def wire(self, *points, dashed=False, color=WIRE, width=1.8):
        pts = " ".join(f"{_f(x)},{_f(y)}" for x, y in points)
        dash = ' stroke-dasharray="7 5"' if dashed else ""
        self.out.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="{width}" '
            f'stroke-linejoin="round"{dash}/>'
        )

    def dot(self, x, y):
        self.out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3.5" fill="{WIRE}"/>')

    def text(self, x, y, s, size=13, anchor="start", bold=False, italic=False, color=INK):
        weight = ' font-weight="bold"' if bold else ""
        style = ' font-style="italic"' if italic else ""
        self.out.append(
            f'<text x="{_f(x)}" y="{_f(y)}" font-family="{FONT}" font-size="{size}" '
            f'text-anchor="{anchor}" fill="{color}"{weight}{style}>{escape(s)}</text>'
        )

    def lines(self, x, y, rows, size=12, leading=None, anchor="start", color=INK, bold_first=False):
        leading = leading or round(size * 1.35)
        for i, row in enumerate(rows):
            self.text(x, y + i * leading, row, size=size, anchor=anchor, color=color, bold=bold_first and i == 0)

    def note(self, x, y, w, rows, title=None, size=12):
        """A shaded note; rows are pre-wrapped lines."""
        leading = round(size * 1.4)
        h = 14 + (len(rows) + (1 if title else 0)) * leading
        self.rect(x, y, w, h, fill="#f8fafc", stroke="#94a3b8", width=1, rx=4)
        yy = y + 8 + leading - 4
        if title:
            self.text(x + 10, yy, title, size=size, bold=True)
            yy += leading
        for row in rows:
            self.text(x + 10, yy, row, size=size)
            yy += leading
        return y + h

    def frame(self, x, y, w, h, label, color=MUTED, dashed=True, label_color=None):
        self.rect(x, y, w, h, fill="none", stroke=color, width=1.3, rx=6, dashed=dashed)
        self.text(x + 10, y + 18, label, size=12, bold=True, color=label_color or color)

    # --- symbols ------------------------------------------------------------------------------

    def ground(self, x, y):
        self.wire((x, y), (x, y + 10))
        for i, half in enumerate((11, 7, 3)):
            yy = y + 10 + i * 4
            self.wire((x - half, yy), (x + half, yy), width=1.8)

    def rail(self, x, y, name, up=True):
        """A supply flag: a short line and a bar with the rail's name (above when up)."""
        d = -1 if up else 1
        self.wire((x, y), (x, y + d * 12))
        self.wire((x - 10, y + d * 12), (x + 10, y + d * 12), color=RAIL, width=2.4)
        self.text(x, y + d * 18 + (0 if up else 10), name, size=12, anchor="middle", bold=True, color=RAIL)

    def net(self, x, y, name, side="right"):
        """A net label flag attached at (x, y), pointing away on `side`."""
        w = text_width(name, 12) + 14
        s = 1 if side == "right" else -1
        tip = x + s * 8
        far = tip + s * w
        pts = [(x, y), (tip, y - 10), (far, y - 10), (far, y + 10), (tip, y + 10)]
        p = " ".join(f"{_f(a)},{_f(b)}" for a, b in pts)
        self.out.append(f'<polygon points="{p}" fill="{NET_FILL}" stroke="{NET_INK}" stroke-width="1.2"/>')
        self.text((tip + far) / 2, y + 4.5, name, size=12, anchor="middle", bold=True, color=NET_INK)

    def two(self, kind, p1, p2, ref="", value="", side=None, extra=""):
        """A two-terminal part between p1 and p2 (horizontal or vertical), leads drawn to both."""
        (x1, y1), (x2, y2) = p1, p2
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        half = BODY_LEN / 2
        self.wire((x1, y1), (cx - ux * half, cy - uy * half))
        self.wire((cx + ux * half, cy + uy * half), (x2, y2))
        angle = math.degrees(math.atan2(uy, ux))
        self.out.append(f'<g transform="translate({_f(cx)},{_f(cy)}) rotate({_f(angle)})">{_SYMBOLS[kind]}</g>')
        horizontal = abs(uy) < 0.5
        if horizontal:
            above = side != "below"
            lift = 10 if kind in ("PB", "LATCH", "REED") else 0
            if ref:
                self.text(cx, cy - 16 - lift if above else cy + 30, ref, size=12, anchor="middle", bold=True)
            if value:
                self.text(cx, cy + 28 if above else cy + 44, value, size=12, anchor="middle")
            if extra:
                self.text(cx, cy + 42 if above else cy + 58, extra, size=11, anchor="middle", color=MUTED)
        else:
            left = side == "left"
            tx = cx - 18 if left else cx + 18
            anchor = "end" if left else "start"
            rows = [r for r in (ref, value, extra) if r]
            top = cy - (len(rows) - 1) * 8 + 4
            for i, row in enumerate(rows):
                self.text(tx, top + i * 16, row, size=12 if i < 2 else 11, anchor=anchor, bold=(i == 0 and bool(ref)),
                          color=INK if i < 2 else MUTED)

    def box(self, x, y, w, h, title, subtitle=None, left=(), right=(), top=(), bottom=(),
            fill="#f1f5f9", stub=16, first=None, pitch=24, title_size=13):
        """A module with named pins; returns {pin: (x, y)} at the outer end of each pin stub.

        Pins are names (spaced by `pitch` from `first`) or (name, offset) pairs; a name starting with
        "~" is not printed."""
        self.rect(x, y, w, h, fill=fill, stroke="#334155", width=1.6, rx=5)
        ty = y + (36 if top else 20)
        self.text(x + w / 2, ty, title, size=title_size, anchor="middle", bold=True)
        if subtitle:
            for i, row in enumerate(subtitle if isinstance(subtitle, (list, tuple)) else [subtitle]):
                self.text(x + w / 2, ty + 16 + i * 15, row, size=11, anchor="middle", color=MUTED)
        pins = {}
        start = first if first is not None else (48 if subtitle else 40)

        def place(items, along):
            for i, item in enumerate(items):
                name, off = item if isinstance(item, tuple) else (item, start + i * pitch)
                yield name, off

        for name, off in place(left, "y"):
            px, py = x, y + off
            self.wire((px - stub, py), (px, py))
            self._pin_label(px + 6, py + 4, name, "start")
            pins[name] = (px - stub, py)
        for name, off in place(right, "y"):
            px, py = x + w, y + off
            self.wire((px, py), (px + stub, py))
            self._pin_label(px - 6, py + 4, name, "end")
            pins[name] = (px + stub, py)
        for name, off in place(top, "x"):
            px, py = x + off, y
            self.wire((px, py - stub), (px, py))
            self._pin_label(px, py + 14, name, "middle")
            pins[name] = (px, py - stub)
        for name, off in place(bottom, "x"):
            px, py = x + off, y + h
            self.wire((px, py), (px, py + stub))
            self._pin_label(px, py - 6, name, "middle")
            pins[name] = (px, py + stub)
        return pins

    def _pin_label(self, x, y, name, anchor):
        """Pin names starting with "~" are connection points without a printed name."""
        if not name.startswith("~"):
            self.text(x, y, name, size=11, anchor=anchor)

    def svg(self):
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}">\n'
        )
        return head + "\n".join(self.out) + "\n</svg>\n"


def _switch(extra=""):
    return (
        f'<line x1="-20" y1="0" x2="-14" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="14" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<circle cx="-12" cy="0" r="2.6" fill="{BODY}" stroke="{INK}" stroke-width="1.5"/>'
        f'<circle cx="12" cy="0" r="2.6" fill="{BODY}" stroke="{INK}" stroke-width="1.5"/>'
        f'<line x1="-10" y1="-1.5" x2="13" y2="-13" stroke="{INK}" stroke-width="1.8"/>' + extra
    )


_STROKE = f'stroke="{INK}" stroke-width="1.6"'
_SYMBOLS = {
    "R": f'<rect x="-18" y="-6" width="36" height="12" fill="{BODY}" {_STROKE}/>',
    "C": (
        f'<line x1="-20" y1="0" x2="-4" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="4" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="-4" y1="-11" x2="-4" y2="11" stroke="{INK}" stroke-width="2.4"/>'
        f'<line x1="4" y1="-11" x2="4" y2="11" stroke="{INK}" stroke-width="2.4"/>'
    ),
    "CP": (
        f'<line x1="-20" y1="0" x2="-4" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="5" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="-4" y1="-11" x2="-4" y2="11" stroke="{INK}" stroke-width="2.4"/>'
        f'<path d="M8,-11 Q2,0 8,11" fill="none" stroke="{INK}" stroke-width="2.4"/>'
        f'<text x="-12" y="-6" font-family="{FONT}" font-size="11" fill="{INK}">+</text>'
    ),
    "D": (
        f'<line x1="-20" y1="0" x2="-8" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="8" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<polygon points="-8,-8 -8,8 8,0" fill="{BODY}" {_STROKE}/>'
        f'<line x1="8" y1="-8" x2="8" y2="8" stroke="{INK}" stroke-width="2"/>'
    ),
    "DS": (
        f'<line x1="-20" y1="0" x2="-8" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="8" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<polygon points="-8,-8 -8,8 8,0" fill="{BODY}" {_STROKE}/>'
        f'<path d="M4,-5 L4,-8 L8,-8 L8,8 L12,8 L12,5" fill="none" stroke="{INK}" stroke-width="2"/>'
    ),
    "TVS": (
        f'<line x1="-20" y1="0" x2="-14" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="14" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<polygon points="-14,-8 -14,8 0,0" fill="{BODY}" {_STROKE}/>'
        f'<polygon points="14,-8 14,8 0,0" fill="{BODY}" {_STROKE}/>'
        f'<path d="M-3,-11 L0,-8 L0,8 L3,11" fill="none" stroke="{INK}" stroke-width="2"/>'
    ),
    "LED": (
        f'<line x1="-20" y1="0" x2="-8" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="8" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<polygon points="-8,-8 -8,8 8,0" fill="{BODY}" {_STROKE}/>'
        f'<line x1="8" y1="-8" x2="8" y2="8" stroke="{INK}" stroke-width="2"/>'
        f'<path d="M0,-11 L7,-18 M3,-18 L7,-18 L7,-14 M6,-8 L13,-15 M9,-15 L13,-15 L13,-11" fill="none" '
        f'stroke="{INK}" stroke-width="1.3"/>'
    ),
    "F": (
        f'<rect x="-16" y="-6" width="32" height="12" fill="{BODY}" {_STROKE}/>'
        f'<line x1="-20" y1="0" x2="20" y2="0" stroke="{INK}" stroke-width="1.3"/>'
    ),
    "SW": _switch(),
    "PB": (
        f'<line x1="-20" y1="0" x2="-14" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="14" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<circle cx="-12" cy="0" r="2.6" fill="{BODY}" stroke="{INK}" stroke-width="1.5"/>'
        f'<circle cx="12" cy="0" r="2.6" fill="{BODY}" stroke="{INK}" stroke-width="1.5"/>'
        f'<line x1="-15" y1="-8" x2="15" y2="-8" stroke="{INK}" stroke-width="1.8"/>'
        f'<line x1="0" y1="-8" x2="0" y2="-17" stroke="{INK}" stroke-width="1.6"/>'
        f'<line x1="-6" y1="-17" x2="6" y2="-17" stroke="{INK}" stroke-width="1.8"/>'
    ),
    "LATCH": _switch(
        f'<path d="M-2,-7 L2,-14 L6,-9" fill="none" stroke="{INK}" stroke-width="1.4"/>'
        f'<line x1="-6" y1="-20" x2="6" y2="-20" stroke="{INK}" stroke-width="1.6"/>'
        f'<line x1="0" y1="-20" x2="0" y2="-12" stroke="{INK}" stroke-width="1.4" stroke-dasharray="2 2"/>'
    ),
    "REED": _switch(
        f'<ellipse cx="0" cy="-4" rx="21" ry="13" fill="none" stroke="{MUTED}" stroke-width="1.2"/>'
    ),
    "COIL": (
        f'<rect x="-15" y="-10" width="30" height="20" fill="{BODY}" {_STROKE}/>'
        f'<line x1="-15" y1="10" x2="15" y2="-10" stroke="{INK}" stroke-width="1.2"/>'
    ),
    "BAT": (
        f'<line x1="-20" y1="0" x2="-4" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="4" y1="0" x2="20" y2="0" stroke="{WIRE}" stroke-width="1.8"/>'
        f'<line x1="-4" y1="-14" x2="-4" y2="14" stroke="{INK}" stroke-width="2.4"/>'
        f'<line x1="4" y1="-7" x2="4" y2="7" stroke="{INK}" stroke-width="4"/>'
    ),
}
