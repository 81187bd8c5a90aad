#!/usr/bin/env python3
# Writes static/favicon-32.png and static/apple-touch-icon.png from the
# shape of static/favicon.svg (kept in step by hand: a rounded square in
# the brand colour with a white M).  Python's standard library only, so
# no image tool is needed to rebuild them: python3 tools/icons.py
import struct, zlib, os

BRAND = (0x0b, 0x4f, 0x8a)
M = [(7, 24), (7, 8), (10, 8), (16, 17), (22, 8), (25, 8), (25, 24),
     (21.5, 24), (21.5, 14), (16, 21), (10.5, 14), (10.5, 24)]


def inside(poly, x, y):
    r = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            r = not r
        j = i
    return r


def in_rounded(x, y, rad):
    cx = min(max(x, rad), 32 - rad)
    cy = min(max(y, rad), 32 - rad)
    return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad


def png(size, path, opaque):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            a = w = 0
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + .5) / ss) * 32 / size
                    y = (py + (sy + .5) / ss) * 32 / size
                    if opaque or in_rounded(x, y, 6):
                        a += 1
                        if inside(M, x, y):
                            w += 1
            n = ss * ss
            alpha = a / n
            if a:
                t = w / a
                c = [round(b + (255 - b) * t) for b in BRAND]
            else:
                c = [0, 0, 0]
            row += bytes(c) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(k, d):
        c = k + d
        return struct.pack(">I", len(d)) + c + struct.pack(">I",
                                                          zlib.crc32(c))
    data = (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                    "static")
png(32, os.path.join(here, "favicon-32.png"), False)
# iOS fills transparency with black: the touch icon is opaque.
png(180, os.path.join(here, "apple-touch-icon.png"), True)
