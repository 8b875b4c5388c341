#!/usr/bin/env python3
"""Resolves a git merge conflict in SharedResource.hi.resx by taking the union of both sides' strings.
Usage (during a conflicted merge): scripts/resx-union.py"""
import subprocess, os, sys
import xml.etree.ElementTree as ET
path = "src/OrgTracker.Web/Resources/SharedResource.hi.resx"
entries = {}
for stage in ("2", "3"):
    xml = subprocess.run(["git", "show", f":{stage}:{path}"], capture_output=True, text=True, check=True).stdout
    for d in ET.fromstring(xml).findall("data"):
        entries.setdefault(d.get("name"), d.find("value").text or "")
tsv = "/tmp/resx-union.tsv"
with open(tsv, "w", encoding="utf-8") as f:
    for k, v in entries.items():
        f.write(f"{k}\t{v}\n")
os.remove(path)
subprocess.run([os.path.join(os.path.dirname(__file__), "resx-add.py"), tsv], check=True)
subprocess.run(["git", "add", path], check=True)
