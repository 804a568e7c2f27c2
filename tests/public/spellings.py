#!/usr/bin/env python3
"""tests/public/spellings.py — every spelling of spellings.tsv in every place.

    spellings.py make TABLE DIR      one layout document per spelling: DIR/NNN.layout.xml
    spellings.py check TABLE DIR FULL PUBLIC
                                     reads FULL/NNN.pdf and PUBLIC/NNN-public.pdf and
                                     prints one line per check: "ok NAME" or
                                     "fail NAME<TAB>DETAILS"

Each document holds its spelling in five places, each read back by a tool
other than copil: a heading on page 1 (pdftotext) that is also a bookmark
(the outline, from qpdf --json), a paragraph of running text on page 2, a
table cell on page 3, a chart's title on page 4 (drawn, and opening the
figure's /Alt), and the PDF's metadata (Title, Subject, Keywords, Author, from
pdfinfo). Then every string of the file, decoded (qpdf --json: Info, outline,
/Alt, /ActualText…), and the raw bytes of the file with its streams
uncompressed (qpdf --qdf), in UTF-8 and UTF-16, must not show the detail
either.
"""
import json
import re
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from xml.sax.saxutils import escape, quoteattr

INVISIBLE = re.compile('[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]')
DASHES = re.compile('[\u2010-\u2015\u2212\ufe58\ufe63]')
MAIL_MARK, PHONE_MARK = '[courriel retiré]', '[téléphone retiré]'


def read_table(path):
    cases = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        fields = line.split('\t')
        kind, text = fields[0], fields[1].encode('ascii', 'backslashreplace').decode('unicode_escape') \
            if '\\u' in fields[1] else fields[1]
        probes = fields[2].split(' ') if len(fields) > 2 else []
        undrawn = len(fields) > 3 and fields[3] == 'undrawn'
        cases.append({'kind': kind, 'text': text, 'probes': probes, 'typed': fields[1],
                      'undrawn': undrawn})
    return cases


def flat(s):
    """What a reader sees, for comparing: no white space nor invisible
    characters, compatibility forms folded (full-width digits, ligatures),
    dashes as '-', lower case."""
    s = unicodedata.normalize('NFKC', INVISIBLE.sub('', s))
    return DASHES.sub('-', ''.join(s.split())).lower()


def digits(s):
    return ''.join(c for c in unicodedata.normalize('NFKC', s) if c.isdigit() and c.isascii())


def make(table, out):
    for i, c in enumerate(read_table(table), 1):
        t = c['text']
        doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:copil:layout" title={quoteattr('Méta : ' + t)} subject={quoteattr('Sujet : ' + t)}
          keywords={quoteattr('Mots : ' + t)} author={quoteattr('Auteur : ' + t)}>
  <page orientation="landscape"/>
  <body>
    <h1>Titre : {escape(t)}</h1>
    <page-break/>
    <p>Pour joindre la personne : {escape(t)} ; merci.</p>
    <page-break/>
    <table><col width="2*"/><col/><row><cell>Cellule : {escape(t)}</cell><cell>fin</cell></row></table>
    <page-break/>
    <chart kind="bar" title={quoteattr('Graphique : ' + t)}><point label="a" values="1"/></chart>
  </body>
</document>
'''
        with open(f'{out}/{i:03d}.layout.xml', 'w', encoding='utf-8') as f:
            f.write(doc)


def run(*cmd):
    return subprocess.run(cmd, capture_output=True).stdout


def places(pdf):
    """Each place's text, by name, and the whole file's strings and bytes."""
    pages = run('pdftotext', '-q', pdf, '-').decode('utf-8', 'replace').split('\f')
    info = run('pdfinfo', '-enc', 'UTF-8', pdf).decode('utf-8', 'replace')
    meta = {k: v.strip() for k, v in (l.split(':', 1) for l in info.split('\n') if ':' in l)}
    j = json.loads(run('qpdf', '--json=2', pdf) or b'{}')
    outline = []

    def walk(items):
        for it in items or []:
            outline.append(it.get('title', ''))
            walk(it.get('kids'))
    walk(j.get('outlines'))
    strings = []

    def collect(v):
        if isinstance(v, dict):
            for x in v.values():
                collect(x)
        elif isinstance(v, list):
            for x in v:
                collect(x)
        elif isinstance(v, str) and v.startswith('u:'):
            strings.append(v[2:])
    collect(j.get('qpdf'))
    raw = run('qpdf', '--qdf', '--object-streams=disable', pdf, '-')
    p = {
        'heading': pages[0] if pages else '',
        'bookmark': '\n'.join(outline),
        'paragraph': pages[1] if len(pages) > 1 else '',
        'cell': pages[2] if len(pages) > 2 else '',
        'chart': pages[3] if len(pages) > 3 else '',
        'metadata': '\n'.join(meta.get(k, '') for k in ('Title', 'Subject', 'Keywords', 'Author')),
        'strings': '\n'.join(strings),
    }
    return p, raw


def shows(kind, probe, text):
    if kind == 'phone':
        return probe in digits(text)
    return flat(probe) in flat(text)


def raw_shows(case, raw):
    """The detail as bytes in the uncompressed file (an XMP packet, a string
    left unencoded): its typed form and its probes, UTF-8 and UTF-16BE."""
    forms = [INVISIBLE.sub('', case['text'])] + ([] if case['kind'] == 'phone' else case['probes'])
    for f in forms:
        for enc in ('utf-8', 'utf-16-be'):
            b = f.encode(enc)
            if b and (b in raw or b.lower() in raw.lower()):
                return f
    return None


def check_one(i, c, full_dir, public_dir):
    """The lines of case c (number i)."""
    name = f'{i:03d} {c["kind"]} "{c["typed"]}"'
    fp, pp = f'{full_dir}/{i:03d}.pdf', f'{public_dir}/{i:03d}-public.pdf'
    try:
        full, _ = places(fp)
        pub, raw = places(pp)
    except Exception as e:  # a missing or unreadable PDF
        return [f'fail {name}: cannot read the PDFs\t{e}']
    if c['kind'] == 'keep':
        bad = [k for k, v in full.items() if flat(c['text']) not in flat(v)]
        bad += [f'public {k}' for k, v in pub.items()
                if flat(c['text']) not in flat(v) or MAIL_MARK in v or PHONE_MARK in v]
        return [f'ok {name}: kept everywhere' if not bad else
                f'fail {name}: changed or marked in\t{", ".join(bad)}']
    # The full copy shows the detail in every place, so that the check can
    # fail; where the fonts have no glyph for it, only where it is not drawn.
    drawn = ('heading', 'paragraph', 'cell', 'chart')
    missing = [f'{k} ({p})' for k, v in full.items() for p in c['probes']
               if not shows(c['kind'], p, v) and not (c['undrawn'] and k in drawn)]
    lines = [f'ok {name}: the full copy shows it' if not missing else
             f'fail {name}: the full copy does not show it in\t{", ".join(missing)}']
    mark, other = (MAIL_MARK, PHONE_MARK) if c['kind'] == 'mail' else (PHONE_MARK, MAIL_MARK)
    leaks = [f'{k} ({p})' for k, v in pub.items() for p in c['probes'] if shows(c['kind'], p, v)]
    leaks += [f'{k} (no {mark})' for k, v in pub.items() if k != 'strings' and mark not in v]
    leaks += [f'{k} ({other})' for k, v in pub.items() if other in v]
    r = raw_shows(c, raw)
    if r:
        leaks.append(f'the file\'s bytes ({r})')
    lines.append(f'ok {name}: left out everywhere' if not leaks else
                 f'fail {name}: the public copy shows it in\t{", ".join(leaks)}')
    return lines


def check(table, full_dir, public_dir):
    cases = read_table(table)
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [pool.submit(check_one, i, c, full_dir, public_dir) for i, c in enumerate(cases, 1)]
        for j in jobs:
            print('\n'.join(j.result()))


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2], sys.argv[3])
    else:
        check(sys.argv[2], sys.argv[3], sys.argv[4])
