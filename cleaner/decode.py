"""Bytes to text: government pages lie about their encoding surprisingly often."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from charset_normalizer import from_bytes

_HAN = re.compile(r"[\u4e00-\u9fff]")
# The most frequent characters of Chinese text (simplified and traditional forms): real text is
# made of them, mojibake from a wrong decode is not.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风"
    "切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许"
    "步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响"
    "约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查型按格养易置派层片始专状育厂京"
    "识适属包火住调满县局照参红细引该价严飞创新科技企业服务项目资金支持推进建设发展实施加快提升鼓励补助奖励"
    "們這來個為發機關與會學國實從產業務經濟區號構單標題範條際認證導應設創進設體說時對動現種與開關點長問間"
)

# Frequent characters that only traditional text uses: a page with none of them needs no folding.
_TRADITIONAL_ONLY = re.compile("[們這來個為發機關與會學國實從產業務經濟區號構單標題範條際認證導應設創]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)

# GB2312 and GBK pages routinely contain characters only GB18030 has; GB18030
# is a strict superset, so decoding with it never loses a character.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
}


def _norm(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, _SUPERSETS.get(name.strip().lower(), canonical))


def _cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return cjk / max(1, sum(1 for ch in sample if not ch.isspace() and not ch.isascii()) or 1)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding used).

    Order of trust: a BOM; then UTF-8, when the bytes are valid UTF-8 (CJK
    text in any other encoding never is); then the HTTP charset and the
    <meta charset>, when the bytes decode cleanly with them *and* read as
    Chinese; then detection.  GB18030 decodes almost any byte string without
    an error, so a page declared gb2312 but written in Big5 or UTF-8 would
    otherwise turn into mojibake: "reads as Chinese" is the share of common
    characters among the CJK ones.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    for name in (declared, _meta_charset(data)):
        enc = _norm(name)
        if enc and enc not in candidates and enc not in ("utf-8", "ascii"):
            candidates.append(enc)
    tried: list[tuple[float, str, str]] = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _reads_as_chinese(text)
        if score >= 0.25:
            return text, enc
        tried.append((score, enc, text))
    best = from_bytes(data[:200000]).best()
    enc = _norm(best.encoding) if best else None
    if enc and enc not in candidates:
        text = data.decode(enc, errors="replace")
        # Detectors sometimes pick a Cyrillic or Latin code page for short GBK pages.
        if _cjk_ratio(text) > 0.5:
            tried.append((_reads_as_chinese(text), enc, text))
    for enc in ("gb18030", "big5hkscs"):
        if enc not in candidates:
            text = data.decode(enc, errors="replace")
            tried.append((_reads_as_chinese(text) - text.count("\ufffd") / max(1, len(text)), enc, text))
    score, enc, text = max(tried, key=lambda t: t[0])
    return text, enc


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_COMMON_RUN = re.compile("[" + "".join(map(re.escape, sorted(_COMMON))) + "]+")  # deleted to count the rest


def _reads_as_chinese(text: str) -> float:
    """Share of the CJK characters that are among the most common ones (1.0 when there are none)."""
    # counted on strings (the CJK characters alone, then those without the common ones): no list of
    # 30,000 one-character strings
    han = _NOT_HAN.sub("", text[:30000])
    if len(han) < 20:
        return 1.0
    return (len(han) - len(_COMMON_RUN.sub("", han))) / len(han)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported on first use: most pages never need it

    return opencc.OpenCC("t2s")


def fold_traditional(text: str) -> tuple[str, bool]:
    """Traditional characters to simplified, when the page is written in them (a Big5 page).

    Labels (發布機構), department tags (責任單位) and the users' queries are
    all simplified: a traditional page is folded whole (OpenCC t2s) and says
    so in its warnings, or nothing on it could be recognised.
    """
    if not _TRADITIONAL_ONLY.search(text, 0, 30000):
        return text, False  # the common case, decided without OpenCC
    sample = "".join(_HAN.findall(text[:30000]))[:3000]
    if len(sample) < 20:
        return text, False
    folded = _t2s().convert(sample)
    changed = sum(1 for a, b in zip(sample, folded, strict=False) if a != b)
    if changed < 0.03 * len(sample):
        return text, False
    return _t2s().convert(text), True
