#!/usr/bin/env python3
"""Resolves git conflict blocks in the given files by keeping both sides (ours, then theirs). For additive files:
DbSet lists, navigation lists, stylesheets."""
import sys, re
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n", lambda m: m.group(1) + m.group(2), text, flags=re.S)
    open(path, "w", encoding="utf-8").write(text)
