"""Typed options for the Mochila plugins, with messages that name the option's full path.

mkdocs' own option types answer a mistake in ``mkdocs.yml`` with "Expected type: <class 'int'>
but received: <class 'str'>", name only the first mistake of a sub-config and not which item of
a list holds it, and only warn about unknown names. Project coordinators edit this file by
hand; they get ``bundles[2].age.min: expected a whole number of months from 0 to 216, found the
text '12'`` instead, every mistake at once, and an error (with a did-you-mean) for a misspelled
option, which would otherwise be silently ignored.

The rules themselves (what an id, a language code or an age looks like) are the domain's.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from ..domain.rules import ID_PATTERN, MAX_AGE_MONTHS
from ..domain.settings import LANG_PATTERN
from ..domain.suggest import did_you_mean


class OptionErrors(ValidationError):
    """Every mistake found below one option, each as (path below it, message)."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = items
        super().__init__("; ".join(f"{path}: {text}" if path else text for path, text in items))


def join(key: str, path: str) -> str:
    """``bundles`` + ``[2].age`` -> ``bundles[2].age``; ``age`` + ``min`` -> ``age.min``."""
    if not path:
        return key
    return f"{key}{path}" if path.startswith("[") else f"{key}.{path}"


def flatten(failed: list[tuple[str, Exception]]) -> list[tuple[str, str]]:
    """mkdocs' (option, error) pairs as (full path, message) pairs."""
    items = []
    for key, exc in failed:
        if isinstance(exc, OptionErrors):
            items += [(join(key, path), text) for path, text in exc.items]
        else:
            items.append((key, str(exc)))
    return items


def describe(value: object) -> str:
    """How a found value is named in messages: what it is, and what it says."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'name: value' options"
    return f"a {type(value).__name__}"


class StrictConfig(Config):
    """A Config that reports every mistake (mkdocs stops at the first of a group), and whose
    misspelled option names are errors with a did-you-mean, not ignored with a warning.

    Subclasses add their cross-field rules by extending ``validate``.
    """

    def validate(self):
        failed: list[tuple[str, Exception]] = []
        warnings: list[tuple[str, str]] = []
        for key, option in self._schema:
            try:
                option.pre_validation(self, key_name=key)
            except ValidationError as exc:
                failed.append((key, exc))
        for key, option in self._schema:
            if any(done == key for done, _ in failed):
                continue
            try:
                self[key] = option.validate(self.get(key))
            except ValidationError as exc:
                failed.append((key, exc))
            warnings.extend((key, str(w)) for w in option.warnings)
            option.reset_warnings()
        names = [name for name, _ in self._schema]
        for key in sorted(str(k) for k in set(self.keys()) - set(names)):
            failed.append((key, ValidationError(f"unknown option ({did_you_mean(key, names)})")))
        if not failed:
            for key, option in self._schema:
                try:
                    option.post_validation(self, key_name=key)
                except ValidationError as exc:
                    failed.append((key, exc))
        return failed, warnings


class Section(c.SubConfig):
    """A group of options (``age: {min: .., max: ..}``), all checked, every mistake kept."""

    def __init__(self, config_class: type[Config]) -> None:
        super().__init__(config_class)
        self.config_class = config_class

    def run_validation(self, value: object):
        if not isinstance(value, dict):
            raise ValidationError(
                f"expected options written as 'name: value' lines, found {describe(value)}"
            )
        config = self.config_class(config_file_path=self._config_file_path)
        config.load_dict(value)
        failed, warnings = config.validate()
        self.warnings.extend(f"{key}: {message}" for key, message in warnings)
        if failed:
            raise OptionErrors(flatten(failed))
        return config


class Items(c.ListOfItems):
    """A list of options of one kind; a mistake names its item as ``[index]``."""

    def __init__(self, option_type, default=None, what: str = "a list") -> None:
        super().__init__(option_type, default=default)
        self.what = what

    def run_validation(self, value: object) -> list:
        if value is None:
            value = self.default if self.default is not None else []
        if not isinstance(value, list):
            raise ValidationError(f"expected {self.what}, found {describe(value)}")
        result, items = [], []
        for index, item in enumerate(value):
            try:
                result.append(self.option_type.run_validation(item))
            except OptionErrors as exc:
                items += [(join(f"[{index}]", path), text) for path, text in exc.items]
            except ValidationError as exc:
                items.append((f"[{index}]", str(exc)))
        if items:
            raise OptionErrors(items)
        return result


class Typed(c.BaseConfigOption):
    """One value checked by ``accept``, described as ``what`` when it is not accepted.

    A value left out takes ``default``; without a default it is missing (an error) unless
    ``optional``.
    """

    def __init__(self, what: str, default: Any = None, optional: bool = False) -> None:
        super().__init__()
        self.what = what
        self.default = default
        self.optional = optional

    def accept(self, value: object) -> bool:
        raise NotImplementedError

    def validate(self, value: object):
        if value is None:
            if self.default is not None:
                return self.default
            if self.optional:
                return None
            raise ValidationError(f"missing: write {self.what}")
        return self.run_validation(value)

    def run_validation(self, value: object):
        if not self.accept(value):
            raise ValidationError(f"expected {self.what}, found {describe(value)}")
        return value


class Flag(Typed):
    def __init__(self, default: bool) -> None:
        super().__init__("true or false", default=default)

    def accept(self, value: object) -> bool:
        return isinstance(value, bool)


class Text(Typed):
    def __init__(self, what: str = "text", default: str | None = None, **kwargs) -> None:
        super().__init__(what, default=default, **kwargs)

    def accept(self, value: object) -> bool:
        return isinstance(value, str)


class Matching(Text):
    """Text that follows a domain rule (an id, a language code)."""

    def __init__(self, pattern: re.Pattern[str], what: str, **kwargs) -> None:
        super().__init__(what, **kwargs)
        self.pattern = pattern

    def accept(self, value: object) -> bool:
        return isinstance(value, str) and bool(self.pattern.match(value))


def Id(**kwargs) -> Matching:  # noqa: N802 - reads like the other option types
    return Matching(
        ID_PATTERN,
        "an id of lowercase letters, digits and single dashes, e.g. 'families-es'",
        **kwargs,
    )


def Language(**kwargs) -> Matching:  # noqa: N802
    return Matching(LANG_PATTERN, "a language code like 'en', 'es' or 'pt-BR'", **kwargs)


class Months(Typed):
    def __init__(self) -> None:
        super().__init__(f"a whole number of months from 0 to {MAX_AGE_MONTHS}", optional=True)

    def accept(self, value: object) -> bool:
        return (
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_AGE_MONTHS
        )


class Texts(Typed):
    """One text per language: ``{en: All activities, es: Todas las actividades}``."""

    def __init__(self) -> None:
        super().__init__("one text per language, e.g. '{en: All activities}'", default={})

    def accept(self, value: object) -> bool:
        return isinstance(value, dict) and all(
            isinstance(k, str) and LANG_PATTERN.match(k) and isinstance(v, str)
            for k, v in value.items()
        )
