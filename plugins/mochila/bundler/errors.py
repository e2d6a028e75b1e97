"""The one exception the bundler raises for a bundle it cannot make."""

from __future__ import annotations


class BundleError(Exception):
    """A bundle cannot be written as asked (e.g. a file too large for a USB stick).

    The message is meant for the person running the build; callers show it without a traceback.
    Bugs stay ordinary exceptions.
    """
