#!/usr/bin/env python3
"""tests/tools/english.py — English words left in French messages.

Reads copil's French output (files named as arguments, or standard input) and
prints each line that still holds an English word, once the parts that are
the user's own words or code are taken out: the "file:line:col:" prefix,
values in « » or quotes, XML snippets in < >, `code`, options (--kind),
paths and words in capitals (metavariables: FICHIER). Exits 1 when it
printed anything. A heuristic, on purpose: it catches a message that was not
marked for translation or not translated, which msgfmt cannot see.
"""
import re
import sys

# Common English words that are not French words too.
ENGLISH = set("""
the is are was were be been must should cannot can't could would will not with
without missing expected invalid valid file files line lines element elements
attribute attributes value values did you mean only here this that these those
which and of to in for from has have none found unknown error warning
too small empty written write read cannot does doesn't there their
it its see use used using
""".split())

STRIP = [
    re.compile(r"^[^\s:]+(:\d+){0,2}: "),      # file:line:col:
    re.compile(r"«[^»]*»"),                      # « a value »
    re.compile(r'"[^"]*"'),                      # "a value"
    re.compile(r"“[^”]*”"),
    re.compile(r"<[^<>]*>"),                     # <element …>
    re.compile(r"[\w:-]+="),                     # attr= (its value went with the quotes)
    re.compile(r"`[^`]*`"),
    re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(=\S*)?"),  # options
    re.compile(r"\S*[/\\]\S*"),                  # paths, URLs
    re.compile(r"\S+@\S+"),                      # addresses
    re.compile(r"\S+\.(xml|pdf|xsd|xsl|eml|log|png|svg|txt|csv)\b"),
]


def leftovers(line):
    s = line
    for r in STRIP:
        s = r.sub(" ", s)
    return [w for w in re.findall(r"[^\W\d_]+", s) if w in ENGLISH]


def main():
    paths = sys.argv[1:] or ["-"]
    bad = 0
    for p in paths:
        f = sys.stdin if p == "-" else open(p, encoding="utf-8")
        for n, line in enumerate(f, 1):
            words = leftovers(line.rstrip("\n"))
            if words:
                bad += 1
                print(f"{p}:{n}: {', '.join(sorted(set(words)))}: {line.rstrip()}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
