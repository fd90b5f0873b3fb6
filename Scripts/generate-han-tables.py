#!/usr/bin/env python3
"""Generate the Han reading and script-conversion tables under Dictionaries/reference/.

Inputs (read-only):
  - Unihan 15.0 (Debian package `unicode-data`): /usr/share/unicode/Unihan_Readings.txt.bz2,
    Unihan_Variants.txt.bz2, Unihan_OtherMappings.txt.bz2, Unihan_DictionaryLikeData.txt.bz2
  - Dictionaries/reference/pinyin-hangul.tsv (syllable inventory and its Wade-Giles column, for checking)
  - Dictionaries/reference/chinese-surnames.tsv (surname traditional forms, for overrides and checks)
  - ICU `uconv -x Hans-Hant` / `Hant-Hans` (only to break ties between several Unihan candidates)

Outputs (committed; the Swift engine loads them at run time):
  - han-pinyin.tsv         reading (toneless pinyin + tone digit 1-5)  TAB  all characters with that reading
  - han-sino-korean.tsv    Hangul syllable  TAB  all characters with that Sino-Korean reading
  - han-variants.tsv       direction (s2t|t2s)  TAB  from  TAB  to  TAB  why
  - pinyin-wade-giles.tsv  pinyin  TAB  Wade-Giles (strict: apostrophes, ê, ŭ, ü)  TAB  check against pinyin-hangul.tsv

Usage: python3 Scripts/generate-han-tables.py [--unihan DIR] (run from the repository root).
Standard library only.
"""
import bz2
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "Dictionaries", "reference")
UNIHAN = "/usr/share/unicode"
if "--unihan" in sys.argv:
    UNIHAN = sys.argv[sys.argv.index("--unihan") + 1]


def unihan(name):
    """Yield (char, field, value) from one Unihan file."""
    path = os.path.join(UNIHAN, name + ".txt.bz2")
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            yield chr(int(cp[2:], 16)), field, value


def tsv_rows(path):
    """Rows of a TSV with '#' comments and a header line, as dicts."""
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            yield dict(zip(header, cells + [""] * (len(header) - len(cells))))


# ---------------------------------------------------------------------------------------------
# Pinyin syllable handling

TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030C": 3, "\u0300": 4}


def split_tone(syllable):
    """'lǘ' -> ('lü', 2); 'ma' -> ('ma', 5)."""
    tone = 5
    out = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).lower(), tone


INVENTORY = [r["pinyin"] for r in tsv_rows(os.path.join(REF, "pinyin-hangul.tsv"))]
INVENTORY_SET = set(INVENTORY)
SHARED_WG = {r["pinyin"]: r["wade_giles"] for r in tsv_rows(os.path.join(REF, "pinyin-hangul.tsv"))}


# ---------------------------------------------------------------------------------------------
# Pinyin -> Wade-Giles (standard Wade-Giles as in Giles 1912 / the usual conversion tables)

WG_INITIALS = [
    ("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("m", "m"), ("f", "f"),
    ("d", "t"), ("t", "t'"), ("n", "n"), ("l", "l"), ("g", "k"), ("k", "k'"), ("h", "h"),
    ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("r", "j"), ("z", "ts"), ("c", "ts'"), ("s", "s"),
]

WG_WHOLE = {
    "zhi": "chih", "chi": "ch'ih", "shi": "shih", "ri": "jih", "zi": "tzŭ", "ci": "tz'ŭ", "si": "ssŭ",
    "er": "êrh", "e": "ê", "ê": "ê", "yi": "i", "you": "yu", "yu": "yü", "yue": "yüeh", "yuan": "yüan",
    "yun": "yün", "yong": "yung", "ye": "yeh", "yan": "yen", "weng": "wêng", "wen": "wên", "eng": "êng",
    "en": "ên", "o": "o", "lo": "lo", "yo": "yo",
}


def pinyin_to_wade_giles(p):
    if p in WG_WHOLE:
        return WG_WHOLE[p]
    ini, wini, fin = "", "", p
    for a, b in WG_INITIALS:
        if p.startswith(a):
            ini, wini, fin = a, b, p[len(a):]
            break
    if ini in ("j", "q", "x"):
        # j q x + u means ü
        if fin.startswith("u"):
            fin = "ü" + fin[1:]
    if fin.startswith("üe"):
        fin = "üeh"
    elif fin == "ie":
        fin = "ieh"
    elif fin == "ian":
        fin = "ien"
    elif fin == "iong":
        fin = "iung"
    elif fin == "ong":
        fin = "ung"
    elif fin == "ui" and ini in ("g", "k"):
        fin = "uei"
    elif fin == "uo" and ini not in ("g", "k", "h", "sh"):
        fin = "o"
    elif fin == "e":
        fin = "o" if ini in ("g", "k", "h") else "ê"
    elif fin == "en":
        fin = "ên"
    elif fin == "eng":
        fin = "êng"
    return wini + fin


# ---------------------------------------------------------------------------------------------
# Read Unihan

readings = {}  # char -> {field: value}
for ch, field, value in unihan("Unihan_Readings"):
    if field in ("kMandarin", "kXHC1983", "kHanyuPinyin", "kTGHZ2013", "kHangul"):
        readings.setdefault(ch, {})[field] = value

trad_var, simp_var = {}, {}
for ch, field, value in unihan("Unihan_Variants"):
    vals = [chr(int(v.split("<")[0][2:], 16)) for v in value.split()]
    if field == "kTraditionalVariant":
        trad_var[ch] = vals
    elif field == "kSimplifiedVariant":
        simp_var[ch] = vals

# CJK compatibility ideographs (U+F900..) point to their unified ideograph.
compat = {}
for ch, field, value in unihan("Unihan_IRGSources"):
    if field == "kCompatibilityVariant":
        compat[ch] = chr(int(value.split("<")[0][2:], 16))

big5 = set()
for ch, field, value in unihan("Unihan_OtherMappings"):
    if field == "kBigFive":
        big5.add(ch)

frequency = {}
for ch, field, value in unihan("Unihan_DictionaryLikeData"):
    if field == "kFrequency":
        frequency[ch] = int(value)


def candidate_readings(fields):
    """Tone-marked readings in order of preference: kMandarin (first = most customary), kXHC1983,
    kHanyuPinyin, kTGHZ2013."""
    out = []
    if "kMandarin" in fields:
        out += fields["kMandarin"].split()
    for key in ("kXHC1983", "kHanyuPinyin", "kTGHZ2013"):
        if key in fields:
            for entry in fields[key].split():
                out += entry.split(":", 1)[1].split(",")
    return out


pinyin = {}  # char -> "zhang1"
pinyin_source = {"kMandarin": 0, "other": 0, "variant": 0, "outside inventory": 0}
for ch, fields in readings.items():
    cands = candidate_readings(fields)
    if not cands:
        continue
    chosen = None
    for c in cands:
        s, t = split_tone(c)
        if s in INVENTORY_SET:
            chosen = (s, t)
            break
    if chosen is None:
        chosen = split_tone(cands[0])  # interjections such as hm, ng: kept as they are
        pinyin_source["outside inventory"] += 1
    elif "kMandarin" in fields:
        pinyin_source["kMandarin"] += 1
    else:
        pinyin_source["other"] += 1
    pinyin[ch] = "%s%d" % chosen

# Characters without any reading of their own take the reading of a simplified/traditional variant
# (only variants with a reading of their own, in a fixed order, so that the output is reproducible).
own_pinyin = dict(pinyin)
for ch in sorted(set(trad_var) | set(simp_var)):
    if ch in pinyin:
        continue
    for v in trad_var.get(ch, []) + simp_var.get(ch, []):
        if v in own_pinyin:
            pinyin[ch] = own_pinyin[v]
            pinyin_source["variant"] += 1
            break

# In names a character is read with its citation tone, never the neutral tone of a particle or
# suffix (子 zǐ, not zi; 地 dì; 卜 bǔ): the first full-tone standard reading, for every character
# whose general reading above is neutral.
name_pinyin = {}
for ch, code in pinyin.items():
    if not code.endswith("5") or ch not in readings:
        continue
    for c in candidate_readings(readings[ch]):
        syllable, tone = split_tone(c)
        if tone != 5 and syllable in INVENTORY_SET:
            name_pinyin[ch] = "%s%d" % (syllable, tone)
            break

for ch, target in sorted(compat.items()):
    if ch not in pinyin and target in pinyin:
        pinyin[ch] = pinyin[target]
        pinyin_source["compatibility"] = pinyin_source.get("compatibility", 0) + 1
        if target in name_pinyin:
            name_pinyin[ch] = name_pinyin[target]

hangul = {}
hangul_source = {"kHangul": 0, "variant": 0}
for ch, fields in readings.items():
    if "kHangul" in fields:
        hangul[ch] = fields["kHangul"].split()[0].split(":")[0]
        hangul_source["kHangul"] += 1
for ch, target in sorted(compat.items()):
    if ch not in hangul and target in hangul:
        hangul[ch] = hangul[target]
        hangul_source["compatibility"] = hangul_source.get("compatibility", 0) + 1
own_hangul = dict(hangul)
for ch in sorted(set(trad_var) | set(simp_var)):
    if ch in hangul:
        continue
    for v in trad_var.get(ch, []) + simp_var.get(ch, []):
        if v in own_hangul:
            hangul[ch] = own_hangul[v]
            hangul_source["variant"] += 1
            break


# ---------------------------------------------------------------------------------------------
# Simplified <-> traditional

def icu(transform, chars):
    """ICU's choice for each single character (one per line), or {} when uconv is missing."""
    try:
        out = subprocess.run(["uconv", "-x", transform], input="\n".join(chars) + "\n",
                             capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return {}
    return dict(zip(chars, out))


# Name-safety decisions that the data cannot make by itself (each with its reason).
OVERRIDES_S2T = {
    "后": ("后", "后 is itself traditional (皇后, the surname Hou); 後 only for 'after'"),
    "云": ("雲", "in names 云 stands for 雲 (马云 = 馬雲); 云 'to say' is rare in names"),
    "丰": ("豐", "in names 丰 stands for 豐 (丰子恺 = 豐子愷); 丰 'graceful' is rare"),
}

surnames = list(tsv_rows(os.path.join(REF, "chinese-surnames.tsv")))
surname_s2t = {}
for r in surnames:
    s, t = r["simplified"], r["traditional"]
    if len(s) == 1 and s != t:
        surname_s2t[s] = t
    elif len(s) == 1:
        surname_s2t[s] = s

s2t_multi = [c for c, v in sorted(trad_var.items()) if len([x for x in v if x != c]) > 1 or c in v]
t2s_multi = [c for c, v in simp_var.items() if len([x for x in v if x != c]) > 1]
icu_s2t = icu("Hans-Hant", s2t_multi)
icu_t2s = icu("Hant-Hans", t2s_multi)

s2t = {}  # char -> (target, why)
for c, vals in sorted(trad_var.items()):
    others = [x for x in vals if x != c]
    if not others:
        continue
    if c in surname_s2t:
        s2t[c] = (surname_s2t[c], "chinese-surnames.tsv")
        continue
    if c in OVERRIDES_S2T:
        s2t[c] = OVERRIDES_S2T[c]
        continue
    if c in vals and icu_s2t.get(c) == c:
        # Its own traditional variant, and ICU keeps it too (只 吁 芸 沄).
        s2t[c] = (c, "itself traditional (ICU Hans-Hant keeps it)")
        continue
    if c in vals and c in big5 and c in frequency and frequency[c] - min(frequency.get(x, 9) for x in others) < 3:
        # The character is itself a traditional character in common use (Big5, kFrequency):
        # name-safe conversion keeps it (占 于 范 朴 沈 姜 台 里 ...).
        s2t[c] = (c, "itself traditional (Big5, kFrequency)")
        continue
    if len(others) == 1:
        s2t[c] = (others[0], "unihan")
    elif icu_s2t.get(c) in others:
        s2t[c] = (icu_s2t[c], "unihan, one of %d chosen by ICU Hans-Hant" % len(others))
    else:
        best = min(others, key=lambda x: (frequency.get(x, 9), x))
        s2t[c] = (best, "unihan, one of %d chosen by kFrequency" % len(others))

t2s = {}
for c, vals in sorted(simp_var.items()):
    others = [x for x in vals if x != c]
    if not others:
        continue
    if c in vals:
        t2s[c] = (c, "itself a standard simplified-script character (乾 著 ...)")
    elif len(others) == 1:
        t2s[c] = (others[0], "unihan")
    elif icu_t2s.get(c) in others:
        t2s[c] = (icu_t2s[c], "unihan, one of %d chosen by ICU Hant-Hans" % len(others))
    else:
        t2s[c] = (others[0], "unihan, first of %d" % len(others))
# Surname traditional forms convert back to the table's simplified form.
for r in surnames:
    s, t = r["simplified"], r["traditional"]
    if len(s) == 1 and s != t and t2s.get(t, (t,))[0] != s:
        t2s[t] = (s, "chinese-surnames.tsv")

problems = []


def convert(table, text):
    return "".join(table.get(c, (c,))[0] for c in text)


for r in surnames:
    s, t = r["simplified"], r["traditional"]
    if len(s) > 1:
        continue  # compound surnames are converted as a unit by the engine (澹台 -> 澹臺)
    if convert(s2t, s) != t:
        problems.append("s2t %s -> %s, table says %s" % (s, convert(s2t, s), t))
    if convert(t2s, t) != s:
        problems.append("t2s %s -> %s, table says %s" % (t, convert(t2s, t), s))

# ---------------------------------------------------------------------------------------------
# Further surname readings: where ICU's Han-Latin/Names (CLDR Han-Latin-Names.xml) reads a character
# at the start of a name differently from Han-Latin, for characters not in chinese-surnames.tsv.

SURNAME_EXCLUDED = {
    "牟": "the surname is Móu (现代汉语词典); Mù is the place name 牟平",
    "尉": "the single surname is Wèi; Yù only in the compound surname 尉迟",
    "峙": "shì only in the place name 繁峙, not a surname reading",
    "筠": "jūn only in the place name 筠连, not a surname reading",
    "靓": "liàng is a colloquial word reading, not a surname reading",
    "莘": "Xīn is the place name 莘庄; the surname is usually read Shēn",
    "刀": "the surname Diāo is written 刁; 刀 as a surname is Dāo",
}
in_table = set(r["simplified"] for r in surnames) | set(r["traditional"] for r in surnames)
extra_surnames = []
reading_problems = []
bmp = sorted(c for c in pinyin if ord(c) < 0xF900 and c not in in_table)  # unified ideographs of the BMP
names_icu = icu("Han-Latin/Names", [c + "明" for c in bmp])
general_icu = icu("Han-Latin", [c + "明" for c in bmp])
attested_readings = {}
for ch, fields in readings.items():
    attested_readings[ch] = set(split_tone(x) for x in candidate_readings(fields))
for c in bmp:
    n = names_icu.get(c + "明", "").split(" ")[0].replace("míng", "")
    g = general_icu.get(c + "明", "").split(" ")[0].replace("míng", "")
    if not n or n == g:
        continue
    syllable, tone = split_tone(n)
    general = pinyin[c]
    if c in SURNAME_EXCLUDED or "%s%d" % (syllable, tone) == general:
        continue
    attested = (syllable, tone) in attested_readings.get(c, set())
    if not attested:
        reading_problems.append("surname reading %s %s not attested in Unihan" % (c, n))
        continue
    extra_surnames.append((c, s2t.get(c, (c,))[0], n, general))

# ---------------------------------------------------------------------------------------------
# Write


def grouped(table, key_sort):
    groups = {}
    for ch, key in table.items():
        groups.setdefault(key, []).append(ch)
    for key in sorted(groups, key=key_sort):
        yield key, "".join(sorted(groups[key]))


def write(name, header, lines):
    with open(os.path.join(REF, name), "w", encoding="utf-8") as f:
        *comments, columns = header  # the last entry is the column header line
        for h in comments:
            f.write("# " + h + "\n" if h else "#\n")
        f.write(columns + "\n")
        for line in lines:
            f.write(line + "\n")


UNIHAN_NOTE = "Unihan 15.0 (Debian unicode-data, /usr/share/unicode/Unihan_*.txt.bz2)"
GEN = "Generated by Scripts/generate-han-tables.py; do not edit by hand (edit the script and regenerate)."

write("han-pinyin.tsv", [
    "han-pinyin.tsv — Mandarin reading of every CJK ideograph Unihan covers, one line per reading.",
    GEN,
    "SOURCE: " + UNIHAN_NOTE + ": kMandarin (its first value, the most customary reading),",
    "  else the first reading of kXHC1983, kHanyuPinyin, kTGHZ2013 that is a standard syllable (pinyin-hangul.tsv",
    "  inventory); characters with no reading of their own take that of their simplified/traditional variant;",
    "  CJK compatibility ideographs (U+F900..) take that of their kCompatibilityVariant (Unihan_IRGSources).",
    "  Readings outside the inventory (interjections hm, ng, m ...) are kept as Unihan gives them.",
    "Surname readings (单 shàn, 曾 zēng ...) are NOT here: they come from chinese-surnames.tsv.",
    "FORMAT: reading = toneless pinyin (ü written ü) + tone digit 1-4, 5 = neutral; characters in code-point order.",
    "COUNTS: %d characters (kMandarin %d, other fields %d, via variant %d, compatibility ideographs %d, outside inventory %d)." % (
        len(pinyin), pinyin_source["kMandarin"], pinyin_source["other"], pinyin_source["variant"],
        pinyin_source.get("compatibility", 0), pinyin_source["outside inventory"]),
    "",
    "reading\tcharacters",
], ["%s\t%s" % kv for kv in grouped(pinyin, lambda k: (k[:-1], k[-1]))])

write("han-pinyin-names.tsv", [
    "han-pinyin-names.tsv — readings in names for the characters whose han-pinyin.tsv reading has the neutral tone.",
    GEN,
    "SOURCE: " + UNIHAN_NOTE + ": the first full-tone reading of kMandarin, kXHC1983, kHanyuPinyin, kTGHZ2013",
    "  that is a standard syllable. The neutral tone belongs to particles and suffixes in running text (了 le, 子 zi);",
    "  a character in a name is read with its citation tone (丰子恺 Fēng Zǐkǎi). The engine uses these in name mode only.",
    "COUNTS: %d characters." % len(name_pinyin),
    "",
    "reading\tcharacters",
], ["%s\t%s" % kv for kv in grouped(name_pinyin, lambda k: (k[:-1], k[-1]))])

write("han-sino-korean.tsv", [
    "han-sino-korean.tsv — Sino-Korean (Hanja) reading in Hangul of every ideograph Unihan gives one for.",
    GEN,
    "SOURCE: " + UNIHAN_NOTE + ": kHangul, its first value (readings are listed in their original form,",
    "  before the initial-sound rule: 李 리, 柳 류, 盧 로; the engine applies the rule). Characters without kHangul",
    "  (most simplified forms: 刘 张) take the reading of their traditional/simplified variant, compatibility ideographs",
    "  without kHangul that of their kCompatibilityVariant.",
    "Surname readings (金 김 ...) are NOT here: they come from chinese-surnames.tsv (korean_sino).",
    "COUNTS: %d characters (kHangul %d, via variant %d, compatibility ideographs %d)." % (
        len(hangul), hangul_source["kHangul"], hangul_source["variant"], hangul_source.get("compatibility", 0)),
    "",
    "hangul\tcharacters",
], ["%s\t%s" % kv for kv in grouped(hangul, lambda k: k)])

variant_lines = ["s2t\t%s\t%s\t%s" % (c, t, why) for c, (t, why) in sorted(s2t.items()) if t != c]
variant_lines += ["t2s\t%s\t%s\t%s" % (c, s, why) for c, (s, why) in sorted(t2s.items()) if s != c]
kept = "".join(c for c, (t, why) in sorted(s2t.items()) if t == c)
write("han-variants.tsv", [
    "han-variants.tsv — name-safe simplified <-> traditional character conversion, one character at a time.",
    GEN,
    "SOURCE: " + UNIHAN_NOTE + ": kTraditionalVariant (s2t) and kSimplifiedVariant (t2s).",
    "RULES (s2t): 1. surnames take the traditional form of chinese-surnames.tsv (钟 鍾, 万 萬, 宁 寧, 种 种, 于 于 ...);",
    "  2. a character that is itself a traditional character in common use stays: listed as its own variant, and",
    "     either kept by ICU Hans-Hant (只 芸) or in Big5 (kBigFive) with a kFrequency no more than 2 classes rarer",
    "     than its alternatives (范 朴 沈 姜 台 里 干 后; ICU would change these: 范→範, 台→臺). 占 has no variant at all;",
    "  3. otherwise the only alternative, or among several the one ICU Hans-Hant picks for the lone character,",
    "     else the most frequent (kFrequency). Explicit overrides: " + "; ".join(
        "%s -> %s (%s)" % (k, v[0], v[1]) for k, v in OVERRIDES_S2T.items()) + ".",
    "RULES (t2s): a character listed as its own simplified variant stays (乾 著); otherwise the only alternative or",
    "  ICU Hant-Hans's pick among several; surname traditional forms map back to the table's simplified form.",
    "Characters that stay unchanged under rule 2 (not listed below): " + kept,
    "CHECK: every single-character row of chinese-surnames.tsv converts s2t and t2s to its own columns: " + (
        "yes" if not problems else "NO: " + "; ".join(problems)),
    "  (compound surnames are converted as a unit from that table by the engine: 澹台 -> 澹臺, whereas 台 alone stays 台).",
    "",
    "direction\tfrom\tto\twhy",
], variant_lines)

write("chinese-surname-readings.tsv", [
    "chinese-surname-readings.tsv — further surname readings, for characters that are not in chinese-surnames.tsv.",
    GEN,
    "SOURCE: ICU 72.1 transform Han-Latin/Names (CLDR common/transforms/Han-Latin-Names.xml), run with uconv on every",
    "  BMP character of han-pinyin.tsv followed by 明: the characters whose reading at the start of a name differs",
    "  from Han-Latin's. Each reading kept is attested for the character in Unihan (kMandarin, kXHC1983, kHanyuPinyin",
    "  or kTGHZ2013). Excluded by the Onoma compiler: " + "; ".join("%s (%s)" % kv for kv in SURNAME_EXCLUDED.items()) + ".",
    "The engine reads these as single-character surnames after those of chinese-surnames.tsv (Sino-Korean: kHangul).",
    "traditional = the name-safe traditional form (han-variants.tsv); general = the han-pinyin.tsv reading.",
    "",
    "simplified\ttraditional\tpinyin_surname\tgeneral",
], ["%s\t%s\t%s\t%s" % row for row in extra_surnames])

wg_lines = []
mismatch = []
for p in INVENTORY:
    w = pinyin_to_wade_giles(p)
    shared = SHARED_WG.get(p, "")
    if shared == w:
        check = "agrees"
    else:
        check = "pinyin-hangul.tsv has " + shared
        mismatch.append(p)
    wg_lines.append("%s\t%s\t%s" % (p, w, check))
write("pinyin-wade-giles.tsv", [
    "pinyin-wade-giles.tsv — Hanyu Pinyin syllable -> Wade-Giles, strict form (aspiration apostrophes, ê, ŭ, ü).",
    GEN,
    "SOURCE: the standard Wade-Giles <-> Pinyin correspondence (Wade-Giles as used by Giles, Chinese-English",
    "  Dictionary, 2nd ed. 1912; see e.g. the Library of Congress Pinyin conversion table, 2000), applied by rule:",
    "  initials b p m f d t g k h j q x zh ch sh r z c s -> p p' m f t t' k k' h ch ch' hs ch ch' sh j ts ts' s;",
    "  zhi chi shi ri zi ci si -> chih ch'ih shih jih tzŭ tz'ŭ ssŭ; -ong -> -ung; -ie -> -ieh; -ian -> -ien;",
    "  -üe -> -üeh; ju qu xu -> chü ch'ü hsü; gui kui -> kuei k'uei; -uo -> -o except after g k h sh;",
    "  ge ke he -> ko k'o ho; -e -en -eng -> -ê -ên -êng elsewhere; er -> êrh; yi -> i; you -> yu; yu -> yü; ye -> yeh.",
    "  The common printed form (the engine's default) writes ŭ and ê as u and e.",
    "INVENTORY and CHECK: the %d syllables of pinyin-hangul.tsv; the last column compares with its wade_giles column" % len(INVENTORY),
    "  (%d of %d agree%s)." % (len(INVENTORY) - len(mismatch), len(INVENTORY),
                              "" if not mismatch else "; differing: " + " ".join(mismatch)),
    "",
    "pinyin\twade_giles\tcheck",
], wg_lines)

print("han-pinyin: %d chars %s" % (len(pinyin), pinyin_source))
print("han-pinyin-names: %d chars: %s" % (len(name_pinyin), " ".join(c + r for c, r in sorted(name_pinyin.items()) if ord(c) < 0xA000)))
print("han-sino-korean: %d chars %s" % (len(hangul), hangul_source))
print("han-variants: %d s2t, %d t2s rows; surname problems: %s" % (
    sum(1 for c, (t, _) in s2t.items() if t != c), sum(1 for c, (s, _) in t2s.items() if s != c), problems))
print("chinese-surname-readings: %d rows: %s; left out as unattested: %s" % (
    len(extra_surnames), " ".join(r[0] + r[2] for r in extra_surnames), reading_problems))
print("pinyin-wade-giles: %d rows, %d differ from pinyin-hangul.tsv: %s" % (len(wg_lines), len(mismatch), mismatch))
