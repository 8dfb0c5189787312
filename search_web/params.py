"""Search parameters from a query string: one parser for the page, the API, exports and feeds.

Every face of a search takes the same parameters, so a URL copied from the
page works on ``/api/search``, ``/export/search.csv`` and ``/feeds/search.atom``.
Bad values are refused with a message the user can act on (HTTP 400), never
silently replaced: a wrong filter that is dropped looks like a wrong answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from indexer import Filters
from reasoning.status import STATUSES

SORTS = ("relevance", "date", "amount")
DRAFTS = ("include", "exclude", "only")
MAX_PAGE = 50  # the indexer refuses deeper pages: Whoosh collects page * per_page hits


class ParamError(ValueError):
    """A query-string value that cannot be used; the message is shown to the user (in Chinese)."""


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    region: str | None = None
    issuer: str | None = None
    department: str | None = None
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_yuan: float | None = None
    drafts: str = "include"
    status: str | None = None  # in_force, expired, …; several comma-separated
    validity: str = (
        "all"  # all | in_force (in force or unknown) | strict (known in force): in_force=1, strict=1
    )
    sort: str = "relevance"
    collapse: bool = False
    page: int = 1
    per_page: int = 10

    def filters(self) -> Filters:
        return Filters(
            region=self.region,
            issuer=self.issuer,
            department=self.department,
            doc_type=self.doc_type,
            year_from=self.year_from,
            year_to=self.year_to,
            min_yuan=self.min_yuan,
            drafts=self.drafts,
            status=self.status,
            validity=self.validity or "all",
        )

    def with_(self, **changes) -> SearchParams:
        """A copy with some values changed; any filter change goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)

    def args(self) -> dict[str, str]:
        """The query-string form, default values left out (for links that keep the search)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value == f.default or value is None:
                continue
            key = _ARG_NAMES.get(f.name, f.name)
            if isinstance(value, bool):
                out[key] = "1"
            elif isinstance(value, float):
                out[key] = f"{value:g}"
            else:
                out[key] = str(value)
        return out

    @property
    def active_filters(self) -> list[tuple[str, str, str]]:
        """(field, label, value) of the filters in force, for removable chips."""
        out = []
        for name, label in FILTER_LABELS.items():
            value = getattr(self, name)
            if value not in (None, "", "include", "all"):
                out.append((name, label, _show(name, value)))
        return out


_ARG_NAMES = {"doc_type": "type"}

FILTER_LABELS = {
    "region": "地区",
    "issuer": "发文机关",
    "department": "责任单位",
    "doc_type": "文种",
    "year_from": "起始年份",
    "year_to": "截止年份",
    "min_yuan": "最低金额",
    "drafts": "征求意见稿",
    "status": "效力",
    "validity": "效力",
}
VALIDITY_LABELS = {"all": "全部", "in_force": "现行有效（含未注明）", "strict": "仅确定现行有效"}


def _show(name: str, value) -> str:
    if name == "drafts":
        return {"exclude": "不含", "only": "仅看"}.get(value, value)
    if name == "min_yuan":
        return format_yuan(value)
    if name == "validity":
        return VALIDITY_LABELS.get(value, value)
    if name == "status":
        from .labels import STATUS_LABELS

        return "、".join(STATUS_LABELS.get(v, v) for v in str(value).split(","))
    return str(value)


def format_yuan(yuan: float | None) -> str:
    """10000000 -> 1000万元; 5000 -> 5000元; Chinese readers count in 万 and 亿."""
    if yuan is None:
        return ""
    if yuan >= 1e8:
        return f"{yuan / 1e8:g}亿元"
    if yuan >= 1e4:
        return f"{yuan / 1e4:g}万元"
    return f"{yuan:g}元"


def parse_search(
    args: Mapping[str, str], *, max_query_chars: int = 200, max_per_page: int = 100
) -> SearchParams:
    """Read and check every search parameter; raises ParamError with a Chinese message."""
    q = " ".join((args.get("q") or "").split())
    if len(q) > max_query_chars:
        raise ParamError(f"查询词过长（{len(q)} 个字符），请不超过 {max_query_chars} 个字符")
    year = _int(args, "year", 1900, 2100)
    year_from = _int(args, "year_from", 1900, 2100) or year
    year_to = _int(args, "year_to", 1900, 2100) or year
    if year_from and year_to and year_from > year_to:
        raise ParamError(f"起始年份 {year_from} 晚于截止年份 {year_to}")
    min_yuan = _float(args, "min_yuan")
    min_wan = _float(args, "min_wan")  # the finder's form asks in 万元, as people count
    if min_wan is not None:
        min_yuan = min_wan * 1e4
    drafts = args.get("drafts") or "include"
    if drafts not in DRAFTS:
        raise ParamError(f"drafts 只能是 {' / '.join(DRAFTS)}")
    status = _text(args, "status")
    if status:
        status = ",".join(dict.fromkeys(v.strip() for v in status.split(",") if v.strip()))
        unknown = [v for v in status.split(",") if v not in STATUSES]
        if unknown:
            raise ParamError(f"status 只能是 {' / '.join(STATUSES)} 中的一个或几个（逗号分隔）")
    validity = args.get("validity") or "all"
    if _flag(args, "strict"):
        validity = "strict"
    elif _flag(args, "in_force"):
        validity = "in_force"
    if validity not in VALIDITY_LABELS:
        raise ParamError(f"validity 只能是 {' / '.join(VALIDITY_LABELS)}")
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise ParamError(f"sort 只能是 {' / '.join(SORTS)}")
    return SearchParams(
        q=q,
        region=_text(args, "region"),
        issuer=_text(args, "issuer"),
        department=_text(args, "department"),
        doc_type=_text(args, "type"),
        year_from=year_from,
        year_to=year_to,
        min_yuan=min_yuan or None,
        drafts=drafts,
        status=status or None,
        validity=validity,
        sort=sort,
        collapse=(args.get("collapse") or "") in ("1", "true", "on", "yes"),
        page=_int(args, "page", 1, MAX_PAGE) or 1,
        per_page=_int(args, "per_page", 1, max_per_page) or 10,
    )


def _flag(args: Mapping[str, str], key: str) -> bool:
    return (args.get(key) or "").strip().lower() in ("1", "true", "on", "yes")


def _text(args: Mapping[str, str], key: str, limit: int = 100) -> str | None:
    value = " ".join((args.get(key) or "").split())
    if len(value) > limit:
        raise ParamError(f"参数 {key} 过长，请不超过 {limit} 个字符")
    return value or None


def _int(args: Mapping[str, str], key: str, low: int, high: int) -> int | None:
    raw = (args.get(key) or "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit():
        raise ParamError(f"参数 {key} 应为整数，收到 {raw[:20]!r}")
    value = int(raw)
    if not low <= value <= high:
        raise ParamError(f"参数 {key} 应在 {low} 到 {high} 之间")
    return value


def _float(args: Mapping[str, str], key: str) -> float | None:
    raw = (args.get(key) or "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ParamError(f"参数 {key} 应为数字，收到 {raw[:20]!r}") from None
    if not 0 <= value < 1e13:
        raise ParamError(f"参数 {key} 超出范围")
    return value
