#!/usr/bin/env python3
"""Draws the board's 16x16 calendar button icons as PNG files, with the standard library only.

The icons replace emoji on the buttons, which render as a box wherever no emoji font is installed.
Run from the repository root; it rewrites bundles/peregrine.ui.kanban/icons/*.png.
"""
import pathlib
import struct
import zlib

SIZE = 16
CLEAR = (0, 0, 0, 0)
FRAME = (0x3b, 0x4a, 0x5c, 255)
HEADER = (0xc6, 0x28, 0x28, 255)
PAGE = (0xff, 0xff, 0xff, 255)
DAY = (0x9a, 0xa5, 0xb1, 255)
MARK = (0x1e, 0x7b, 0x34, 255)


def calendar():
    """A page with a red header, two rings and a grid of days, as most desktops draw a calendar."""
    px = [[CLEAR] * SIZE for _ in range(SIZE)]
    for y in range(2, 15):
        for x in range(1, 15):
            edge = x in (1, 14) or y in (2, 14)
            px[y][x] = FRAME if edge else HEADER if y <= 5 else PAGE
    for x in (4, 11):
        px[1][x] = px[2][x] = px[3][x] = FRAME
    for y in (8, 11):
        for x in (3, 6, 9, 12):
            px[y][x] = DAY
    return px


def with_plus(px):
    """A green plus, two pixels thick, over the lower right: the event is to be added."""
    for i in range(7, 14):
        for t in (0, 1):
            px[11 + t][i] = MARK
            px[i + 1][10 + t] = MARK
    return px


def with_arrows(px):
    """Two arrows turning round: the event is there and will be brought up to date."""
    ring = [(8, 10), (8, 11), (8, 12), (9, 13), (10, 13), (11, 13), (13, 11), (13, 10), (13, 9), (12, 8), (11, 8),
            (10, 8), (12, 13), (9, 8)]
    for x, y in ring:
        px[y][x] = MARK
    for x, y in [(14, 12), (13, 12), (13, 13), (7, 9), (8, 9), (8, 8)]:
        px[y][x] = MARK
    return px


def png(px):
    raw = b"".join(b"\0" + b"".join(struct.pack("4B", *p) for p in row) for row in px)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


out = pathlib.Path("bundles/peregrine.ui.kanban/icons")
out.mkdir(exist_ok=True)
(out / "calendar-add.png").write_bytes(png(with_plus(calendar())))
(out / "calendar-update.png").write_bytes(png(with_arrows(calendar())))
