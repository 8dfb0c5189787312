"""A company profile: what a company says about itself (region, industries, qualifications, money).

Read from a TOML or JSON file, a form or a URL's keys; money as printed
(8000万元, 1.2亿) or in yuan, ratios as fractions or percentages.  The grant
matcher (``reasoning/support.py``) checks every grant's conditions against it.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

QUAL_ALIASES = {
    "高企": "高新技术企业",
    "国家高新技术企业": "高新技术企业",
    "高新技术企业": "高新技术企业",
    "科技型中小企业": "科技型中小企业",
    "专精特新": "专精特新",
    "专精特新中小企业": "专精特新",
    "专精特新小巨人": "专精特新",
    "小巨人": "专精特新",
    "规上": "规上",
    "规模以上": "规上",
    "规上企业": "规上",
    "规模以上企业": "规上",
    "瞪羚": "瞪羚",
    "瞪羚企业": "瞪羚",
    "独角兽": "独角兽",
    "独角兽企业": "独角兽",
}


MONEY_FIELDS = (
    "revenue",
    "sales",
    "retail_sales",
    "rd_spend",
    "tax",
    "project_investment",
    "hitech_output",
    "registered_capital",
)


FIELD_LABELS = {
    "revenue": "营业收入",
    "sales": "销售额",
    "retail_sales": "零售额",
    "sales_growth": "销售增长率",
    "rd_spend": "研发投入",
    "rd_ratio": "研发投入占比",
    "employees": "从业人数",
    "tax": "纳税额",
    "project_investment": "项目投资",
    "hitech_output": "高新技术产品产值",
    "registered_capital": "注册资本",
    # read off conditions, no profile key (the matcher calls them unknown)
    "new_revenue": "新增主营业务收入",
    "taxable_salary": "个人应纳税工资薪金",
    "equipment_purchase": "设备购置额",
    "product_sales": "产品销售收入",
}


class ProfileError(ValueError):
    """A profile that cannot be read: the message says which key and why."""


@dataclass(frozen=True)
class Profile:
    """What a company says about itself.  Money in yuan, rd_ratio and sales_growth as fractions."""

    name: str | None = None
    region: str | None = None  # 广州市南沙区, 山东省淄博市 …
    industries: tuple[str, ...] = ()  # 批发业, 51, 集成电路 …
    qualifications: tuple[str, ...] = ()  # 高新技术企业, 科技型中小企业, 专精特新, 规上 …
    founded: str | None = None  # YYYY or YYYY-MM-DD
    employees: float | None = None
    revenue: float | None = None
    sales: float | None = None
    retail_sales: float | None = None
    sales_growth: float | None = None
    rd_spend: float | None = None
    rd_ratio: float | None = None
    tax: float | None = None
    patents: float | None = None
    project_investment: float | None = None
    hitech_output: float | None = None
    registered_capital: float | None = None  # paid-in (实缴) capital, yuan

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in d.items() if v not in (None, (), [])}


def load_profile(path: str | Path) -> Profile:
    """A profile from a .toml or .json file."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ProfileError(f"cannot read the profile {p}: {e.strerror}") from None
    try:
        data = tomllib.loads(raw) if p.suffix.lower() == ".toml" else json.loads(raw)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise ProfileError(
            f"{p} is not valid {'TOML' if p.suffix.lower() == '.toml' else 'JSON'}: {e}"
        ) from None
    if not isinstance(data, dict):
        raise ProfileError(f"{p}: a profile is a table of keys (region, qualifications, revenue …)")
    return profile_from(data)


def profile_from(data: dict[str, Any]) -> Profile:
    """A profile from plain keys (a file's, a form's or a URL's): money as a number of yuan or as
    printed ("8000万元", "1.2亿"), *_wan keys in 万元, ratios as fractions or percentages ("4%")."""
    known = {f for f in Profile.__dataclass_fields__}
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value in (None, "", [], ()):
            continue
        base = key[:-4] if key.endswith("_wan") else key
        if base not in known:
            raise ProfileError(f"unknown profile key {key!r} (known: {', '.join(sorted(known))})")
        if base in ("industries", "qualifications"):
            items = value if isinstance(value, (list, tuple)) else re.split(r"[,，、;；\s]+", str(value))
            out[base] = tuple(str(i).strip() for i in items if str(i).strip())
        elif base in ("name", "region", "founded"):
            out[base] = str(value).strip()
        else:
            out[base] = _number(key, value)
    if "founded" in out and not re.fullmatch(r"(?:19|20)\d{2}(?:-\d{2}-\d{2})?", out["founded"]):
        raise ProfileError(f"founded must be YYYY or YYYY-MM-DD, not {out['founded']!r}")
    return Profile(**out)


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ProfileError(f"{key} must be a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "")
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(亿|万)?\s*元?\s*(%|％)?", text)
        if not m:
            raise ProfileError(f"{key} must be a number (or 8000万元, 4%), not {value!r}")
        number = float(m.group(1)) * {"亿": 1e8, "万": 1e4, None: 1}[m.group(2)]
        if m.group(3):
            number /= 100
    if key.endswith("_wan"):
        number *= 1e4
    if key in ("rd_ratio", "sales_growth") and number > 1:
        number /= 100  # 4 means 4%
    if number < 0:
        raise ProfileError(f"{key} cannot be negative")
    return number
