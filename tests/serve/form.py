#!/usr/bin/env python3
"""tests/serve/form.py PAGE.html [NAME=VALUE...] — the fields a browser would
post from the form of PAGE (inputs, selects, text areas; hidden ones too),
with NAME=VALUE replacing a field's value, as application/x-www-form-urlencoded
on stdout. Exit 1 when the page holds no form."""
import sys
import urllib.parse
from html.parser import HTMLParser


class Form(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.forms = [], 0
        self.select = self.option = self.textarea = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms += 1
        elif tag == "input" and "name" in a:
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "select":
            self.select = [a.get("name"), None, None]  # name, first, selected
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.select[1] is None:
                self.select[1] = value
            if "selected" in a:
                self.select[2] = value
        elif tag == "textarea":
            self.textarea, self.text = a.get("name"), ""

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            name, first, chosen = self.select
            self.fields.append([name, chosen if chosen is not None else (first or "")])
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append([self.textarea, self.text])
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text += data


page = Form()
page.feed(open(sys.argv[1], encoding="utf-8").read())
if not page.forms:
    sys.exit(1)
changes = dict(arg.split("=", 1) for arg in sys.argv[2:])
for f in page.fields:
    if f[0] in changes:
        f[1] = changes.pop(f[0])
fields = page.fields + [[k, v] for k, v in changes.items()]
sys.stdout.write(urllib.parse.urlencode([tuple(f) for f in fields]))
