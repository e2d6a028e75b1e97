"""The 48×48 PNG that Kiwix shows beside a ZIM in its library: a backpack ("mochila").

Kiwix needs a PNG and the project's logo is an icon font glyph, so the picture is drawn here
from a few shapes, with the standard library only (zlib, struct), and always gives the same
bytes. Edges are smoothed by sampling each pixel 4×4 times.
"""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Callable

Colour = tuple[int, int, int]
Shape = Callable[[float, float], bool]
# The theme's primary colour (theme/assets/mochila/mochila.css, --md-primary-fg-color).
PRIMARY: Colour = (0x9A, 0x34, 0x12)
WHITE: Colour = (0xFF, 0xFF, 0xFF)
_SAMPLES = 4


@functools.cache
def backpack_png(size: int = 48, colour: Colour = PRIMARY) -> bytes:
    """A square PNG of ``size`` pixels: a white backpack on a rounded tile of ``colour``."""
    # Drawn on a 48-unit grid, later layers over earlier ones; None is transparent.
    layers: list[tuple[Shape, Colour]] = [
        (_rounded(0, 0, 48, 48, 10), colour),
        (_ring(24, 14, 7, 4, upper_only=True), WHITE),  # the handle
        (_rounded(11, 13, 37, 42, 7), WHITE),  # the bag
        (_rounded(16, 26, 32, 37, 3), colour),  # the pocket
        (_rounded(18, 28, 30, 35, 2), WHITE),
        (_rounded(11, 20, 37, 22, 0), colour),  # the flap's seam
    ]
    rows = []
    scale = 48 / size
    for y in range(size):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(size):
            row += _pixel(layers, x * scale, y * scale, scale)
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _pixel(layers: list[tuple[Shape, Colour]], x: float, y: float, scale: float) -> bytes:
    red = green = blue = alpha = 0
    step = scale / _SAMPLES
    for i in range(_SAMPLES):
        for j in range(_SAMPLES):
            px, py = x + (i + 0.5) * step, y + (j + 0.5) * step
            colour = None
            for shape, fill in layers:
                if shape(px, py):
                    colour = fill
            if colour is not None:
                red, green, blue, alpha = (
                    red + colour[0],
                    green + colour[1],
                    blue + colour[2],
                    alpha + 1,
                )
    if not alpha:
        return b"\x00\x00\x00\x00"
    return bytes((red // alpha, green // alpha, blue // alpha, round(255 * alpha / _SAMPLES**2)))


def _rounded(left: float, top: float, right: float, bottom: float, radius: float) -> Shape:
    def inside(x: float, y: float) -> bool:
        if not (left <= x <= right and top <= y <= bottom):
            return False
        cx = min(max(x, left + radius), right - radius)
        cy = min(max(y, top + radius), bottom - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2

    return inside


def _ring(cx: float, cy: float, outer: float, inner: float, upper_only: bool) -> Shape:
    def inside(x: float, y: float) -> bool:
        distance = (x - cx) ** 2 + (y - cy) ** 2
        return inner**2 <= distance <= outer**2 and (not upper_only or y <= cy + 2)

    return inside


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
