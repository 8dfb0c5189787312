"""The scoring rules of the project's ``score_clean.py``, copied so CI and the benches can run them without ../shared.

Kept line for line with the grader's logic (fields exact after NFKC, outline
F1 keyed by numbering-path cores and the heading's first 4 characters,
departments F1 per path, amounts F1 in yuan); only the CLI is left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]", "［": "[", "］": "]"})
NUMBERED = re.compile(
    r"^(第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十百]+[、.]|\(?[一二三四五六七八九十百]+\)|\(?\d+\)|\d+[.、]|[①-⑳])$"
)
CORE = re.compile(r"[一二三四五六七八九十百零〇\d①-⑳]+")
CIRCLED = re.compile(r"[①-⑳]")
SCALARS = ["title", "issuer", "doc_number", "published", "signed", "doc_type", "draft", "index_no"]
METRICS = ("fields", "outline", "departments", "amounts")


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s)).translate(QUOTES)
    return re.sub(r"\s+", "", s)


def label_core(label):
    raw = re.sub(r"\s+", "", str(label or ""))
    if CIRCLED.fullmatch(raw):
        return raw  # NFKC would fold ① to 1 and lose the level
    lab = norm(label) or ""
    if lab.startswith("第"):
        return lab
    m = CORE.search(lab)
    return m.group(0) if m else lab


def is_numbered(label):
    if label and CIRCLED.fullmatch(re.sub(r"\s+", "", str(label))):
        return True
    return bool(label) and bool(NUMBERED.match(norm(label) or ""))


def f1(gold, pred):
    g, p = Counter(gold), Counter(pred)
    if not g and not p:
        return None
    tp = sum((g & p).values())
    prec = tp / sum(p.values()) if p else 0.0
    rec = tp / sum(g.values()) if g else 0.0
    return 0.0 if tp == 0 else 2 * prec * rec / (prec + rec)


def pred_clauses(doc):
    for c in doc.get("clauses") or []:
        path = c.get("path") or []
        if not path or not is_numbered(path[-1]):
            continue
        key = "/".join(label_core(x) for x in path)
        head = norm(c.get("heading") or c.get("text") or "")
        head = re.sub(r"^" + re.escape(norm(path[-1])), "", head)
        yield key, head[:4], c


def score_doc(gold: dict, pred: dict) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    ok = tot = 0
    for k in SCALARS:
        if k in gold:
            tot += 1
            gv, pv = gold[k], pred.get(k)
            if k == "draft":
                hit = bool(gv) == bool(pv)
            elif gv is None:
                hit = pv in (None, "", [])
            elif isinstance(gv, list):
                hit = norm(pv) in {norm(x) for x in gv}
            else:
                hit = norm(gv) == norm(pv)
            ok += hit
    for k, gv in (gold.get("region") or {}).items():
        tot += 1
        pv = (pred.get("region") or {}).get(k)
        ok += (pv in (None, "")) if gv is None else norm(gv) == norm(pv)
    out["fields"] = ok / tot if tot else None
    if "outline" in gold:
        g_out, g_dep = [], []
        for item in gold["outline"]:
            key = "/".join(label_core(x) for x in item["path"])
            g_out.append((key, norm(item["heading"])[:4]))
            g_dep += [(key, norm(d)) for d in item.get("departments", [])]
        p_out, p_dep = [], []
        for key, head, c in pred_clauses(pred):
            p_out.append((key, head))
            p_dep += [(key, norm(d)) for d in c.get("departments") or []]
        out["outline"] = f1(g_out, p_out)
        out["departments"] = f1(g_dep, p_dep)
    if "amounts_yuan" in gold:
        p_am = [
            int(round(float(a["yuan"])))
            for c in pred.get("clauses") or []
            for a in c.get("amounts") or []
            if a.get("yuan") is not None
        ]
        out["amounts"] = f1([int(v) for v in gold["amounts_yuan"]], p_am)
    return out


def summarize(scores: list[dict[str, float | None]]) -> dict[str, float]:
    """Mean of each metric over the documents that have it, and their mean as ``overall``."""
    means = {}
    for k in METRICS:
        vals = [s[k] for s in scores if s.get(k) is not None]
        if vals:
            means[k] = sum(vals) / len(vals)
    means["overall"] = sum(means.values()) / len(means) if means else 0.0
    return means
