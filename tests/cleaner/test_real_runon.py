"""Rules of the real set (issue 12) for captures and texts run on into long lines: articles, chapters and items
glued to what comes before them."""

from __future__ import annotations

from cleaner import clean


def test_an_article_whose_text_opens_with_its_first_item_on_its_own_line():
    text = (
        "南沙区总部企业认定实施细则\n第一章 总则\n第一条 为促进总部经济发展，制定本细则。\n第二章 扶持措施\n第五条 （一）对新落户的总部型企业给予落户奖励：\n"
        "1.对内资企业，按实缴注册资本给予奖励。\n（二）对新认定的总部企业给予奖励。\n第六条 申请落户奖的企业应当自认定当年起提出申请。\n"
    )
    paths = ["/".join(c.path) for c in clean(text).clauses if c.number]
    assert paths[3:7] == [
        "第二章/第五条",
        "第二章/第五条/（一）",
        "第二章/第五条/（一）/1.",
        "第二章/第五条/（二）",
    ]


def test_a_chapter_heading_that_lists_runs_into_its_first_article():
    body = "评奖工作坚持公平、公正的原则，按照有关规定组织实施，确保评审结果经得起检验。" * 20
    line = (
        "第一章　总则第一条　为繁荣发展哲学社会科学，制定本办法。"
        + body
        + "第四章　成果申报、评奖及奖励第十九条　申报社会科学优秀成果奖的公民或组织，按下列程序办理："
        "（一）市级单位作者向所在社科学会申报；（二）各县社科工作者向所在县社科联申报。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert "第四章/第十九条" in paths and "第四章/第十九条/（一）" in paths


def test_a_title_running_into_its_first_article_set_apart_by_a_space():
    body = "生产经营单位应当建立健全事故隐患排查治理制度，落实主体责任，及时发现并消除事故隐患。" * 12
    line = (
        "各县（市、区）人民政府：《广安市生产安全事故隐患排查治理监督管理办法》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。"
        "广安市人民政府办公室2023年12月13日广安市生产安全事故隐患排查治理监督管理办法第一条　为强化生产经营单位安全生产主体责任，制定本办法。"
        "第二条　本办法适用于本市行政区域。" + body + "第三条　符合办法第一条第（二）款规定的，从其规定。"
    )
    numbered = [c.number for c in clean(line).clauses if c.number]
    assert numbered == ["第一条", "第二条", "第三条"]  # 办法第一条第（二）款 cites one


def test_a_circled_label_that_goes_on_with_its_sequence_after_a_formula():
    rule = (
        "公交企业质量考核按照年度考核办法执行，考核结果作为财政补贴核定的重要依据，由交通部门负责组织实施。"
        * 20
    )
    line = (
        "一、总则"
        + rule
        + "二、质量考核绩效核定方法为：①质量考核成绩低于85分的，按以下公式核定：绩效=（成绩-85）×补贴×0.2%"
        "②质量考核成绩达到85分且不超过90分的，绩效为零。③质量考核成绩达到90分的，按公式核定。符合上述①、②条的，不再重复核定。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert paths[-3:] == ["二、/①", "二、/②", "二、/③"]  # ①、②条 cites two
