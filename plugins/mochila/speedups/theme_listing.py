"""The theme's file list, made once and reused by the mkdocs builds of one process.

mkdocs lists every file of the theme at each build to find its static files; Material ships
~10,000 icons, so that walk was the largest part of a preview rebuild after an edit and a
tenth of a second in every edition. The editions a worker builds, and the preview's rebuilds
until the next full one, use the same theme.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


class ThemeListing:
    """File lists of the theme, by the arguments mkdocs asked for them with."""

    def __init__(self) -> None:
        self._listed: dict = {}

    def clear(self) -> None:
        self._listed.clear()

    def attach(self, config: MkDocsConfig) -> None:
        """Make the Jinja environments of ``config``'s theme list their files from here."""
        make_env = config.theme.get_env
        listed = self._listed

        def get_env():
            env = make_env()
            list_templates = env.list_templates

            def listing(extensions=None, filter_func=None):
                # mkdocs passes a new filter function each build, with the same code.
                key = (extensions, getattr(filter_func, "__code__", filter_func))
                if key not in listed:
                    listed[key] = list_templates(extensions, filter_func)
                return listed[key]

            env.list_templates = listing
            return env

        config.theme.get_env = get_env
