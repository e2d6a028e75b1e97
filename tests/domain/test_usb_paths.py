"""Unit tests for the USB-stick file name rules (domain, no build)."""

from __future__ import annotations

import dataclasses

import pytest

from mochila.domain.usb_paths import UsbPathProblem, usb_path_problems


def problems(*paths: str, max_length: int = 200) -> list[UsbPathProblem]:
    return usb_path_problems(paths, max_length=max_length)


def test_ordinary_bundle_paths_have_no_problems():
    assert (
        problems(
            "index.html",
            "ABRIR AQUÍ.html",
            "actividades/agua-y-suelo/index.html",
            "assets/javascripts/bundle.a5f9d56c.min.js",
            ".nojekyll",
            "com0.md",
            "COM10.md",
            "console.md",
            "CONTACT.html",
            "icon.svg",
            "aux-notas/index.html",
        )
        == []
    )


def test_reserved_name_message_and_hint():
    assert problems("con.md") == [
        UsbPathProblem(
            "con.md",
            "the name 'con.md' is reserved by Windows, which cannot open it",
            "rename it, for example to 'con-1.md'",
        )
    ]


@pytest.mark.parametrize(
    "path",
    [
        "CON",
        "con",
        "Con.html",
        "PRN.txt",
        "aux/index.html",
        "actividades/NUL.tar.gz",
        "COM1.md",
        "com9",
        "LPT1.png",
        "lpt9.css",
        "COM\u00b9.md",
        "LPT\u00b3",
        "CONIN$",
        "CON .md",
    ],
)
def test_reserved_names_in_any_segment_any_case_any_extension(path):
    found = problems(path)
    assert [p.path for p in found] == [path]
    assert "is reserved by Windows" in found[0].message


def test_reserved_folder_is_named_in_the_message():
    [found] = problems("actividades/Aux/index.html")
    assert found.message == "the name 'Aux' is reserved by Windows, which cannot open it"
    assert found.hint == "rename it, for example to 'Aux-1'"


@pytest.mark.parametrize("char", [":", "?", "*", "<", ">", "|", '"', "\\"])
def test_each_forbidden_character(char):
    path = f"actividades/que{char}hacer.md"
    assert problems(path) == [
        UsbPathProblem(
            path,
            f"the name 'que{char}hacer.md' contains '{char}', which Windows does not allow in "
            "file names",
            "remove it or replace it with '-'",
        )
    ]


def test_several_forbidden_characters_are_listed_once_each():
    [found] = problems("a:b?c:d.md")
    assert found.message == (
        "the name 'a:b?c:d.md' contains ':' and '?', which Windows does not allow in file names"
    )


def test_control_characters_are_named_in_plain_words():
    [found] = problems("notas\tde\x01clase.md")
    assert found.message == (
        "the name 'notas?de?clase.md' contains an invisible control character, which Windows "
        "does not allow in file names"
    )


def test_name_ending_with_a_dot():
    assert problems("fotos/notas.") == [
        UsbPathProblem(
            "fotos/notas.",
            "the name 'notas.' ends with a dot, which Windows silently removes, so links to it "
            "break",
            "remove the final dot",
        )
    ]


def test_folder_ending_with_a_space():
    [found] = problems("mis fotos /a.png")
    assert found.message == (
        "the name 'mis fotos ' ends with a space, which Windows silently removes, so links to "
        "it break"
    )
    assert found.hint == "remove the final space"


def test_paths_differing_only_by_case_report_the_second_naming_the_first():
    assert problems("actividades/Agua.md", "index.html", "actividades/agua.md") == [
        UsbPathProblem(
            "actividades/agua.md",
            "differs from 'actividades/Agua.md' only in capital letters; on a USB stick both "
            "are the same file and one would overwrite the other",
            "rename one of them",
        )
    ]


def test_three_case_variants_all_name_the_first():
    found = problems("A.md", "a.md", "A.MD")
    assert [(p.path, p.message.split("'")[1]) for p in found] == [
        ("a.md", "A.md"),
        ("A.MD", "A.md"),
    ]


def test_case_difference_in_a_folder_name_collides_the_files():
    [found] = problems("Fotos/a.png", "fotos/a.png")
    assert found.path == "fotos/a.png"
    assert found.message.startswith("differs from 'Fotos/a.png' only in capital letters")


def test_same_folder_in_two_cases_with_different_files_is_not_a_collision():
    assert problems("Fotos/a.png", "fotos/b.png") == []


def test_file_and_folder_differing_only_by_case():
    assert problems("agua/index.html", "Agua") == [
        UsbPathProblem(
            "Agua",
            "differs from the folder 'agua' only in capital letters; on a USB stick a file and "
            "a folder cannot have the same name",
            "rename the file or the folder",
        )
    ]


def test_case_comparison_is_letter_by_letter_like_windows():
    assert problems("Straße.md", "STRASSE.md") == []
    assert [p.path for p in problems("ÁRBOL.md", "árbol.md")] == ["árbol.md"]


def test_exact_duplicates_are_not_reported():
    assert problems("index.html", "index.html") == []


def test_path_longer_than_max_length():
    assert problems("abcdefghij", "abcdefghijk", max_length=10) == [
        UsbPathProblem(
            "abcdefghijk",
            "the path is 11 characters long, more than the 10 that fit on a USB stick",
            "use shorter folder or file names",
        )
    ]


def test_length_counts_characters_not_bytes():
    assert problems("á" * 10, max_length=10) == []


def test_segment_longer_than_255_characters():
    ok, long = "a" * 255, "b" * 256
    assert problems(f"x/{ok}", max_length=1000) == []
    assert problems(f"x/{long}", max_length=1000) == [
        UsbPathProblem(
            f"x/{long}",
            "a name in this path is 256 characters long, more than the 255 a USB stick allows",
            "shorten the file or folder name",
        )
    ]


def test_one_path_with_several_problems_reports_each_in_segment_order():
    assert [p.message for p in problems("con/a?.", max_length=5)] == [
        "the name 'con' is reserved by Windows, which cannot open it",
        "the name 'a?.' contains '?', which Windows does not allow in file names",
        "the name 'a?.' ends with a dot, which Windows silently removes, so links to it break",
        "the path is 7 characters long, more than the 5 that fit on a USB stick",
    ]


def test_accepts_any_iterable_once():
    paths = (p for p in ["A.md", "a.md"])
    assert [p.path for p in usb_path_problems(paths, max_length=100)] == ["a.md"]


def test_problem_is_frozen():
    problem = UsbPathProblem("a", "b", "c")
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.path = "x"  # type: ignore[misc]
