"""The words and selectors of real government pages, as data.

Supporting a new CMS should be a change here, not in the code that walks the
page (the same split trafilatura makes between xpaths.py and its walkers).
"""

# Metadata labels, by field.  Government disclosure pages (政府信息公开) print
# a table of these; TRS sites also put them in <meta> tags.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "标 题", "名称", "文件名称", "信息名称", "主题"),
    "issuer": (
        "发布机构",
        "发文机关",
        "发文单位",
        "发布单位",
        "制发机关",
        "来源",
        "信息来源",
        "文章来源",
        "发文机构",
        "发布机关",  # 规范性文件 platforms' 基本信息 table
        "制定机关",
    ),
    "doc_number": ("文号", "发文字号", "发文文号", "文件编号", "发布文号"),
    "index_no": ("索引号", "索 引 号", "索引编号", "信息索引号", "索取号", "内容索引号"),
    "published": ("发布日期", "发布时间", "公开日期", "发文日期", "时间", "日期", "发布于", "公布日期"),
    "signed": ("成文日期", "印发日期", "签发日期", "成文时间"),
    # a disclosure catalogue's own date for the record (江西's 生成日期): the date it was published
    # there, read when the table prints no 发布日期, and before a CMS's PubDate (often the page's render time)
    "generated": ("生成日期",),
}

# Labels of disclosure tables that name no field we keep; a cell holding one
# is a label, never the value of the cell before it (an empty 文号 cell).
OTHER_LABELS = (
    "公开方式",
    "公开目录",
    "公开范围",
    "公开时限",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象",
    "有效性",
    "生效日期",
    "废止日期",
    "失效日期",
    "实施日期",
    "施行日期",
    "有效期",
    "所属机构",
    "关键词",
    "主题词",
    "信息分类",
    "分类",
    "来源",
    "效力状态",
    "是否有效",
    "发布机构",
    "内容概述",
    "统一编号",
    "统一社会信用代码",
    "浏览次数",
    "浏览量",
    "点击数",
    "点击量",
    "访问量",
    "阅读次数",
    "阅读量",
    "作者",
    "编辑",
    "责任编辑",
    "字号",
    "字体",
    "分享到",
    "所属主题",
    "文种",
    "生成日期",
    "时效",
)

# Classes and ids of the element that holds a document's heading.
TITLE_CLASS_HINTS = ("title", "biaoti", "bt", "headline", "wzbt", "tit")

# Links to these are attachments (附件) of the document.
ATTACHMENT_EXTENSIONS = (
    "pdf",
    "doc",
    "docx",
    "wps",
    "xls",
    "xlsx",
    "et",
    "ofd",
    "zip",
    "rar",
    "7z",
    "txt",
    "ceb",
)

# <meta name=...> used by TRS, Hanweb and similar CMSs.
META_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("ArticleTitle", "articletitle", "dc.title", "title", "og:title"),
    "issuer": ("ContentSource", "contentsource", "source", "dc.publisher"),
    "published": (
        "PubDate",
        "pubdate",
        "publishdate",
        "firstpublishedtime",
        "maketime",
        "dc.date",
        "dcterms.issued",
        "article:published_time",
    ),
    "site": ("SiteName", "sitename", "og:site_name"),
    "doc_number": ("fileno", "FileNo"),
}

# Elements that never hold the document body.
CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "iframe",
    "button",
    "select",
    "aside",
)
CHROME_CLASS_HINTS = (
    "nav",
    "menu",
    "header",
    "footer",
    "breadcrumb",
    "crumb",
    "share",
    "bdshare",
    "position",
    "location",
    "related",
    "xggj",
    "xgwz",
    "sidebar",
    "side",
    "toolbar",
    "print",
    "copyright",
    "bottom",
    "top-bar",
    "fenxiang",
    "pagination",
    "tools",
    "tool",
    "search",
    "login",
    "banner",
    "yqlj",
    "dqwz",
    "mianbao",
    "friendlink",
    "friend-link",
    "ad",
)

# Common body containers of Chinese government CMSs, tried before the text-density guess.
BODY_SELECTORS = (
    ".TRS_Editor",
    ".TRS_UEDITOR",
    ".TRS_PreAppend",
    ".Custom_UnionStyle",
    "#zoom",
    "#UCAP-CONTENT",
    ".pages_content",
    "#Zoom",
    ".article-content",
    ".article_con",
    ".wzcon",
    ".zwgk_content",
    "#content",
    ".content",
    "article",
    ".main-txt",
    "#artibody",
    ".news_content",
    "#news_content",
    ".detail-content",
    ".xxgk_content",
    ".article_content",
    ".con_text",
    ".zw",
    "#zw",
)

# Lines that are page chrome wherever they appear.
CHROME_LINE_PATTERNS = (
    r"^欢迎(访问|来到).{0,30}(网站|网)[!！。]?$",
    # a bar made only of tools: 【关闭窗口】【打印本文】【字体：大 中 小】; a body line that merely
    # starts with 关闭 or 收藏 ("关闭落后产能……") is not one
    r"^[【】\[\]\s:：|｜]*(?:(?:关闭窗口|关闭本页|打印本文|打印本页|打印|关闭|返回顶部|收藏本页|加入收藏|收藏|我要纠错|纠错|"
    r"字体|字号|[大中小]|默认|Aa|网站地图|联系我们)[【】\[\]\s:：|｜]*)+$",
    r"^(EN|English|政策纵览|Policy Overview|返回列表|返回首页|首页|网站首页|主页|当前位置[:：].*|您的位置[:：].*|您现在的位置[:：].*)$",
    r"^分享到?[:：].{0,40}$",
    r"^(微信|微博|QQ空间|QQ好友|朋友圈|\s)+$",
    r"^[|\s]+$",
    r"^(上一篇|下一篇|上一条|下一条)[:：]",
    r"^(相关链接|相关文件|相关新闻|相关稿件|相关阅读|扫一扫.{0,20}|.{0,10}在手机上?打开.{0,10}|责任编辑[:：].*|浏览次数[:：].*|访问量[:：].*)$",
    r"^(主办单位|主办)[:：].{0,60}(承办|网站|ICP|标识码|地址|电话|版权|技术支持)",
    r"网站标识码|ICP备|公网安备|版权所有|^技术支持[:：]",
    # breadcrumbs: 首页 > 政务公开 > 政策文件, or a path without its 首页 (信息公开 > 政策文件)
    r"^(?:首页|网站首页|主页)\s*(?:[>＞»›→]|&gt;).{0,80}$",
    # (a title broken at its inner <…> bracket, "电力中长期交易基本规则（暂行）>的通知》的通知", is no path)
    r"^[\u4e00-\u9fff][^。，；：:>＞»›→《》]{1,14}(?:\s*(?:[>＞»›→]|&gt;)\s*[\u4e00-\u9fff][^。，；：:>＞»›→《》]{1,14}){1,6}$",
)

# Tag words that open a list of responsible departments, and the role they give.
DEPARTMENT_TAGS = {
    "责任单位": "responsible",
    "责任部门": "responsible",
    "责任主体": "responsible",
    "主责单位": "lead",
    "主责部门": "lead",
    "牵头单位": "lead",
    "牵头部门": "lead",
    "配合单位": "support",
    "配合部门": "support",
    "参与单位": "support",
    "参与部门": "support",
    "协办单位": "support",
    "协同单位": "support",
}

# A bracket without a tag word is a department list only when every name ends like an organ.
DEPARTMENT_ORG_ENDINGS = (
    "局",
    "委",
    "厅",
    "部",
    "办",
    "院",
    "中心",
    "政府",
    "管委会",
    "委员会",
    "单位",
    "部门",
    "公司",
    "集团",
    "银行",
    "协会",
    "联合会",
    "科协",
    "总工会",
    "团市委",
    "团省委",
    "区",
    "县",
    "市",
    "署",
    "所",
    "站",
    "分行",
    "支行",
    "海关",
    "贸促会",
    "专班",
)

# Notes by which a document says the first of its 责任单位 leads and the rest support.
FIRST_IS_LEAD = (
    r"(?:排在|列|列在|排列)?(?:第一位|首位|第一个|第一)的?(?:单位|部门)?(?:为|是)牵头",
    r"第一(?:家|个)?(?:单位|部门)?为牵头",
)

# Document types, by the word that ends the title (longest first).
DOC_TYPE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("函", "其他"),  # "…征求…意见的函", "…的复函": a letter, whatever it asks about
    ("实施细则", "细则"),
    ("细则", "细则"),
    ("实施意见", "意见"),
    ("指导意见", "意见"),
    ("若干意见", "意见"),
    ("意见", "意见"),
    ("规划", "规划"),
    ("行动计划", "方案"),
    ("工作方案", "方案"),
    ("实施方案", "方案"),
    ("行动方案", "方案"),
    ("方案", "方案"),
    ("管理办法", "办法"),
    ("暂行办法", "办法"),
    ("办法", "办法"),
    ("若干措施", "措施"),
    ("若干政策", "措施"),
    ("扶持政策", "措施"),
    ("支持政策", "措施"),
    ("政策措施", "措施"),
    ("措施", "措施"),
    ("决定", "决定"),
    ("条例", "条例"),
    ("规定", "规定"),
    ("指南", "指南"),
    ("指引", "指南"),
    ("公告", "公告"),
    ("通告", "公告"),
    ("公示", "公告"),
    ("通知", "通知"),
)

DRAFT_MARKS = ("征求意见稿", "草案", "送审稿", "讨论稿", "意见征集稿", "公开征求意见")

# Pages that are not documents: anti-bot challenges and error pages.  A page
# carrying one of these marks with little text of its own is refused.
CHALLENGE_MARKS = (
    "cf-browser-verification",
    "challenge-platform",
    "just a moment",
    "__jsl_clearance",
    "jschallenge",
    "安全验证",
    "正在验证",
    "访问验证",
    "滑动验证",
    "人机验证",
    "开启javascript",
    "启用javascript",
    "浏览器安全检查",
    "访问过于频繁",
    "访问被拒绝",
    "请完成验证",
)
ERROR_MARKS = (
    "页面不存在",
    "页面已删除",
    "已被删除",
    "页面已失效",
    "找不到该页面",
    "找不到页面",
    "无法找到该页",
    "404 not found",
    "not found",
    "服务器错误",
    "internal server error",
    "bad gateway",
    "403 forbidden",
)

# Column headers of task tables (重点任务分工表) that reach us flattened to "序号 | 任务 | 牵头单位 | 配合单位 |"
# rows: which column numbers the row, which holds the task, which name departments.
TASK_TABLE_NUMBER_COLUMNS = ("序号", "编号", "序", "号")
TASK_TABLE_TEXT_COLUMNS = (
    "重点任务",
    "主要任务",
    "工作任务",
    "任务",
    "任务内容",
    "工作内容",
    "具体任务",
    "具体措施",
    "工作措施",
    "主要措施",
    "政策措施",
    "任务举措",
    "重点工作",
    "工作事项",
    "事项",
)
