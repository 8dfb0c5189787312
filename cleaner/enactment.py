"""The adoption, promulgation and amendment lines of laws and regulations.

A law or regulation prints its history under the title, one event a line or
run together in brackets:

    1993年8月29日 国务院批准
    1993年9月15日 国家民族事务委员会令第2号发布
    （2015年9月25日浙江省第十二届人民代表大会常务委员会第二十二次会议通过
      根据2017年9月30日……《关于修改〈……〉的决定》修正）

Each event is a date, a body (a 人大 session, a 常务会议, a 令, a decision
named in 《》) and a verb (通过, 批准, 公布/发布, 修正/修订, 施行).  They
name who made the document (the issuer), when it was adopted (``signed``)
and promulgated (``published``), and its history; they are never a clause
and never part of the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Enactment

from .dates import parse_date

_DATE = (
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
)
# The verbs an event ends with; the longest first so "修订通过" is read whole.
_VERBS = ("修订通过", "修正通过", "公布施行", "发布施行", "通过", "批准", "公布", "发布", "颁布", "修正", "修订",
          "施行", "实行", "生效", "执行")  # fmt: skip
_VERB_END = re.compile(
    r"(?:(?:"
    + "|".join(_VERBS)
    + r")(?:[，,]?\s*(?:自(?:公布|发布)之日起)?(?:施行|实行))?|令第\d{1,4}号|通过的《.+》)"
    r"\s*[）)]?\s*$"
)
# "……会议通过的《……的决定》": the decision or amendment that changed the text
_AMENDED_BY = re.compile(r"^(?P<body>.*?)通过的《.+》$")
_EVENT_START = re.compile(rf"(?:根据\s*)?{_DATE}")
_LINE_START = re.compile(rf"^\s*[（(]?\s*(?:根据\s*)?{_DATE}")
# "公布之日施行", "本修正案自公布之日起实行", "2019年3月1日 施行", "本条例自2015年11月1日起施行"
_IN_FORCE = re.compile(
    rf"^[（(]?(?:本[\u4e00-\u9fff]{{1,6}}?)?自?(?:(?P<date>{_DATE})|(?P<act>公布|发布)之日)\s*起?(?:施行|实行|生效)[）)]?$"
)
_ACTIONS = {
    "修订通过": "修订",
    "修正通过": "修正",
    "公布施行": "公布",
    "发布施行": "发布",
    "颁布": "公布",
    "实行": "施行",
    "生效": "施行",
    "执行": "施行",
}
_CONGRESS = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{0,16}?)第[一二三四五六七八九十百]+届(?P<body>(?:全国)?人民代表大会(?:常务委员会)?|人大常委会)"
)
# "国务院第76次常务会议", "国家互联网信息办公室2021年第20次室务会议审议": the session, not the body
_SESSION = re.compile(
    r"(?:(?:\d{4}年)?第[一二三四五六七八九十百\d]+次)?(?:常务|全体|主任|室务|部务|局务|委务|署务|办公|行务)?会议(?:审议|讨论)?$"
)
_ORDER = re.compile(r"(?:令)?第[\d一二三四五六七八九十百]+号(?:令)?$|令$|公告$")
_NATION = "中华人民共和国"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass
class Record:
    """What a head's enactment lines say: the events, and the fields they fill."""

    end: int  # lines[start:end] were the enactment lines
    events: list[Enactment] = field(default_factory=list)
    issuer: str | None = None
    adopted: str | None = None  # the date the enacting body adopted it (通过)
    promulgated: str | None = None  # the date it was promulgated (公布/发布)
    effective: str | None = None
    order: str | None = None  # the 令 that promulgated it: "国务院令第735号"

    @property
    def published(self) -> str | None:
        return self.promulgated or self.adopted or next((e.date for e in self.events if e.date), None)

    @property
    def signed(self) -> str | None:
        return self.adopted or self.promulgated


def is_enactment_line(line: str) -> bool:
    """A line that is (the start of) an adoption, promulgation, amendment or in-force line."""
    s = line.strip()
    if len(s) > 600:
        return False  # (before the translation, which keeps the length: a long paragraph is not copied)
    s = s.translate(_FULL_WIDTH_DIGITS)
    if _IN_FORCE.match(s):
        return True
    if not _LINE_START.match(s) or s.endswith(("。", "；")):
        return False
    # the first line of an event broken over lines ("1988年12月17日 中华人民共和国国务院") has no verb yet
    return bool(_VERB_END.search(s)) or (len(s) < 40 and not re.search(r"[，,。；;：:]", s))


def read_enactment(lines: list[str], start: int) -> Record | None:
    """The enactment lines from ``start`` on (they may run over several lines), or None."""
    offset = start
    lines = [ln.translate(_FULL_WIDTH_DIGITS) for ln in lines[start : start + 40]]  # １９９４年７月５日
    start = 0
    i = start
    block: list[str] = []
    while i < len(lines) and i < start + 30:
        line = lines[i].strip()
        if _IN_FORCE.match(line):
            block.append(line)
            i += 1
            continue
        if _LINE_START.match(line) and len(line) <= 600:
            # an event broken over lines: "1988年12月17日 中华人民共和国国务院" / "中央军事委员会令第22号发布"
            j = i
            joined = line
            while not _VERB_END.search(joined) and j + 1 < len(lines) and j - i < 6:
                nxt = lines[j + 1].strip()
                if _LINE_START.match(nxt) or len(nxt) > 80 or nxt.endswith(("。", "；", "：", ":")):
                    break
                joined += " " + nxt
                j += 1
            # "2010年7月21日 国务院第120次常务会议" / "2010年3月29日 中央军事委员会常务会议修订": two sessions acting together
            verbless = len(joined) < 80 and j + 1 < len(lines) and is_enactment_line(lines[j + 1])
            if not (_VERB_END.search(joined) or (block and verbless)):
                break
            block.append(joined)
            i = j + 1
            continue
        if block and len(line) < 80 and _VERB_END.search(line) and not re.search(r"[。；，,：:]", line):
            block[-1] += " " + line  # a joint promulgation: "……令第8号" / "国家体育运动委员会令第11号发布"
            i += 1
            continue
        break
    if not block:
        return None
    return _record(block, offset + i)


def _record(block: list[str], end: int) -> Record:
    rec = Record(end=end)
    effective_on_promulgation = False
    for line in block:
        m = _IN_FORCE.match(line)
        if m:
            if m.group("date"):
                rec.effective = parse_date(m.group("date"))
                rec.events.append(Enactment(date=rec.effective, action="施行", text=line))
            else:
                effective_on_promulgation = True
            continue
        text = re.sub(r"^[（(]|[）)]$", "", line.strip())
        starts = [m.start() for m in _EVENT_START.finditer(text) if not _inside_title(text, m.start())]
        for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
            # "2021年1月15日国务院令第735号公布，自2021年5月1日起施行": the 自 belongs to the next event
            event = _event(re.sub(r"[，,；;\s]*自$", "", text[a:b].strip(" ，,；;")))
            if event:
                rec.events.append(event)
    for e in rec.events:
        if e.action == "通过" and rec.adopted is None:
            rec.adopted = e.date
        elif e.action in ("公布", "发布") and rec.promulgated is None:
            rec.promulgated = e.date
        elif e.action == "施行":
            rec.effective = e.date
        if e.text.endswith(("公布施行", "发布施行")) and not rec.effective:
            rec.effective = e.date
    if effective_on_promulgation and not rec.effective:
        rec.effective = rec.promulgated
    rec.issuer = _issuer(rec.events)
    for e in rec.events:
        m = (
            _ORDER_NUMBER.search(_EVENT_START.sub("", e.text, count=1))
            if e.action in ("公布", "发布")
            else None
        )
        if m:
            rec.order = re.sub(r"\s+", "", m.group(0))
            break
    return rec


# "国务院令第735号", "中华人民共和国国务院令第692号", "国家民族事务委员会令第2号": the order that promulgated it
_ORDER_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,30}?令\s*第\s*[\d一二三四五六七八九十百]{1,6}\s*号")


def _inside_title(text: str, pos: int) -> bool:
    """A date inside 《…》 is part of a cited title, not the start of an event."""
    before = text[:pos]
    return before.count("《") > before.count("》")


def _event(text: str) -> Enactment | None:
    m = _EVENT_START.match(text)
    if not m:
        return None
    date = parse_date(m.group(0))
    rest = text[m.end() :].strip()
    amended = _AMENDED_BY.match(rest)
    if amended:
        return Enactment(
            date=date, action="修正", body=_organ(amended.group("body")), text=re.sub(r"\s+", " ", text)
        )
    verb = next(
        (v for v in _VERBS if re.search(rf"{v}(?:[，,]?\s*(?:自(?:公布|发布)之日起)?(?:施行|实行))?$", rest)),
        None,
    )
    if verb is None:
        if not re.search(r"令第\d{1,4}号$", rest):
            return None
        verb = ""  # "2017年11月22日 中华人民共和国国务院令第692号": a 令 promulgates
    action = _ACTIONS.get(verb, verb) or "公布"
    body = rest[: rest.rfind(verb)].strip() if verb else rest
    if re.search(r"第[一二三四五六七八九十]+次$", body):  # "……的决定》第一次修订"
        body = re.sub(r"第[一二三四五六七八九十]+次$", "", body).strip()
    if action == "通过" and ("修订" in body[-4:] or "修正" in body[-4:]):
        action = "修订" if "修订" in body[-4:] else "修正"
    return Enactment(date=date, action=action, body=_organ(body), text=re.sub(r"\s+", " ", text))


def _organ(body: str) -> str | None:
    """The body an event names: a 人大 (without its 届), a government, a ministry, the issuer of a 《decision》."""
    body = re.sub(r"^(?:经|由|根据)", "", body.strip()).strip()
    if not body:
        return None
    m = _CONGRESS.search(body)
    if m:
        name = m.group("body").replace("人大常委会", "人民代表大会常务委员会")
        return (m.group("place") + name) if not name.startswith("全国") else name
    if body.startswith("《"):  # 《国务院关于修改部分行政法规的决定》: the decision's issuer
        inner = re.match(r"《\s*(.+?)(?:关于|》)", body)
        return _organ(inner.group(1)) if inner and "关于" in body else None
    body = re.split(r"[《]", body)[0].strip()
    first = re.split(r"[\s、，,]+|(?<=[院部委局署行会厅])和", body)[
        0
    ]  # a joint issue is filed under the first body
    first = _SESSION.sub("", first).strip()
    first = re.sub(r"令$", "", _ORDER.sub("", first).strip())
    if first.startswith(_NATION) and len(first) > len(_NATION):
        first = first[len(_NATION) :]
    if not re.fullmatch(r"[\u4e00-\u9fff（）()]{2,30}", first):
        return None
    return first


def _issuer(events: list[Enactment]) -> str | None:
    """Who made it: a legislature that adopted it, else the body that promulgated it, else whoever adopted or approved."""
    for e in events:
        if e.action == "通过" and e.body and "人民代表大会" in e.body:
            return e.body
    for action in (("公布", "发布"), ("通过",), ("批准",)):
        for e in events:
            if e.action in action and e.body:
                return e.body
    return None
