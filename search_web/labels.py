"""The site's Chinese labels, kept as data apart from the views that use them."""

from __future__ import annotations

AMOUNT_KINDS = {
    "cap": "最高",
    "fixed": "定额",
    "per_unit": "按标准",
    "total": "总额",
    "target": "目标",
}
# Kinds that are money given to an applicant; a fund's total or an output target is not a grant.
GRANT_KINDS = ("cap", "fixed", "per_unit")

FACETS = {  # facet field of indexer.search -> (label, query-string parameter it sets)
    "province": ("省份", "region"),
    "city": ("城市", "region"),
    "county": ("区县", "region"),
    "issuer": ("发文机关", "issuer"),
    "department": ("责任单位", "department"),
    "doc_type": ("文种", "type"),
    "year": ("年份", "year"),
    "draft": ("征求意见稿", "drafts"),
}

SORT_LABELS = {"relevance": "相关度", "date": "最新发布", "amount": "金额最高"}

DOC_FIELDS = (  # (attribute of Document, label) for the metadata table
    ("title", "标题"),
    ("issuer", "发文机关"),
    ("doc_number", "文号"),
    ("index_no", "索引号"),
    ("signed", "成文日期"),
    ("published", "发布日期"),
    ("doc_type", "文种"),
    ("effective", "施行日期"),
    ("expires", "有效期至"),
    ("validity_text", "有效期说明"),
)

CHANGE_ACTIONS = {"new": "首次收录", "changed": "内容更新", "deleted": "已删除"}
