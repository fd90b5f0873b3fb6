#!/usr/bin/env python3
"""Builds Dictionaries/onoma-default.xml, the default glossary, from Samples/names.tsv.

Every row of the TSV becomes one <entry>, with
  - its native forms (ko, ko-Hani, zh-Hans, zh-Hant) as preferred names of their language, split
    into family/given for persons (first syllable, or a compound surname listed below);
  - its preferred English name, split into family/given for persons (East Asian order: first
    token is the family name, except the rows in WESTERN_ORDER);
  - every attested variant as an admitted name, tagged:
      Hangul                                  -> ko
      Korean name, strict Revised Romanization -> ko-Latn scheme="rr" (computed here, syllable by
                                                 syllable as RR's name rule says)
      Korean name, McCune-Reischauer marks     -> ko-Latn scheme="mr" (breves, aspiration
                                                 apostrophes; or the note says "MR <variant>")
      Chinese name, pinyin with tone marks     -> zh-Latn scheme="pinyin-tones"
      Chinese name, Wade-Giles markers         -> zh-Latn scheme="wade-giles" (hs, ü, -erh, or an
                                                 aspiration apostrophe)
      anything else                            -> en (a spelling used in English text)
    and an organization's all-capital short variant as type="abbreviation";
  - its note as <note>.
Usage: python3 Scripts/make-default-glossary.py [Samples/names.tsv] [Dictionaries/onoma-default.xml]
Standard library only; the output is committed and must validate clean (onoma dict validate).
"""
import re
import sys
import unicodedata
from xml.sax.saxutils import escape, quoteattr

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "Samples/names.tsv"
TARGET = sys.argv[2] if len(sys.argv) > 2 else "Dictionaries/onoma-default.xml"

# Compound surnames that occur, or may be added, in the samples.
KOREAN_COMPOUND_SURNAMES = {"황보", "남궁", "제갈", "선우", "독고", "사공", "서문", "동방"}
CHINESE_COMPOUND_SURNAMES = {"欧阳", "歐陽", "上官", "司马", "司馬", "诸葛", "諸葛", "东方", "東方", "皇甫",
                             "令狐", "尉迟", "尉遲", "公孙", "公孫", "慕容", "夏侯", "宇文", "司徒", "端木"}
# Rows whose preferred English name is in Western order (given name first).
WESTERN_ORDER = {"zeng-zhiwei"}
# Rows whose name is a pen name: no family/given split.
PEN_NAME_MARK = "pen name"

RR_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
RR_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
             "yu", "eu", "ui", "i"]
RR_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
             "ng", "t", "t", "k", "t", "p", "t"]


def is_hangul(text):
    return any(0xAC00 <= ord(c) <= 0xD7A3 for c in text)


def is_han(text):
    return any(0x4E00 <= ord(c) <= 0x9FFF or 0x3400 <= ord(c) <= 0x4DBF for c in text)


def rr_syllable(syllable):
    index = ord(syllable) - 0xAC00
    return RR_INITIALS[index // 588] + RR_VOWELS[(index % 588) // 28] + RR_FINALS[index % 28]


def split_korean(name):
    family_length = 2 if name[:2] in KOREAN_COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:family_length], name[family_length:]


def split_chinese(name):
    family_length = 2 if name[:2] in CHINESE_COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:family_length], name[family_length:]


def revised_romanization(hangul_name):
    """RR of a Korean personal name: surname, space, given syllables joined by hyphens."""
    family, given = split_korean(hangul_name)
    return "".join(map(rr_syllable, family)).capitalize() + " " + "-".join(map(rr_syllable, given)).capitalize()


def has_mr_marks(text):
    lower = text.lower()
    return any(c in lower for c in "ŏŭ") or any(f"{c}'" in lower for c in ("ch", "k", "p", "t"))


def has_pinyin_tones(text):
    return any(c in text for c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")


def has_wade_giles_marks(text):
    lower = text.lower()
    syllables = re.split(r"[ -]", lower)
    return ("hs" in lower or "ü" in lower or "erh" in syllables
            or any(f"{c}'" in lower for c in ("ch", "k", "p", "t", "ts", "tz")))


def variant_tag(variant, native_language, note):
    """(xml:lang, scheme) for an attested variant."""
    if is_hangul(variant):
        return "ko", None
    if is_han(variant):
        return ("zh", None)
    if native_language == "ko":
        if has_mr_marks(variant) or f"MR {variant}" in note:
            return "ko-Latn", "mr"
        return None, None  # decided by the caller, which knows the Hangul form
    if native_language == "zh":
        if has_pinyin_tones(variant):
            return "zh-Latn", "pinyin-tones"
        if has_wade_giles_marks(variant):
            return "zh-Latn", "wade-giles"
    return "en", None


def name_element(lang, text, status=None, type_=None, family=None, given=None, scheme=None):
    attributes = [f"xml:lang={quoteattr(lang)}"]
    if status:
        attributes.append(f"status={quoteattr(status)}")
    if type_:
        attributes.append(f"type={quoteattr(type_)}")
    if family is not None:
        attributes.append(f"family={quoteattr(family)}")
    if given is not None:
        attributes.append(f"given={quoteattr(given)}")
    if scheme:
        attributes.append(f"scheme={quoteattr(scheme)}")
    return f"    <name {' '.join(attributes)}>{escape(text)}</name>"


def main():
    rows = []
    with open(SOURCE, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            fields += [""] * (6 - len(fields))
            rows.append([unicodedata.normalize("NFC", field.strip()) for field in fields[:6]])

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- Generated by Scripts/make-default-glossary.py from Samples/names.tsv (public facts about",
           "     real names; see that file's header). Do not edit by hand: edit the TSV and regenerate. -->",
           '<glossary xmlns="urn:onoma:glossary:1" name="onoma-default">',
           "  <title>Onoma default glossary: public names from the project's samples</title>"]
    for entry_id, kind, natives, preferred, variants, note in rows:
        person = kind == "person"
        splittable = person and PEN_NAME_MARK not in note
        out.append(f"  <entry id={quoteattr(entry_id)} kind={quoteattr(kind)}>")
        native_language = None
        hangul_name = None
        for native in filter(None, natives.split(";")):
            lang, _, text = native.partition(":")
            native_language = native_language or lang.split("-")[0]
            family = given = None
            if splittable:
                if lang == "ko":
                    family, given = split_korean(text)
                    hangul_name = text
                else:
                    family, given = split_chinese(text)
            out.append(name_element(lang, text, status="preferred", family=family, given=given))
        family = given = None
        if splittable and " " in preferred:
            tokens = preferred.split(" ")
            if entry_id in WESTERN_ORDER:
                family, given = tokens[-1], " ".join(tokens[:-1])
            else:
                family, given = tokens[0], " ".join(tokens[1:])
        out.append(name_element("en", preferred, status="preferred", family=family, given=given))
        for variant in filter(None, (v.strip() for v in variants.split(";"))):
            lang, scheme = variant_tag(variant, native_language, note)
            if lang is None:
                if person and hangul_name and variant == revised_romanization(hangul_name):
                    lang, scheme = "ko-Latn", "rr"
                else:
                    lang = "en"
            type_ = None
            if kind == "organization" and variant.isupper() and " " not in variant and len(variant) <= 6:
                type_ = "abbreviation"
            out.append(name_element(lang, variant, type_=type_, scheme=scheme))
        if note:
            out.append(f"    <note>{escape(note)}</note>")
        out.append("  </entry>")
    out.append("</glossary>")
    with open(TARGET, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{TARGET}: {len(rows)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
