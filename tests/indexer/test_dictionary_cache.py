"""The pickled jieba dictionary: same cuts as building it, never loaded from a place others can write."""

from __future__ import annotations

import os

import pytest

from indexer.analysis import jieba
from indexer.dictionary_cache import cache_dir, dictionary_key, load_or_build

TEXT = "对新认定的中试基地和揭榜挂帅项目，给予最高50万元补助"
WORDS = ["中试基地", "揭榜挂帅"]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "policy-harvester"


def fresh(key: str) -> tuple[jieba.Tokenizer, bool]:
    t = jieba.Tokenizer()
    used = load_or_build(t, key, lambda: [t.add_word(w, 20000) for w in WORDS])
    return t, used


def test_the_second_start_loads_the_cache_and_cuts_the_same(cache_home):
    key = dictionary_key("中试基地\n揭榜挂帅")
    built, used_first = fresh(key)
    assert not used_first and cache_dir() == cache_home
    assert [p.name for p in cache_home.iterdir()] == [f"jieba-{key}.pickle"]
    assert oct(cache_home.stat().st_mode & 0o777) == "0o700"
    cached, used_second = fresh(key)
    assert used_second
    assert list(cached.cut_for_search(TEXT)) == list(built.cut_for_search(TEXT))
    assert "中试基地" in cached.lcut(TEXT) and "揭榜挂帅" in cached.lcut(TEXT)
    assert cached.total == built.total


def test_a_new_word_list_builds_a_new_cache_and_drops_the_old(cache_home):
    fresh(dictionary_key("a"))
    fresh(dictionary_key("b"))
    assert [p.name for p in cache_home.iterdir()] == [f"jieba-{dictionary_key('b')}.pickle"]
    assert dictionary_key("a") != dictionary_key("b")


def test_a_damaged_cache_is_rebuilt(cache_home):
    key = dictionary_key("x")
    fresh(key)
    (cache_home / f"jieba-{key}.pickle").write_bytes(b"not a pickle")
    t, used = fresh(key)
    assert not used and "中试基地" in t.lcut(TEXT)
    assert fresh(key)[1]  # and written again


def test_a_cache_folder_others_can_write_is_never_loaded(cache_home):
    key = dictionary_key("y")
    fresh(key)
    os.chmod(cache_home, 0o777)
    planted = cache_home / f"jieba-{key}.pickle"
    planted.write_bytes(b"cos\nsystem\n(S'echo planted'\ntR.")  # what a hostile pickle looks like
    t, used = fresh(key)
    assert not used and "中试基地" in t.lcut(TEXT)
