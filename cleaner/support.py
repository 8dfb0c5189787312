"""Support extraction: each clause's grants with their terms, and the notice's terms (pure).

The document's clauses in, ``clause.support`` (its grants) and
``doc.support_terms`` out.  The steps, one module each:

- ``notice``: the notice's sections (申请条件, 申请时间, 受理部门 …) → SupportTerms;
  clauses inside a section (and inside 申请材料, 办理流程 …) are not grants;
- ``grants``: which sentences grant, how many grants each holds;
- ``beneficiary``: who each grant is for and on what conditions, as printed;
- ``benefit``: reward, subsidy, grant, interest subsidy, tax, voucher or other;
- ``eligibility``: the conditions a profile can check, as facts.

A grant keeps what its clause prints; what the notice says once (its terms)
applies where the clause says nothing, and is merged by whoever reads it
(``corpus.model.resolve_grant``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.model import Clause, Document, Grant, Support

from .beneficiary import Applicant, read_applicant
from .benefit import benefit_of
from .eligibility import read_facts
from .grants import find_grants, sentences
from .notice import find_sections, read_terms

_EXAMINER = re.compile(
    r"(?:经|获|由)(?P<d>[\u4e00-\u9fff]{2,24}?(?:主管部门|部门|局|委员会|委|厅|办公室|中心|政府|管委会|小组))"
    r"(?:认定|审定|审核|评审|批准|确认|核定)"
)


def annotate_support(doc: Document) -> Document:
    """Fill ``doc.support_terms`` and each granting clause's ``support``; returns the document."""
    clauses = doc.clauses
    sections = find_sections(clauses)
    year = (doc.published or doc.signed or "")[:4] or None
    terms = read_terms(clauses, sections, year)
    if terms is not None:
        terms.facts = read_facts([t for t in [terms.beneficiary, *terms.conditions] if t], doc.region)
    doc.support_terms = terms
    facts: dict[tuple, list] = {}  # the facts of an applicant's texts (and case), read once per document
    leads: dict[tuple[str, ...], _Lead] = {}
    granting: set[tuple[str, ...]] = set()
    for i, c in enumerate(clauses):
        if sections.kind_of(i, clauses) is not None:
            continue
        text = _own_text(c)
        ancestors = [
            leads[k] for k in (tuple(c.path[:k]) for k in range(len(c.path) - 1, 0, -1)) if k in leads
        ]
        pending = _Lead(text, ancestors, _under_grant(granting, c.path))
        if c.path:
            leads[tuple(c.path)] = pending
        found = find_grants(text, lead_in=_leads_items(clauses, i))
        if not found:
            continue
        lead = pending.get()
        sents = sentences(text)
        grants: list[Grant] = []
        current = lead if lead.beneficiary else None
        read_upto = 0
        for g in found:
            # the sentences before this grant's that name an applicant name it for what follows
            for start, end in sents:
                if read_upto <= start < g.sentence_start:
                    named = read_applicant(text[start:end].strip())
                    if named.beneficiary and not named.case:
                        current = named
            read_upto = max(read_upto, g.sentence_start)
            sentence = text[g.sentence_start : g.sentence_end].strip()
            app = read_applicant(sentence, g.at - g.sentence_start - _indent(text, g.sentence_start))
            app = _settle(app, current, lead, terms)
            if not app.beneficiary and not (terms and terms.beneficiary):
                # 按申报单位申请当笔贷款…给予贴息: a sentence that names nobody as its object still says whose
                named = _NAMED_APPLICANT.search(sentence)
                if named:
                    app = replace(app, beneficiary=named.group(0))
            if app.beneficiary and not app.case and app is not lead:
                current = app
            grants.append(
                Grant(
                    sentence=sentence.rstrip("。；;"),
                    amount=g.amount,
                    beneficiary=app.beneficiary,
                    conditions=list(dict.fromkeys(_case_conditions(app.conditions, g.applies_to))),
                    benefit=benefit_of(sentence, g.at - g.sentence_start),
                    facts=_facts(
                        facts,
                        [t for t in [app.beneficiary, *app.conditions] if t],
                        doc.region,
                        g.applies_to or app.case,
                    ),
                    department=_department(clauses, i, sentence),
                    applies_to=g.applies_to or app.case,
                )
            )
        c.support = Support(grants=grants)
        granting.add(tuple(c.path))
    return doc


_MEASURE_ITEM = re.compile(r"\d[\d.]*\s*(?:万|亿)?(?:元|人|件|项|平方米|亩|%|％)")


def _case_conditions(conditions: list[str], case: str | None) -> list[str]:
    """A 分别 enumeration's case keeps its own measure of a list of measures (投资2000万元以上建设智能化工厂、
    投资500万元以上建设智能化车间… 分别给予…: the 车间 case asks 投资500万元以上建设智能化车间 only)."""
    if not case:
        return conditions
    key = re.sub(r"^对|的.*$", "", case)
    out = []
    for c in conditions:
        items = c.split("、")
        mine = [i for i in items if key and (key in i or i in key)]
        if len(items) > 1 and all(_MEASURE_ITEM.search(i) and len(i) >= 8 for i in items) and len(mine) == 1:
            out.append(mine[0])
        else:
            out.append(c)
    return out


def _clause_lead(text: str, parent: Applicant | None) -> Applicant:
    """Who a clause's grants are for unless a sentence says otherwise: its first sentence's applicant,
    else its parent's.  "1.对内资企业:" under "(一)对…新落户及认定的总部型企业…": a case of the parent's."""
    first = read_applicant(_first_sentence(text))
    if not first.beneficiary:
        return replace(parent, from_parent=True) if parent else Applicant()
    if (
        parent
        and parent.beneficiary
        and re.search(r"[：:]\s*$", _first_sentence(text))
        and len(first.beneficiary) <= 8
    ):
        return Applicant(
            parent.beneficiary, parent.conditions + [first.beneficiary] + first.conditions, from_parent=True
        )
    return first


def _settle(app: Applicant, current: Applicant | None, lead: Applicant, terms) -> Applicant:
    """A sentence's applicant completed from what came before: a case word or no applicant takes the
    lead's (or the last named); a generic head (…的机构) takes the lead's name for it; a project or a
    product is what is funded, not who applies, when the notice names its applicants."""
    base = current if current and current.beneficiary else lead
    if app.case or not app.beneficiary:
        # a case picks the conditions of whom it is a case of; an item under a list's heading
        # (1.对内资企业: / (1)实缴注册资本…的) keeps its heading's; a later sentence does not
        # take an earlier sentence's (首次…上市的 … 首次…挂牌的 are each their own)
        kept = base.conditions if base and app.case else (lead.conditions if lead.from_parent else [])
        if not kept and base and not app.case and _tier_of(app.conditions, base.conditions):
            # …增资扩股，FDI到位资金在500万美元…的，奖励20万元；FDI到位资金在1000万美元…的，奖励50万元: a
            # tier of the same measure keeps what the first tier's sentence asked besides the measure
            kept = [c for c in base.conditions if not _tier_of([c], app.conditions)]
        conditions = kept + [c for c in app.conditions if c not in kept]
        return Applicant(base.beneficiary if base else None, conditions, app.case)
    b = app.beneficiary
    if base and base.beneficiary and b in _GENERIC and base.beneficiary.endswith(b) and base.beneficiary != b:
        return Applicant(base.beneficiary, app.conditions, app.case)
    if terms is not None and terms.beneficiary and _THING.search(b.rstrip("的")):
        # the project as printed, with what qualifies it (符合条件的…改造项目，以及符合…要求的项目)
        thing = (app.phrase or b).rstrip("的")
        return Applicant(None, [thing] + [c for c in app.conditions if c not in thing], app.case)
    return app


def _tier_of(conditions: list[str], earlier: list[str]) -> bool:
    """A condition that measures what an earlier one measured, with another figure (到位资金在500万美元… /
    到位资金在1000万美元…): the same words up to the first digit, at least six of them."""
    for c in conditions:
        head = re.split(r"\d", c, maxsplit=1)[0]
        if len(head) >= 6 and head != c and any(e != c and e.startswith(head) for e in earlier):
            return True
    return False


_NAMED_APPLICANT = re.compile(r"申报单位|申请单位|申报企业|申请企业|申报主体|企业")
_GENERIC = {"机构", "企业", "单位", "平台", "项目", "人才"}
_THING = re.compile(r"(?:项目|产品|服务|支出|成果|用地|土地|厂房|条件)$")


def _leads_items(clauses: list[Clause], index: int) -> bool:
    """The clause's items below it carry amounts: the clause is their heading."""
    path = clauses[index].path
    for c in clauses[index + 1 :]:
        if not (path and len(c.path) > len(path) and c.path[: len(path)] == path):
            return False
        if any(a.is_grant for a in c.amounts):
            return True
    return False


def _facts(memo: dict[tuple, list], texts: list[str], region, case: str | None) -> list:
    """read_facts of the texts (and case), read once for a document: grants of one list repeat their applicant."""
    key = (case, tuple(texts))
    if key not in memo:
        memo[key] = read_facts(texts, region, case)
    return list(memo[key])


def _indent(text: str, at: int) -> int:
    rest = text[at:]
    return len(rest) - len(rest.lstrip())


def _own_text(c: Clause) -> str:
    """The clause's text without its own label (第七条, (一)), so that a sentence starts with its words."""
    text = c.text
    if c.number and text.startswith(c.number):
        text = text[len(c.number) :]
    return text.lstrip()


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0]


_SENTENCE_END = re.compile(r"[。；;\n]")


def _under_grant(granting: set[tuple[str, ...]], path: list[str]) -> bool:
    return any(tuple(path[:k]) in granting for k in range(1, len(path)))


class _Lead:
    """A clause's lead, read only when a grant below or in it asks: reading the applicant of every
    clause's first sentence was a fifth of clean().  ``ancestors`` are the leads of its parents as
    they stood when the clause was met (nearest first); ``under_grant`` likewise."""

    __slots__ = ("text", "ancestors", "under_grant", "_value")

    def __init__(self, text: str, ancestors: list[_Lead], under_grant: bool) -> None:
        self.text, self.ancestors, self.under_grant = text, ancestors, under_grant
        self._value: Applicant | None = None

    def get(self) -> Applicant:
        if self._value is None:
            parent = next((a.get() for a in self.ancestors if a.get().beneficiary), None)
            lead = _clause_lead(self.text, parent)
            if lead.from_parent and self.under_grant:
                # items under a clause that grants on its own terms (第八条's (一) 落户奖励) are its parts,
                # not cases of a list's heading: the clause's conditions stay with its own grant
                lead = replace(lead, from_parent=False)
            self._value = lead
        return self._value


def _department(clauses: list[Clause], index: int, sentence: str) -> str | None:
    """Who accepts or pays: the body that 认定/审定 it in the sentence, else the clause's (or its
    parent's) 责任单位 tag: the names of the tag closing the sentence's paragraph as printed up to the
    first comma (（责任单位：市发展改革委、市科技局、市财政局）), else the tag's first name."""
    m = _EXAMINER.search(sentence)
    if m:
        return m.group("d")
    printed = _tag_after(clauses[index].text, sentence)
    if printed:
        return printed
    path = clauses[index].path
    for j in range(index, -1, -1):
        c = clauses[j]
        if j != index and not (len(c.path) < len(path) and path[: len(c.path)] == c.path):
            continue
        if c.department_tags:
            return c.department_tags[0].name
        if j != index and len(c.path) <= 1:
            break
    return None


_TAG = re.compile(r"[（(〔【]\s*(?:责任单位|牵头单位|责任部门)\s*[:：]\s*")


def _tag_after(text: str, sentence: str) -> str | None:
    """The names of the first 责任单位 tag after the sentence, as printed up to the tag's first comma.

    "…给予最高不超过100万元资金奖补。（责任单位：市发展改革委、市科技局、市经济信息化局）" gives the
    three names; "〔责任单位：市经济信息化局、市财政局，各县（市、区）人民政府…具体组织实施〕" the first
    two (after the comma come those who carry it out).  A bracket inside a name (市委组织部（市人才办）)
    stays in it.
    """
    at = text.find(sentence) if sentence else -1
    m = _TAG.search(text, max(at, 0) + len(sentence) if at >= 0 else 0)
    if not m:
        return None
    depth, end = 0, len(text)
    for j in range(m.end(), len(text)):
        ch = text[j]
        if ch in "（(〔【":
            depth += 1
        elif ch in "）)〕】":
            if depth == 0:
                end = j
                break
            depth -= 1
        elif depth == 0 and ch in "，,；;。\n":
            end = j
            break
    names = text[m.end() : end].strip()
    return names or None
