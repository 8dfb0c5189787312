"""Task tables flattened to "序号 | 任务 | 牵头单位 | 配合单位 |" rows read as numbered tasks with their departments."""

from cleaner import clean
from cleaner.tasktable import rewrite_task_tables

TABLE = (
    "南京市科技创新行动计划\n二、重点任务\n"
    "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
    "1 | 建设重大科技创新平台，给予最高1000万元支持 | 市科技局 | 市发改委、市财政局 | 2024年底 |\n"
    "2 | 实施关键核心技术攻关工程 | 市科技局 | 市工信局 | 持续推进 |\n"
    "三、保障措施\n（一）加强组织领导。统筹推进实施。\n"
)


def test_rows_become_numbered_items_under_the_clause_holding_the_table():
    doc = clean(TABLE.encode())
    rows = {"/".join(c.path): c for c in doc.clauses if c.path}
    assert list(rows) == ["二、", "二、/1.", "二、/2.", "三、", "三、/（一）"]
    first = rows["二、/1."]
    assert first.text.startswith("1.建设重大科技创新平台，给予最高1000万元支持。（牵头单位：市科技局；")
    assert [(d.name, d.role) for d in first.department_tags] == [
        ("市科技局", "lead"),
        ("市发改委", "support"),
        ("市财政局", "support"),
    ]
    assert [a.yuan for a in first.amounts] == [10_000_000]
    assert "完成时限：2024年底" in first.text
    assert not any("序号" in c.text for c in doc.clauses)


def test_pipes_without_a_task_header_are_left_alone():
    lines = ["索引号 | 123 | 发布机构 | 市科技局 |", "1 | 不是任务表 | 市科技局 |"]
    assert rewrite_task_tables(lines) == lines
