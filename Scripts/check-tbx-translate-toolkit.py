#!/usr/bin/env python3
"""Checks that translate-toolkit's TBX reader reads Onoma's TBX export completely, and that
Onoma imports a TBX file written by translate-toolkit.

Usage: Scripts/check-tbx-translate-toolkit.py [ONOMA] [GLOSSARY.xml]
  ONOMA defaults to .build/debug/onoma, GLOSSARY to Tests/OnomaKitTests/Fixtures/Interchange/onoma-sample.xml.
Needs `pip install translate-toolkit`. Exit 0 when every check passes; prints what it compared.
Not run by CI (translate-toolkit is not a dependency of the project).
"""
import json
import subprocess
import sys
import tempfile

try:
    from translate.storage import tbx
except ImportError:
    print("translate-toolkit is not installed (pip install translate-toolkit)", file=sys.stderr)
    sys.exit(2)

onoma = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/onoma"
glossary = sys.argv[2] if len(sys.argv) > 2 else "Tests/OnomaKitTests/Fixtures/Interchange/onoma-sample.xml"
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def run(*args, stdin=None):
    return subprocess.run([onoma, *args], input=stdin, capture_output=True, check=True).stdout


# 1. Onoma -> TBX v2 -> translate-toolkit.
entries = json.loads(run("dict", "export", "--to", "json", glossary))
store = tbx.tbxfile.parsestring(run("dict", "export", "--to", "tbx", glossary))
units = store.units
check(len(units) == len(entries), f"translate-toolkit reads {len(units)} units for {len(entries)} entries")
for entry, unit in zip(entries, units):
    check(unit.getid() == entry["id"], f"{entry['id']}: id")
    languages = []
    for name in entry["names"]:
        if name["lang"] not in languages:
            languages.append(name["lang"])
    for lang in languages:
        expected = [(n["text"], n["status"]) for n in entry["names"] if n["lang"] == lang]
        terms = unit.get_target_terms(lang)
        got = [(t.text, (t.administrative_status or "").replace("Term-admn-sts", "")) for t in terms]
        check(got == expected, f"{entry['id']} [{lang}]: {got}")
    if entry["notes"]:
        notes = [n.text for n in unit.get_common_notes(source=True)]
        check(all(n in notes for n in entry["notes"]), f"{entry['id']}: notes {entry['notes']} in {notes}")

# 2. translate-toolkit writes a TBX; Onoma imports it.
written = tbx.tbxfile(sourcelanguage="en", targetlanguage="ko")
unit = written.addsourceunit("Koh Young-aah")
unit.settarget("고영아")
unit.addnote("Reporter, The Korea Herald")
unit = written.addsourceunit("Korea Resources Corp.")
unit.settarget("한국광물자원공사")
data = bytes(written)
imported = json.loads(run("dict", "export", "--to", "json", "-", stdin=run("dict", "import", "--from", "tbx", "--name", "tt", stdin=data)))
got = [[(n["lang"], n["text"]) for n in e["names"]] for e in imported]
check(got == [[("en", "Koh Young-aah"), ("ko", "고영아")], [("en", "Korea Resources Corp."), ("ko", "한국광물자원공사")]],
      f"Onoma imports translate-toolkit's TBX: {got}")
check(imported[0]["notes"] == ["Reporter, The Korea Herald"], f"note kept: {imported[0]['notes']}")

print(f"{failures} failure(s)")
sys.exit(1 if failures else 0)
