#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (Fuzz/Corpus/<target>/) from the project's own files:
Samples/names.tsv (public name facts), the romanization fixtures, the default glossary and the
dictionary test fixtures. Deterministic: run it again after those files change, commit the
result. Files are named by the SHA-1 of their content, as libFuzzer names them.

Usage: python3 Fuzz/Scripts/make-corpus.py   (from the repository root)
"""
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")

# RomanizationScheme.allCases order in Sources/OnomaKit/Romanization/RomanizationScheme.swift;
# the romanize target's first byte picks scheme = byte % 14, text mode = byte & 0x80.
SCHEMES = ["rr", "mr", "mr-ascii", "yale", "popular", "pinyin", "pinyin-tones", "pinyin-numbers",
           "wade-giles", "hangul", "sino-korean", "simplified", "traditional", "auto"]


def rows(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def names():
    """(native forms, romanized forms) from Samples/names.tsv."""
    native, latin = [], []
    for r in rows("Samples/names.tsv"):
        if len(r) < 5:
            continue
        for form in r[2].split(";"):
            if ":" in form:
                native.append(form.split(":", 1)[1])
        latin.append(r[3])
        for v in r[4].split(";"):
            if v:
                (native if any(ord(c) > 0x2E80 for c in v) else latin).append(v)
    return native, latin


def main():
    native, latin = names()
    fixtures = {}
    for path in ["Tests/OnomaKitTests/Fixtures/romanization/korean-samples.tsv",
                 "Tests/OnomaKitTests/Fixtures/romanization/chinese.tsv"]:
        for r in rows(path):
            if len(r) >= 3:
                fixtures.setdefault(r[0], []).append((r[1], r[2]))

    # Romanized Korean names (every scheme's spellings), and Hangul names for the round trip.
    korean_latin = latin + [e for k, v in fixtures.items() if not k.startswith(("pinyin", "wade", "hangul", "sino", "trad", "simp")) for _, e in v]
    for text in korean_latin + [n for n in native if all(0xAC00 <= ord(c) <= 0xD7A3 for c in n)]:
        write("fuzz-korean-parse", text)
    for text in ["Kim, Jong-un", "Seong-Jin Cho", "RHEE Syngman", "Hwangbo Kwan", "Ch'oe Nam-sŏn",
                 "Namkoong Min", "Ahn  Jung-geun", "yi sun-sin", "SunWoo Jung-a", "O Ŭn-ju"]:
        write("fuzz-korean-parse", text)

    # Romanized Chinese names (pinyin, Wade-Giles, Hong Kong/Taiwan spellings) and Han names
    # for the round trip.
    chinese_latin = [e for k, v in fixtures.items() if k.startswith(("pinyin", "wade")) for _, e in v]
    han = [n for n in native if all(0x3400 <= ord(c) <= 0x9FFF for c in n)]
    for text in chinese_latin + latin + han:
        write("fuzz-chinese-parse", text)
    for text in ["Liu, Cixin", "Cixin Liu", "Liu Tz'u-hsin", "Au-Yeung Chun", "Lee Teng-hui", "Xi'an",
                 "Yang2 Zhan4feng1", "Lü Buwei", "Lv Buwei", "Lu: Buwei", "Ouyang Nana", "Mao Tse-tung",
                 "Chiang Kai-shek", "Sun Yat-sen", "Ts'ao Hsüeh-ch'in"]:
        write("fuzz-chinese-parse", text)

    # Romanize: one selector byte + input. Each native name under a name-mode scheme of its
    # script and under auto; running text from the fixtures in text mode.
    for i, text in enumerate(native):
        hangul = any(0xAC00 <= ord(c) <= 0xD7A3 for c in text)
        for scheme in (["rr", "mr", "yale", "popular", "auto"] if hangul else ["pinyin", "wade-giles", "hangul", "sino-korean", "traditional", "rr"]):
            write("fuzz-romanize", bytes([SCHEMES.index(scheme)]) + text.encode())
    for scheme, pairs in fixtures.items():
        base = scheme.replace("-text", "").replace("-strict", "")
        if base not in SCHEMES:
            continue
        sel = SCHEMES.index(base) | (0x80 if scheme.endswith("-text") else 0)
        for source, _ in pairs:
            write("fuzz-romanize", bytes([sel]) + source.encode())

    # Glossary loader: the default glossary, the dictionary fixtures (valid and hostile), and
    # small documents that each reach one structure of the format.
    paths = ["Dictionaries/onoma-default.xml"]
    for folder in ["Tests/OnomaKitTests/Fixtures/Dictionary", "Tests/OnomaKitTests/Fixtures/dictionary"]:
        full = os.path.join(ROOT, folder)
        for dirpath, _, files in os.walk(full):
            paths += [os.path.relpath(os.path.join(dirpath, f), ROOT) for f in sorted(files) if f.endswith((".xml", ".tbx"))]
    for path in paths:
        with open(os.path.join(ROOT, path), "rb") as f:
            data = f.read()
        if len(data) <= 64 * 1024:
            write("fuzz-glossary-loader", data)
    small = [
        '<glossary xmlns="urn:onoma:glossary:1" name="g"/>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<glossary xmlns="urn:onoma:glossary:1" name="g"><title>T</title>'
        '<entry id="a" kind="person"><name xml:lang="ko" status="preferred" family="김" given="구">김구</name>'
        '<name xml:lang="en" type="alias" scheme="mr">Kim Ku</name><note>n</note></entry></glossary>',
        '<glossary xmlns="urn:onoma:glossary:1"><entry id="x"><name xml:lang="zh-Hans">杨占峰</name></entry>'
        '<entry id="x" kind="place"><name xml:lang="en" status="deprecated" type="former">A &amp; B</name></entry></glossary>',
        '<glossary xmlns="urn:onoma:glossary:1" xmlns:x="urn:other"><x:ext a="1"><x:y/></x:ext>'
        '<entry id="e1" kind="organization"><name xml:lang="ko"><![CDATA[삼성]]></name><x:z/></entry></glossary>',
        '<glossary xmlns="urn:onoma:glossary:1"><entry kind="nope"><name>no lang</name></entry><bogus/></glossary>',
    ]
    for text in small:
        write("fuzz-glossary-loader", text)

    # Glossary round trip: the same valid documents (the writers only see what loads), and the
    # interchange fixture glossary.
    for path in paths + ["Tests/OnomaKitTests/Fixtures/Interchange/onoma-sample.xml"]:
        with open(os.path.join(ROOT, path), "rb") as f:
            data = f.read()
        if len(data) <= 32 * 1024:
            write("fuzz-glossary-roundtrip", data)
    for text in small + [
        '<glossary xmlns="urn:onoma:glossary:1" name="a&amp;b &quot;q&quot;"><title>x &lt; y</title>'
        '<entry id="t&#9;1" kind="term"><name xml:lang="en" given="a&#10;b">  spaced\ttext  </name>'
        '<note>line\r\nbreak</note></entry></glossary>',
        '<glossary xmlns="urn:onoma:glossary:1"><!-- c --><entry id="m" kind="person"><name xml:lang="ko">김<!--x-->구</name>'
        '<name xml:lang="en">Kim <b xmlns="urn:other">Ku</b></name></entry></glossary>',
    ]:
        write("fuzz-glossary-roundtrip", text)

    # Lookup: 4 bytes of options (limit, language, glossary; minimum score; form pick) + query.
    # Every stored form of the default glossary, spellings from the samples, and near misses.
    import re
    with open(os.path.join(ROOT, "Dictionaries/onoma-default.xml"), encoding="utf-8") as f:
        stored = re.findall(r"<name[^>]*>([^<]*)</name>", f.read())
    queries = stored + native + latin + ["Ko Young-a", "Koh, Young-aah", "KIM jong un", "Jong-un Kim", "Samsung Electronics Co., Ltd.",
                                         "samsung elec", "Mao Tse-tung", "Xi Jinping", "Lee Myungbak", "Lee Myung-bakk", ""]
    for i, q in enumerate(queries):
        header = bytes([(i * 37) & 0xBF, 70 if i % 3 else (i * 11) % 101, (i * 13) & 0xFF, i & 0xFF])
        write("fuzz-lookup", header + q.encode())
    for q in ["김민준", "Kim Minjun", "Wang Wei", "王伟", "Seoul Steel Corp.", "Park Seo-yeon"]:
        write("fuzz-lookup", bytes([0x4A, 0, 1, 2]) + q.encode())  # the synthetic glossary, min score 0
    print("corpora written to", os.path.relpath(CORPUS, os.getcwd()))


if __name__ == "__main__":
    sys.exit(main())
