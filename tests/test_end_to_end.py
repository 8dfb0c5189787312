"""Fresh store -> real mirror over HTTP -> real Scrapy crawl -> index -> Flask search."""

from search_web import create_app
from tests.conftest import SAMPLE_DOCS, copy_data, run_policy


def test_crawl_mirror_index_and_search(mirror_url, mirror_crawled, tmp_path):
    env = {"POLICY_MIRROR_URL": mirror_url}
    crawled, crawl = mirror_crawled  # `policy crawl mirror` into a fresh store (conftest)
    data_dir = copy_data(crawled, tmp_path)
    assert crawl.returncode == 0, crawl.stderr
    assert f"{len(SAMPLE_DOCS)} new" in crawl.stdout and "0 failed" in crawl.stdout

    index = run_policy("index", data_dir=data_dir)
    assert index.returncode == 0, index.stderr
    assert f"{len(SAMPLE_DOCS)} documents" in index.stdout

    client = create_app(data_dir=data_dir).test_client()
    api = client.get("/api/search", query_string={"q": "中试基地"}).get_json()
    assert api["total"] > 5
    hit = api["hits"][0]
    assert "中试基地" in hit["text"] and hit["url"].startswith(mirror_url)
    for key in (
        "source",
        "url",
        "title",
        "issuer",
        "doc_number",
        "published",
        "region",
        "path",
        "heading",
        "text",
        "departments",
        "amounts",
        "score",
        "snippet",
    ):
        assert key in hit
    page = client.get("/search", query_string={"q": "中试基地"}).get_data(as_text=True)
    assert "<mark" in page and "市科技局" in page

    # a second crawl finds nothing new (and, being incremental, stops after the first list page)
    again = run_policy("crawl", "mirror", data_dir=data_dir, env=env)
    assert "0 new" in again.stdout and "0 changed" in again.stdout and "0 pages" in again.stdout
