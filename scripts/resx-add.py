#!/usr/bin/env python3
"""Adds English→Hindi pairs to src/OrgTracker.Web/Resources/SharedResource.hi.resx.

Usage: scripts/resx-add.py FILE.tsv   (lines: English<TAB>Hindi). Existing keys are updated in place,
new keys appended; the file stays sorted by key so concurrent additions merge cleanly in git."""
import sys, os
import xml.etree.ElementTree as ET

RESX = os.path.join(os.path.dirname(__file__), "..", "src", "OrgTracker.Web", "Resources", "SharedResource.hi.resx")
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

entries = {}
if os.path.exists(RESX):
    for d in ET.parse(RESX).getroot().findall("data"):
        entries[d.get("name")] = d.find("value").text or ""
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        en, hi = line.split("\t", 1)
        entries[en] = hi
with open(RESX, "w", encoding="utf-8") as f:
    f.write(HEADER)
    for k in sorted(entries):
        f.write(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(entries[k])}</value></data>\n')
    f.write("</root>\n")
print(f"{len(entries)} strings in {os.path.normpath(RESX)}")
