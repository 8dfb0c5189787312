"""Region from issuer and title through the gazetteer, counties resolved by their city."""

import pytest

from cleaner.metadata import region_of
from corpus.gazetteer import locate
from corpus.model import Region


@pytest.mark.parametrize(
    "text, expected",
    [
        ("临沂市兰山区科学技术局", ("山东省", "临沂市", "兰山区")),
        ("兰山区人民政府办公室", ("山东省", "临沂市", "兰山区")),
        ("费县人民政府", ("山东省", "临沂市", "费县")),
        ("北京市海淀区人民政府", ("北京市", "北京市", "海淀区")),
        ("安徽省科学技术厅", ("安徽省", None, None)),
        ("中共青岛市委科技委员会", ("山东省", "青岛市", None)),
        ("鼓楼区科技局", None),  # several cities have a 鼓楼区
    ],
)
def test_locate(text, expected):
    assert locate(text) == expected


def test_region_prefers_issuer_then_title_then_site_hint():
    assert region_of("潍坊市人民政府办公室", None, "") == Region("山东省", "潍坊市")
    assert region_of(None, "关于支持兰山区科技创新的若干措施", "") == Region("山东省", "临沂市", "兰山区")
    hint = Region("山东省", "临沂市")
    assert region_of(None, "关于加快推进中试基地建设的意见", "正文", hint) == hint


def test_region_from_text_needs_repeated_mentions():
    text = "根据临沂实际，制定本意见。支持临沂高新区建设。"
    assert region_of(None, None, text) == Region("山东省", "临沂市")
    assert region_of(None, None, "学习借鉴深圳经验。") == Region()
