"""Licence ids as people read them: ``CC-BY-SA-4.0`` or ``cc by-sa 4.0`` → "CC BY-SA 4.0",
"Creative Commons Attribution-ShareAlike 4.0 International", and the licence's address.

Creative Commons licences require that a republished work names its licence and gives its
address (as a link online; as text where a link cannot be followed, e.g. on a USB stick or on
paper), so the pages need both the name and the address, not only what an author typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CC_KINDS = {
    "BY": "Attribution",
    "BY-SA": "Attribution-ShareAlike",
    "BY-NC": "Attribution-NonCommercial",
    "BY-NC-SA": "Attribution-NonCommercial-ShareAlike",
    "BY-ND": "Attribution-NoDerivatives",
    "BY-NC-ND": "Attribution-NonCommercial-NoDerivatives",
}
# What each version's licences are called after their number.
_CC_SCOPE = {"4.0": "International", "3.0": "Unported", "2.5": "Generic", "2.0": "Generic"}
_CC_ID = re.compile(r"^(?:CC[- ]?)?(BY(?:-NC)?(?:-SA|-ND)?)[- ]?(\d\.\d)?$")
_OTHERS = {
    "CC0-1.0": (
        "CC0 1.0",
        "CC0 1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    "CC0": ("CC0 1.0", "CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "PUBLIC-DOMAIN": ("Public domain", "Public domain", ""),
    "MIT": ("MIT", "MIT License", "https://opensource.org/license/mit"),
    "APACHE-2.0": (
        "Apache-2.0",
        "Apache License 2.0",
        "https://www.apache.org/licenses/LICENSE-2.0",
    ),
}


@dataclass(frozen=True)
class Licence:
    """A licence as written by an author, with the names and address readers need."""

    written: str
    short: str
    name: str
    url: str = ""

    @property
    def url_text(self) -> str:
        """The address without its scheme, to print where a link cannot be followed."""
        return re.sub(r"^https?://", "", self.url).rstrip("/")

    @property
    def is_known(self) -> bool:
        return bool(self.url)


def read_licence(written: str) -> Licence:
    """Return the licence ``written`` names; an unknown one keeps its text as its name."""
    text = " ".join(written.split())
    key = re.sub(r"[\s_]+", "-", text.upper().replace("CC-0", "CC0"))
    key = key.replace("CC-BY", "BY").replace("CCBY", "BY")
    if key in _OTHERS:
        short, name, url = _OTHERS[key]
        return Licence(written, short, name, url)
    found = _CC_ID.match(key)
    if found and found.group(1) in _CC_KINDS:
        kind, version = found.group(1), found.group(2)
        if version in _CC_SCOPE:
            return Licence(
                written,
                f"CC {kind} {version}",
                f"Creative Commons {_CC_KINDS[kind]} {version} {_CC_SCOPE[version]}",
                f"https://creativecommons.org/licenses/{kind.lower()}/{version}/",
            )
    return Licence(written, text, text)
