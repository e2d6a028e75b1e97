"""What counts as an address on the network, in a bundle opened from ``file://``."""

from __future__ import annotations

import re

# http, https, ws, wss and ftp load from the network even written 'http:host' (no slashes),
# and '//host' or '\\host' reach another machine from file:// too (a network share).
_REMOTE = re.compile(r"(?:(?:https?|wss?|ftp):|[/\\]{2})", re.IGNORECASE)
_IGNORED_IN_URLS = re.compile(r"[\t\n\r]")


def is_remote(value: str) -> bool:
    """True when a browser given ``value`` as a URL would go to the network for it.

    Browsers strip surrounding whitespace and drop tabs and newlines anywhere in a URL, so
    ``" ht\\ttps://x"`` is remote too.
    """
    return _REMOTE.match(_IGNORED_IN_URLS.sub("", value).strip()) is not None


def srcset_urls(value: str) -> list[str]:
    """Return the URLs of a ``srcset`` (``a.png 1x, b.png 2x``): the first word of each
    candidate, which ends at whitespace or at the comma before the next candidate."""
    urls = []
    expect_url = True
    for word in value.split():
        if expect_url:
            urls.append(word.rstrip(","))
            expect_url = word.endswith(",")
        elif "," in word:
            rest = word.split(",", 1)[1]
            if rest:
                urls.append(rest.rstrip(","))
                expect_url = rest.endswith(",")
            else:
                expect_url = True
    return urls
