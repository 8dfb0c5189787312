"""Which grants fit my company: the /match page, /api/match, its CSV export and its Atom feed.

The company profile comes in the query string (a GET form), so it lives in the
browser and in the URL a user bookmarks or subscribes to, and never on the
server: nothing here writes it anywhere.  Every face calls
``reasoning.support.match`` on the store's grants, the same as ``policy match``.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from corpus.store import now_iso
from reasoning.support import (
    MatchResult,
    Profile,
    ProfileError,
    match,
    profile_from,
    stored_candidates,
)

from . import atom
from .anchors import clause_anchor
from .context import store
from .export import csv_lines
from .labels import AMOUNT_KINDS, LEVELS, STATUS_LABELS
from .params import ParamError, format_yuan

bp = Blueprint("match", __name__)

# query-string keys of a profile (money in 万元, ratios in %), as the form names them
PROFILE_KEYS = (
    "name",
    "region",
    "industries",
    "qualifications",
    "founded",
    "employees",
    "revenue_wan",
    "rd_spend_wan",
    "rd_ratio",
    "tax_wan",
    "patents",
    "registered_capital_wan",
)
QUALIFICATION_CHOICES = (
    "高新技术企业",
    "科技型中小企业",
    "专精特新",
    "规上",
    "瞪羚",
    "独角兽",
    "新型研发机构",
    "孵化器",
)
VERDICT_LABELS = {"met": "符合", "unmet": "不符合", "unknown": "待确认"}
DEADLINE_LABELS = {"open": "申报中", "upcoming": "未开始", "none": "未列明截止日期", "closed": "已截止"}
BENEFIT_LABELS = {
    "grant": "资助",
    "reward": "奖励",
    "subsidy": "补助",
    "interest_subsidy": "贴息",
    "tax": "税收优惠",
    "voucher": "券",
    "other": "其他支持",
}
CSV_COLUMNS = (
    ("title", "政策名称"),
    ("issuer", "发文机关"),
    ("doc_number", "文号"),
    ("published", "发布日期"),
    ("clause", "条款"),
    ("amount_text", "金额"),
    ("amount_kind", "金额类型"),
    ("low", "最低金额"),
    ("high", "最高金额"),
    ("level", "资金层级"),
    ("benefit", "支持方式"),
    ("beneficiary", "支持对象"),
    ("verdict", "匹配结果"),
    ("met", "符合的条件"),
    ("unmet", "不符合的条件"),
    ("unknown", "待确认的条件"),
    ("deadline", "截止日期"),
    ("deadline_state", "申报状态"),
    ("status", "政策效力"),
    ("department", "受理部门"),
    ("phone", "联系电话"),
    ("link", "链接"),
)


def profile_args() -> dict[str, str]:
    """The profile keys of the request's query string (several qualifications come as repeats),
    with the day to judge on when one is given (links and exports keep it)."""
    out: dict[str, str] = {}
    for key in PROFILE_KEYS:
        values = [v.strip() for v in request.args.getlist(key) if v.strip()]
        if values:
            out[key] = "、".join(values)
    if request.args.get("today"):
        out["today"] = request.args["today"]
    return out


def profile_from_request() -> Profile | None:
    args = {k: v for k, v in profile_args().items() if k != "today"}
    if not any(k != "name" for k in args):
        return None
    try:
        return profile_from(args)
    except ProfileError as e:
        raise ParamError(f"企业信息有误：{e}") from None


def today() -> date:
    given = request.args.get("today")
    if given:
        try:
            return date.fromisoformat(given)
        except ValueError:
            raise ParamError("today 应为日期，如 2024-05-01") from None
    return date.today()


def run(profile: Profile) -> MatchResult:
    return match(profile, stored_candidates(store()), today(), include_unmet=request.args.get("all") == "1")


@bp.get("/match")
def match_page():
    profile = profile_from_request()
    result = run(profile) if profile else None
    args = profile_args()
    return render_template(
        "match.html",
        profile=profile,
        result=result,
        args=args,
        held=set(profile.qualifications) if profile else set(),  # however typed: a,b or a、b or repeats
        choices=QUALIFICATION_CHOICES,
        show_all=request.args.get("all") == "1",
        today_arg=request.args.get("today", ""),
        labels={
            "verdict": VERDICT_LABELS,
            "deadline": DEADLINE_LABELS,
            "benefit": BENEFIT_LABELS,
            "kind": AMOUNT_KINDS,
            "level": LEVELS,
            "status": STATUS_LABELS,
        },
    )


@bp.get("/api/match")
def api_match():
    profile = profile_from_request()
    if profile is None:
        raise ParamError("请至少填写一项企业信息，如 region=淄博市&qualifications=高新技术企业")
    return jsonify(run(profile).to_dict())


@bp.get("/export/match.csv")
def export_match_csv():
    profile = profile_from_request()
    if profile is None:
        raise ParamError("请至少填写一项企业信息")
    rows = [csv_row(r) for r in run(profile).rows]
    headers = tuple(label for _, label in CSV_COLUMNS)
    labelled = ({label: row[key] for key, label in CSV_COLUMNS} for row in rows)
    return Response(
        csv_lines(labelled, headers),
        headers={
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": 'attachment; filename="match.csv"',
        },
    )


def csv_row(r) -> dict:
    by = {v: "；".join(c.text for c in r.conditions if c.verdict == v) for v in ("met", "unmet", "unknown")}
    amount = r.amount or {}
    return {
        "title": r.title,
        "issuer": r.issuer,
        "doc_number": r.doc_number,
        "published": r.published,
        "clause": " ".join(r.path),
        "amount_text": amount.get("text"),
        "amount_kind": AMOUNT_KINDS.get(amount.get("kind") or "", ""),
        "low": format_yuan(r.low) if r.low is not None else "",
        "high": format_yuan(r.high) if r.high is not None else "",
        "level": LEVELS.get(r.level or "", ""),
        "benefit": BENEFIT_LABELS.get(r.benefit, r.benefit),
        "beneficiary": r.beneficiary,
        "verdict": VERDICT_LABELS[r.verdict],
        **by,
        "deadline": r.deadline,
        "deadline_state": deadline_words(r),
        "status": STATUS_LABELS.get(r.status, r.status),
        "department": r.department,
        "phone": "、".join((r.contact or {}).get("phone") or []),
        "link": url_for(
            "pages.document", doc_id=r.doc_id, _anchor=clause_anchor(r.clause_id), _external=True
        ),
    }


def deadline_words(r) -> str:
    if r.deadline_state == "open":
        return f"申报中，还有 {r.days_left} 天"
    if r.deadline_state == "upcoming":
        return f"{r.days_left} 天后开始受理"
    return DEADLINE_LABELS[r.deadline_state]


@bp.get("/feeds/match.atom")
def match_feed():
    """New grants that fit a profile given in the URL, newest document first (a saved matcher)."""
    profile = profile_from_request()
    if profile is None:
        return Response(
            "缺少企业信息（如 region、qualifications）\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    result = run(profile)
    rows = sorted(result.rows, key=lambda r: (r.first_seen or "", r.published or ""), reverse=True)
    rows = rows[: current_app.config["FEED_ENTRIES"]]
    now = now_iso()
    entries = []
    for r in rows:
        link = url_for("pages.document", doc_id=r.doc_id, _anchor=clause_anchor(r.clause_id), _external=True)
        amount = (r.amount or {}).get("text") or "金额未列明"
        entries.append(
            atom.Entry(
                id=f"{link}#{r.clause_id}:{r.sentence[:20]}",
                title=f"{amount} · {r.title or '（无标题）'}",
                updated=atom.rfc3339(r.first_seen, now),
                published=atom.rfc3339(r.published, None) if r.published else None,
                link=link,
                source_link=r.url if (r.url or "").startswith(("http://", "https://")) else None,
                summary=" · ".join(
                    x
                    for x in (
                        VERDICT_LABELS[r.verdict],
                        r.beneficiary,
                        deadline_words(r),
                        STATUS_LABELS.get(r.status, r.status),
                        r.sentence[:200],
                    )
                    if x
                ),
                categories=[BENEFIT_LABELS.get(r.benefit, r.benefit)],
            )
        )
    page = url_for("match.match_page", _external=True, **profile_args())
    feed = atom.Feed(
        id=request.url,
        title=f"科技政策检索：适合{profile.name or '本企业'}的扶持政策",
        subtitle=f"共 {len(result.rows)} 项，按收录时间排列",
        updated=max((e.updated for e in entries), default=now),
        self_link=request.url,
        html_link=page,
        entries=entries,
    )
    return Response(atom.render(feed), content_type="application/atom+xml; charset=utf-8")
