#!/usr/bin/env python3
"""Writes logo.png (120 x 60 px, 8-bit RGB, no alpha) next to this script: a
made-up logo for the fixtures (a screen and three lines of text on dark blue).
Only the standard library (zlib, struct) is used."""
import os, struct, zlib

W, H = 120, 60
BLUE, WHITE, ORANGE, GREY = (0x1f, 0x3a, 0x5f), (0xff, 0xff, 0xff), (0xe0, 0x7b, 0x00), (0x9a, 0xa7, 0xb8)

def colour(x, y):
    if 14 <= x < 54 and 12 <= y < 38:                      # the screen
        return BLUE if (18 <= x < 50 and 16 <= y < 34) else WHITE
    if 30 <= x < 38 and 38 <= y < 44: return WHITE          # its stand
    if 24 <= x < 44 and 44 <= y < 47: return WHITE
    for top, right in ((14, 110), (24, 100), (34, 106)):    # three lines of text
        if 62 <= x < right and top <= y < top + 5: return GREY if top == 24 else WHITE
    if 62 <= x < 84 and 44 <= y < 47: return ORANGE         # an accent
    return BLUE

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)

raw = b''.join(b'\x00' + bytes(c for x in range(W) for c in colour(x, y)) for y in range(H))
png = (b'\x89PNG\r\n\x1a\n'
       + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 2, 0, 0, 0))
       + chunk(b'IDAT', zlib.compress(raw, 9))
       + chunk(b'IEND', b''))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'logo.png'), 'wb') as f:
    f.write(png)
