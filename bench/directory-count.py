#!/usr/bin/env python3
"""Independent count of a test-directory workbook, standard library only (zipfile + ElementTree; no openpyxl).

Used twice: (1) as the independent oracle for the importer's expected counts (the cancer 2020/21 file: 203
indications, 1,565 tests), and (2) as the peer in docs/benchmarks.md ("Test directory"): a minimal reader that only
counts rows, against which the full importer (header detection, normalisation, targets, storage) is timed.

Header row: the first row holding a "Test ID"/"Test Code" cell; indication codes come from "Clinical indication ID"
or "CI Code" and are carried down blank cells (the cancer layout writes them on the first row of each group).
    bench/directory-count.py FILE.xlsx   ->   prints {"indications": N, "tests": M}
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def column(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group():
        n = n * 26 + ord(ch) - 64
    return n - 1


def sheets(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
            shared.append("".join(t.text or "" for t in si.iter(M + "t")))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    for s in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet"):
        target = rels[s.get(R + "id")].lstrip("/")
        target = target if target.startswith("xl/") else "xl/" + target
        rows = []
        for row in ET.fromstring(z.read(target)).iter(M + "row"):
            values = {}
            for c in row.iter(M + "c"):
                v = c.find(M + "v")
                if c.get("t") == "s" and v is not None:
                    text = shared[int(v.text)]
                elif c.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter(M + "t"))
                else:
                    text = v.text if v is not None else None
                if text is not None and text.strip():
                    values[column(c.get("r"))] = text.strip()
            rows.append(values)
        yield s.get("name"), rows


def count(path):
    indications, tests = set(), 0
    for _, rows in sheets(path):
        header = None
        for i, row in enumerate(rows[:30]):
            names = {v.lower(): k for k, v in row.items()}
            test = names.get("test id", names.get("test code"))
            code = names.get("clinical indication id", names.get("ci code"))
            if test is not None and code is not None:
                header = (i, code, test)
                break
        if header is None:
            continue
        start, code_col, test_col = header
        current = None
        for row in rows[start + 1:]:
            current = row.get(code_col, current)
            if row.get(test_col):
                tests += 1
                indications.add(current)
    return {"indications": len(indications), "tests": tests}


if __name__ == "__main__":
    print(json.dumps(count(sys.argv[1])))
