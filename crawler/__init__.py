"""The Scrapy side: site configs, the generic spider, pipelines and the local mirror site."""
