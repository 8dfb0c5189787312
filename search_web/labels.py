"""The site's Chinese labels, kept as data apart from the views that use them."""

from __future__ import annotations

from corpus.model import GRANT_KINDS as _GRANT_KINDS

AMOUNT_KINDS = {
    "cap": "最高",
    "fixed": "定额",
    "per_unit": "按标准",
    "floor": "不低于",
    "ratio": "按比例",
    "total": "总额",
    "threshold": "门槛",
    "target": "目标",
    "min": "区间下限",  # the lower end of a range grant (5万元至30万元); its cap is the grant
}
# Kinds that are money given to an applicant; a fund's total, a threshold or a goal is not a grant.
GRANT_KINDS = _GRANT_KINDS
LEVELS = {"national": "中央", "province": "省级", "city": "市级", "county": "区县级"}  # who pays

FACETS = {  # facet field of indexer.search -> (label, query-string parameter it sets)
    "status": ("效力", "status"),
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

STATUS_LABELS = {  # reasoning.status.STATUSES: does the document still apply today
    "in_force": "现行有效",
    "not_yet_effective": "尚未施行",
    "expired": "已失效",
    "repealed": "已废止",
    "superseded": "已被正式文本取代",
    "draft": "征求意见稿",
    "unknown": "效力待确认",
}
STATUS_RULES = {  # Status.rule: how the status was decided, in a reader's words
    "repost_of": "随所转载的原文件",
    "final_version": "已有正式文本",
    "draft_mark": "标注为征求意见稿",
    "repealed_by": "已被另一文件废止",
    "effective_date": "施行日期未到",
    "expiry_date": "有效期已过",
    "title_period": "按标题所示年限",
    "validity_statement": "按文件所述有效期",
    "extended_by": "有效期已由另一文件延长",
    "no_statement": "文件未写明有效期",
}
RELATION_LABELS = {  # document_view()["relations"] keys, in the order the page lists them
    "repealed_by": "废止本文件的文件",
    "repeals": "本文件废止的文件",
    "extended_by": "延长本文件有效期的文件",
    "extends": "本文件延长有效期的文件",
    "final_of": "本文件的征求意见稿",
    "draft_of": "本征求意见稿的正式文本",
    "repost_of": "本文转载的原文件",
    "reposts": "转载本文件的页面",
    "duplicate_of": "相同文件（主版本）",
    "duplicates": "相同文件的其他副本",
    "cites": "本文件引用的文件",
    "cited_by": "引用本文件的文件",
}
