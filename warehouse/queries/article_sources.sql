-- article_sources: every input (path or URL) an article was stored from, to skip feed items seen before.
SELECT DISTINCT source FROM articles;
