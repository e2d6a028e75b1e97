"""Mochila's own search: tokenising, stemming and a sharded index the browser reads lazily.

Why our own: a bundle is opened from ``file://`` on slow laptops, where Material's search
rebuilt its whole lunr index on the main thread of every page (seconds, page frozen). This
index is built once, here, and split into small classic scripts by term prefix, so a query
reads only what it needs. The rules (folding, word characters, n-gram scripts, stemmers) are
data written here once; ``theme/assets/mochila/search.js`` applies the same data, which the
index ships in its manifest.
"""
