"""`policy bench support --gold DIR`: another gold folder, scored on its own pages (a held-out set)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policy.bench.support import bench_support

PAGE = "关于组织申报科技奖励的通知\n一、奖励标准\n对新认定的国家高新技术企业，给予20万元一次性奖励。\n"


def _write(path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_gold_option_reads_that_folder_and_its_pages(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(PAGE, encoding="utf-8")
    grant = {
        "file": "p.txt",
        "clause": {"path": ["一、"], "text_start": "奖励标准"},
        "beneficiary": "新认定的国家高新技术企业",
        "conditions": [],
        "amount": {"text": "20万元", "yuan": 200000, "kind": "fixed", "rate": None, "level": None},
        "deadline": None,
        "window": None,
        "department": None,
        "benefit": "reward",
        "facts": [],
    }
    _write(tmp_path / "gold.json", [grant])
    _write(tmp_path / "non_grants.json", [])
    _write(tmp_path / "terms_gold.json", [{"file": "p.txt", "conditions": [], "deadline": None}])
    result = CliRunner().invoke(bench_support, ["--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (
        figures["grants"] == 1 and figures["non_grants"]["total"] == 0
    )  # that folder's gold, not the 244 grants
