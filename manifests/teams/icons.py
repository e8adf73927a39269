#!/usr/bin/env python3
"""Draws RevBot's Teams icons with the standard library only: color.png (192x192, rising bars on the accent color)
and outline.png (32x32, the same bars in white on transparent, as Teams requires). Run once; the PNGs are committed."""
import struct
import zlib
from pathlib import Path

ACCENT = (0x2F, 0x6F, 0xDB)
SUPERSAMPLE = 4  # anti-aliasing: draw 4x4 samples per pixel and average


def bars(size):
    """Three rising bars and a baseline, as (x0, y0, x1, y1) boxes in a size x size square."""
    unit = size / 32
    boxes = [(7, 18, 11, 25), (14, 13, 18, 25), (21, 7, 25, 25), (6, 26, 26, 27.5)]
    return [tuple(v * unit for v in box) for box in boxes]


def rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def render(size, background):
    boxes = bars(size)
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 (none) for each scanline
        for px in range(size):
            fg = bg = 0
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    x = px + (sx + 0.5) / SUPERSAMPLE
                    y = py + (sy + 0.5) / SUPERSAMPLE
                    if any(x0 <= x < x1 and y0 <= y < y1 for x0, y0, x1, y1 in boxes):
                        fg += 1
                    elif background and rounded_square(x, y, size, size * 0.18):
                        bg += 1
            n = SUPERSAMPLE * SUPERSAMPLE
            if background:
                alpha = (fg + bg) / n
                mix = fg / max(fg + bg, 1)  # white bars over the accent color
                rgb = [round(c + (255 - c) * mix) for c in ACCENT]
                row += bytes(rgb + [round(alpha * 255)])
            else:
                row += bytes([255, 255, 255, round(fg / n * 255)])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    (here / "color.png").write_bytes(render(192, background=True))
    (here / "outline.png").write_bytes(render(32, background=False))
