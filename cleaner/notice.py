"""What a support notice states once for all its grants: its 申报对象, 申报条件, 申报时间,
受理部门 and 联系方式 sections (a 办事指南 or 申报通知), read into ``SupportTerms``.

A section is a numbered clause whose text opens with its label (二、申请条件,
一、适用范围新引进…); its items are the conditions, one numbered item one
condition, an item's sub-list (须满足以下条件之一：（1）…（4）) joined into it by ；.
Sections a grant never comes from (申请材料, 办理流程, 受理时间 as office hours,
政策依据 …) are named too, so that their amounts are not read as grants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Clause, Contact, SupportTerms

from .deadlines import read_window

SECTIONS = {
    "beneficiary": r"申报对象|申请对象|支持对象|扶持对象|资助对象|奖补对象|奖励对象|适用对象|适用范围|实施对象|补贴对象",
    "conditions": r"申请条件|申报条件|申报要求|申请要求|支持条件|扶持条件|资格条件|基本条件|认定条件|奖补条件|补贴条件",
    "time": r"申请时间|申报时间|申报期限|申请期限|申报日期|受理期限|申报截止时间|截止时间|集中受理时间|申报时限",
    "department": r"受理部门|受理单位|受理机构|受理地点|受理窗口|业务主管部门|主管部门|申报受理",
    "contact": r"联系方式|联系电话|咨询电话|联系人|咨询方式",
    "skip": r"申请材料|申报材料|所需材料|提交材料|办理流程|申报程序|申报流程|办理程序|政策依据|办理时限|受理时间|"
    r"其他事项|注意事项|有关要求|工作要求|审核流程|评审程序|资金拨付|监督管理|附件",
}
_LABEL = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|[（(]\d+[)）])?\s*"
)
_PHONE = re.compile(
    r"(?<![\d-])(?:0\d{2,3}[-－—]\d{7,8}(?:[-－—]\d{1,4})?|1[3-9]\d{9}|\d{7,8}(?=[，,；;。\s）)]|$))"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://[\w./?=&%#:-]+[\w/]")
_ADDRESS = re.compile(r"(?:窗口地址|办公地址|受理地址|联系地址|地址)[：:]\s*(?P<a>[^）)\n；;，,]+)")


@dataclass
class Sections:
    """Where each section of a notice is: the index of its clause, by kind."""

    found: dict[str, list[int]] = field(default_factory=dict)

    def kind_of(self, index: int, clauses: list[Clause]) -> str | None:
        """The section kind a clause is in (its own, or the nearest section above it)."""
        path = clauses[index].path
        for kind, where in self.found.items():
            for i in where:
                top = clauses[i].path
                if i == index or (top and len(path) > len(top) and path[: len(top)] == top and i < index):
                    return kind
        return None


# compiled once: section_kind runs on every clause of every page
_OPENS = {
    kind: re.compile(rf"(?:{pattern})(?:[：:\s]|$|[\u4e00-\u9fff])") for kind, pattern in SECTIONS.items()
}


def section_kind(clause: Clause) -> str | None:
    """The section a numbered clause opens (申请条件 → conditions), from the words after its label."""
    if not clause.number:
        return None
    opening = _LABEL.sub(
        "", (clause.heading or "") + " " + clause.text if clause.heading else clause.text
    ).strip()
    for kind, opens in _OPENS.items():
        if opens.match(opening[:20]):
            if (
                kind == "skip"
                and opening.startswith("受理时间")
                and re.search(r"\d{1,2}月\d{1,2}日", opening)
            ):
                return "time"  # 受理时间 with dates is the window, not office hours
            return kind
    return None


def find_sections(clauses: list[Clause]) -> Sections:
    out = Sections()
    for i, c in enumerate(clauses):
        kind = section_kind(c)
        if kind:
            out.found.setdefault(kind, []).append(i)
    return out


def read_terms(clauses: list[Clause], sections: Sections, year: str | None) -> SupportTerms | None:
    """The notice's terms, or None when it prints none of these sections."""
    terms = SupportTerms()
    phones: list[str] = []
    emails: list[str] = []
    urls: list[str] = []
    address = None
    for kind, where in sections.found.items():
        for i in where:
            body = _body(clauses[i])
            children = _children(clauses, i)
            if kind == "conditions":
                terms.conditions += _items(clauses, children) or _sentences(body)
            elif kind == "beneficiary" and not terms.beneficiary:
                terms.beneficiary = _first_sentence(body)
                if terms.beneficiary and not children:
                    terms.conditions.insert(0, terms.beneficiary)
            elif kind == "time" and not terms.window:
                terms.window, terms.deadline = read_window(body, year)
            elif kind == "department" and not terms.department:
                terms.department = _department_name(body)
            if kind in ("time", "department", "contact", "conditions", "beneficiary"):
                text = body + "".join(clauses[j].text for j in children)
                phones += _PHONE.findall(text) if kind in ("department", "contact") else []
                emails += _EMAIL.findall(text)
                urls += _URL.findall(text)
                if address is None and (m := _ADDRESS.search(text)):
                    address = m.group("a").strip()
    if phones or emails or urls or address:
        terms.contact = Contact(
            phone=list(dict.fromkeys(phones)),
            address=address,
            url=urls[0] if urls else None,
            email=list(dict.fromkeys(emails)),
        )
    return None if terms.is_empty() else terms


def _body(clause: Clause) -> str:
    """A section's own text after its label and name (二、申请条件 符合以下…: 符合以下…)."""
    text = _LABEL.sub("", clause.text).strip()
    for pattern in SECTIONS.values():
        m = re.match(rf"(?:{pattern})[：:\s]*", text)
        if m:
            return text[m.end() :].strip()
    return text


def _children(clauses: list[Clause], index: int) -> list[int]:
    top = clauses[index].path
    out = []
    for j in range(index + 1, len(clauses)):
        p = clauses[j].path
        if not (len(p) > len(top) and p[: len(top)] == top):
            break
        out.append(j)
    return out


def _items(clauses: list[Clause], children: list[int]) -> list[str]:
    """One condition per direct item; an item's own sub-items joined into it by ；."""
    if not children:
        return []
    depth = min(len(clauses[j].path) for j in children)
    out: list[str] = []
    for j in children:
        c = clauses[j]
        text = _strip_item(c.text)
        if len(c.path) == depth:
            out.append(text)
        elif out:
            sep = "" if out[-1].endswith(("：", ":")) else "；"
            out[-1] = out[-1] + sep + c.text.strip().rstrip("。；;，,")
    return [o.rstrip("：:") if not re.search(r"[（(]\d+[)）]", o) else o for o in out if o]


def _strip_item(text: str) -> str:
    return _LABEL.sub("", text.split("\n")[0]).strip().rstrip("。；;，,")


def _sentences(body: str) -> list[str]:
    lines = [ln.strip() for ln in re.split(r"[\n。；;]", body) if ln.strip()]
    return [ln.rstrip("：:") for ln in lines if not re.search(r"以下(?:全部|所有)?条件|可以申请", ln)]


def _first_sentence(body: str) -> str | None:
    first = re.split(r"[\n。]", body.strip())[0].strip().rstrip("；;，,")
    return first or None


def _department_name(body: str) -> str | None:
    first = body.strip().split("\n")[0]
    name = re.split(r"[（(，,；;：:]|联系电话|电话|地址", first)[0].strip()
    return name or None
