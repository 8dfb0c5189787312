"""Score the cleaner's support extraction against the hand-written gold (issue 14).

The gold (``tests/fixtures/support/``, conventions in its ANNOTATION.md) lists
every grant of 13 real support pages with its beneficiary, conditions, amount,
deadline, department and benefit, written by someone who does not write the
rules.  This module is pure: a cleaned document (its JSON form) and the gold
entries of its page in, per-field figures out.  ``policy bench support``
prints them; ``tests/cleaner/test_support_gold.py`` holds a floor.

How a predicted grant meets a gold grant: both live in the clause whose text
holds the gold's ``text_start`` (robust to how the outline splits run-on
pages); within the clauses of a page, pairs are made greedily by how well the
amount (value, then text) and the granting sentence agree.  A gold grant
without a partner scores 0 on every field (recall), a predicted grant without
one too (precision); each field's figure is the F1 of the two.

Comparison is the gold's: text after NFKC with white space removed; a list in
a scalar field means any of its values is right; null means "none printed".
Strings are compared softly (see ``same_text``): equal once a leading 对/凡 and
a trailing 的 are dropped, or at least 80% alike by difflib's ratio, so that a
stray comma does not fail a condition written out in full.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("beneficiary", "conditions", "amount", "deadline", "department", "benefit")
EXTRA_FIELDS = ("level", "facts", "window")
GRANT_KINDS = ("cap", "fixed", "per_unit", "floor", "ratio")
SIMILAR = 0.8

_WS = re.compile(r"\s+")
_EDGE = re.compile(r"^(?:对于|对|凡|给予)|(?:的|[，。；;,:：、])+$")


def norm(text: str | None) -> str:
    """NFKC, white space removed (the gold's own comparison)."""
    return _WS.sub("", unicodedata.normalize("NFKC", text or ""))


def _core(text: str | None) -> str:
    return _EDGE.sub("", norm(text))


def same_text(a: str | None, b: str | None, threshold: float = SIMILAR) -> bool:
    """Equal after the gold's normalisation (edges 对…的 aside), or alike enough (difflib ratio)."""
    ca, cb = _core(a), _core(b)
    if not ca or not cb:
        return not ca and not cb
    if ca == cb:
        return True
    return difflib.SequenceMatcher(None, ca, cb, autojunk=False).ratio() >= threshold


def _any_of(gold: Any) -> list[Any]:
    return list(gold) if isinstance(gold, list) else [gold]


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def scalar_right(gold: Any, pred: Any) -> float:
    """A scalar text field: null must be empty; a list means any of its values (null among them) is right."""
    for g in _any_of(gold):
        if g is None:
            if _empty(pred):
                return 1.0
        elif not _empty(pred) and same_text(g, pred if isinstance(pred, str) else str(pred)):
            return 1.0
    return 0.0


def list_f1(gold: list[str], pred: list[str]) -> float:
    """F1 of two lists of printed strings, a pair counting once when ``same_text`` holds."""
    gold = [g for g in gold if norm(g)]
    pred = [p for p in pred if norm(p)]
    if not gold and not pred:
        return 1.0
    if not gold or not pred:
        return 0.0
    used: set[int] = set()
    hit = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same_text(g, p):
                used.add(i)
                hit += 1
                break
    if not hit:
        return 0.0
    precision, recall = hit / len(pred), hit / len(gold)
    return 2 * precision * recall / (precision + recall)


def _same_yuan(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 0.5


def amount_right(gold: dict | None, pred: dict | None) -> float:
    """Value in yuan and kind both right; a grant with no figure printed needs none predicted."""
    gold = gold or {}
    pred = pred or {}
    if gold.get("kind") is None and gold.get("yuan") is None:
        return 1.0 if pred.get("kind") is None and pred.get("yuan") is None else 0.0
    return (
        1.0
        if _same_yuan(gold.get("yuan"), pred.get("yuan")) and gold.get("kind") == pred.get("kind")
        else 0.0
    )


def _fact_key(f: dict) -> tuple:
    kind = f.get("kind")
    if kind == "threshold":
        return (kind, f.get("field"), f.get("op"), float(f["value"]) if f.get("value") is not None else None)
    if kind == "age":
        return (kind, f.get("op"), f.get("years"))
    return (kind, norm(str(f.get("value") or "")))


def facts_f1(gold: list[dict], pred: list[dict]) -> float:
    g = {_fact_key(f) for f in gold or []}
    p = {_fact_key(f) for f in pred or []}
    if not g and not p:
        return 1.0
    hit = len(g & p)
    if not hit:
        return 0.0
    return 2 * hit / (len(g) + len(p))


def field_right(name: str, gold: dict, pred: dict) -> float:
    if name == "conditions":
        return list_f1(gold.get("conditions") or [], pred.get("conditions") or [])
    if name == "amount":
        return amount_right(gold.get("amount"), pred.get("amount"))
    if name == "level":
        return (
            1.0 if (gold.get("amount") or {}).get("level") == (pred.get("amount") or {}).get("level") else 0.0
        )
    if name == "deadline":
        return 1.0 if (gold.get("deadline") or None) == (pred.get("deadline") or None) else 0.0
    if name == "window":
        return 1.0 if (gold.get("window") or None) == (pred.get("window") or None) else 0.0
    if name == "benefit":
        return 1.0 if gold.get("benefit") == pred.get("benefit") else 0.0
    if name == "facts":
        return facts_f1(gold.get("facts") or [], pred.get("facts") or [])
    return scalar_right(gold.get(name), pred.get(name))


# -- predicted grants --------------------------------------------------------------


@dataclass
class PredGrant:
    clause: int  # index of the clause in the document
    sentence: str  # normalised
    values: dict  # the keys of a gold entry, resolved against the document's support_terms


def resolve(grant: dict, terms: dict | None) -> dict:
    """A grant's values with the notice's support_terms filled in where the clause says nothing.

    Conditions add up (the notice's 申请条件 first, then the clause's own, as the gold lists them);
    every other key is the clause's own when it has one, else the notice's.
    """
    terms = terms or {}
    out = dict(grant)
    own = [c for c in grant.get("conditions") or []]
    shared = [c for c in terms.get("conditions") or [] if not any(norm(c) == norm(o) for o in own)]
    out["conditions"] = shared + own
    for key in ("beneficiary", "deadline", "window", "department", "benefit"):
        if _empty(out.get(key)) and not _empty(terms.get(key)):
            out[key] = terms[key]
    facts = list(terms.get("facts") or []) + list(grant.get("facts") or [])
    out["facts"] = facts
    return out


def predicted_grants(doc: dict) -> list[PredGrant]:
    """Every grant the document's clauses carry (``support.grants``).

    A document cleaned before support extraction existed has none: each grant
    amount of a clause then stands for one grant with nothing else known (what
    the support finder showed), so the same scorer measures the old output.
    """
    terms = doc.get("support_terms")
    out: list[PredGrant] = []
    extracted = "support_terms" in doc  # a cleaner that reads support says so on every document
    for i, c in enumerate(doc.get("clauses") or []):
        support = c.get("support")
        if extracted:
            for g in (support or {}).get("grants") or []:
                out.append(PredGrant(i, norm(g.get("sentence")), resolve(g, terms)))
            continue
        for a in c.get("amounts") or []:
            if (a.get("kind") or "fixed") in GRANT_KINDS and (a.get("yuan") or a.get("kind") == "ratio"):
                out.append(PredGrant(i, "", {"amount": dict(a), "conditions": []}))
    return out


# -- alignment ----------------------------------------------------------------------


def _clause_texts(doc: dict) -> list[str]:
    return [norm((c.get("heading") or "") + (c.get("text") or "")) for c in doc.get("clauses") or []]


def _label_core(label: str) -> str:
    return re.sub(r"[、.．()（）第\s]", "", unicodedata.normalize("NFKC", label or ""))


def gold_clauses(entry: dict, doc: dict, texts: list[str]) -> set[int]:
    """The clauses that may hold a gold grant: those whose text has its text_start (and sentence)."""
    clause = entry.get("clause") or {}
    start = norm(clause.get("text_start"))
    sentence = norm(clause.get("sentence"))
    found = [i for i, t in enumerate(texts) if start and start in t]
    if sentence:
        with_sentence = [i for i in found if sentence in texts[i]] or [
            i for i, t in enumerate(texts) if sentence in t
        ]
        found = with_sentence or found
    if len(found) > 1:
        last = _label_core((clause.get("path") or [""])[-1])
        labelled = [
            i for i in found if _label_core(((doc["clauses"][i].get("path") or [""]) or [""])[-1]) == last
        ]
        found = labelled or found
    return set(found)


def _pair_score(gold: dict, pred: PredGrant) -> float:
    g_amount, p_amount = gold.get("amount") or {}, pred.values.get("amount") or {}
    score = 0.0
    if g_amount.get("yuan") is not None and _same_yuan(g_amount.get("yuan"), p_amount.get("yuan")):
        score += 2
    elif g_amount.get("text") and p_amount.get("text"):
        gt, pt = norm(g_amount["text"]), norm(p_amount["text"])
        if gt in pt or pt in gt:
            score += 1.5
    if g_amount.get("kind") and g_amount.get("kind") == p_amount.get("kind"):
        score += 0.5
    if g_amount.get("rate") is not None and g_amount.get("rate") == p_amount.get("rate"):
        score += 0.5
    sentence = norm((gold.get("clause") or {}).get("sentence"))
    if sentence and pred.sentence and (sentence[:12] in pred.sentence or pred.sentence[:12] in sentence):
        score += 1
    if (
        gold.get("applies_to")
        and pred.values.get("applies_to")
        and same_text(gold["applies_to"], pred.values["applies_to"])
    ):
        score += 1
    return score + 0.1  # any pair in the right clause beats none


def align(gold: list[dict], doc: dict) -> tuple[list[tuple[dict, PredGrant | None]], list[PredGrant]]:
    """Pairs (gold entry, its predicted grant or None) and the predicted grants left over."""
    preds = predicted_grants(doc)
    texts = _clause_texts(doc)
    candidates = []
    for gi, g in enumerate(gold):
        allowed = gold_clauses(g, doc, texts)
        for pi, p in enumerate(preds):
            if p.clause in allowed:
                candidates.append((_pair_score(g, p), -abs(gi - pi), gi, pi))
    candidates.sort(reverse=True)
    g_used: dict[int, int] = {}
    p_used: set[int] = set()
    for _, _, gi, pi in candidates:
        if gi in g_used or pi in p_used:
            continue
        g_used[gi] = pi
        p_used.add(pi)
    pairs = [(g, preds[g_used[gi]] if gi in g_used else None) for gi, g in enumerate(gold)]
    extra = [p for pi, p in enumerate(preds) if pi not in p_used]
    return pairs, extra


# -- figures ------------------------------------------------------------------------


@dataclass
class FieldScore:
    right: float = 0.0  # sum over pairs of how right the field is (0..1 each)
    gold: int = 0
    pred: int = 0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PageScore:
    file: str
    gold: int
    pred: int
    paired: int
    fields: dict[str, FieldScore] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)  # why: one line per wrong field, for the bench's --why


def score_page(file: str, gold: list[dict], doc: dict) -> PageScore:
    pairs, extra = align(gold, doc)
    n_pred = sum(1 for _, p in pairs if p) + len(extra)
    page = PageScore(file=file, gold=len(gold), pred=n_pred, paired=sum(1 for _, p in pairs if p))
    for name in FIELDS + EXTRA_FIELDS:
        fs = FieldScore(gold=len(gold), pred=n_pred)
        for g, p in pairs:
            if p is None:
                continue
            right = field_right(name, g, p.values)
            fs.right += right
            if right < 1 and name in FIELDS:
                where = "".join((g.get("clause") or {}).get("path") or [])
                page.misses.append(
                    f"{file} {where} {name}: gold={_show(g, name)} pred={_show(p.values, name)}"
                )
        page.fields[name] = fs
    for g, p in pairs:
        if p is None:
            where = "".join((g.get("clause") or {}).get("path") or [])
            page.misses.append(f"{file} {where} missed: {(g.get('amount') or {}).get('text')}")
    for p in extra:
        page.misses.append(
            f"{file} clause#{p.clause} extra: {(p.values.get('amount') or {}).get('text')} {p.sentence[:30]}"
        )
    return page


def _show(values: dict, name: str) -> str:
    if name == "amount":
        a = values.get("amount") or {}
        return f"{a.get('yuan')}/{a.get('kind')}"
    v = values.get(name)
    return str(v)[:160]


def total(pages: list[PageScore]) -> dict[str, FieldScore]:
    out = {}
    for name in FIELDS + EXTRA_FIELDS:
        fs = FieldScore()
        for p in pages:
            f = p.fields[name]
            fs.right += f.right
            fs.gold += f.gold
            fs.pred += f.pred
        out[name] = fs
    return out


# -- non-grants and notice terms ----------------------------------------------------


def _only_inside(needle: str, haystack: str, span: str) -> bool:
    """Every occurrence of ``needle`` in ``haystack`` lies inside an occurrence of ``span``."""
    inside = []
    at = haystack.find(span)
    while at >= 0:
        inside.append((at, at + len(span)))
        at = haystack.find(span, at + 1)
    at = haystack.find(needle)
    if at < 0:
        return False
    while at >= 0:
        if not any(s <= at and at + len(needle) <= e for s, e in inside):
            return False
        at = haystack.find(needle, at + 1)
    return True


def non_grant_violations(entries: list[dict], doc: dict) -> list[str]:
    """The non-grant amounts (thresholds, goals, fund sizes) that the document reads as grants.

    An amount of the clause is that non-grant when its value is one of the non-grant's and its
    text occurs in the clause only inside the non-grant's text (the same 500万元 may be paid
    elsewhere in the clause).
    """
    preds = predicted_grants(doc)
    texts = _clause_texts(doc)
    bad = []
    for e in entries:
        values = [float(v) for v in _any_of(e.get("yuan")) if v is not None]
        text = norm(e.get("text"))
        where = [i for i, t in enumerate(texts) if text in t]
        amounts = [(i, a) for i in where for a in doc["clauses"][i].get("amounts") or []]
        amounts += [(p.clause, p.values.get("amount") or {}) for p in preds if p.clause in where]
        for i, a in amounts:
            if (
                a.get("yuan") is not None
                and any(_same_yuan(a["yuan"], v) for v in values)
                and (a.get("kind") or "fixed") in GRANT_KINDS
                and _only_inside(norm(a.get("text")), texts[i], text)
            ):
                bad.append(f"{e['file']}: {e.get('text')} read as {a.get('kind')}")
                break
    return bad


def terms_right(gold: dict, doc: dict) -> dict[str, float]:
    """The notice's support_terms, key by key (conditions as a list F1, contact phones as a set)."""
    pred = doc.get("support_terms") or {}
    out = {
        "conditions": list_f1(gold.get("conditions") or [], pred.get("conditions") or []),
        "deadline": 1.0 if (gold.get("deadline") or None) == (pred.get("deadline") or None) else 0.0,
        "department": scalar_right(gold.get("department"), pred.get("department")),
        "beneficiary": scalar_right(gold.get("beneficiary"), pred.get("beneficiary")),
    }
    g_phone = {norm(p) for p in ((gold.get("contact") or {}).get("phone") or [])}
    p_phone = {norm(p) for p in ((pred.get("contact") or {}).get("phone") or [])}
    out["phone"] = 1.0 if g_phone == p_phone else (2 * len(g_phone & p_phone) / (len(g_phone) + len(p_phone)))
    return out
