"""The .gitignore matcher that `socialplan check DIRECTORY` skips files by: git's rules, as
gitignore(5) states them, for the patterns it supports."""

from __future__ import annotations

import pytest

from socialplan._io.gitignore import Patterns


def ignored(lines: str, path: str, *, is_dir: bool = False) -> bool | None:
    return Patterns.parse(lines).match(path, is_dir=is_dir)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.toml", "a.toml", True),
        ("*.toml", "deep/down/a.toml", True),  # no slash: any level
        ("*.toml", "a.json", None),
        ("/a.toml", "a.toml", True),  # a leading slash anchors to the .gitignore's folder
        ("/a.toml", "sub/a.toml", None),
        ("sub/a.toml", "sub/a.toml", True),  # a slash inside anchors too
        ("sub/a.toml", "x/sub/a.toml", None),
        ("a?.toml", "ab.toml", True),
        ("a?.toml", "a/.toml", None),  # ? is not a slash
        ("a*", "a/b", None),  # * is not a slash
        ("[ab].toml", "b.toml", True),
        ("[!ab].toml", "b.toml", None),
        ("[!ab].toml", "c.toml", True),
        ("[a-c].toml", "c.toml", True),
        ("**/drafts", "x/y/drafts", True),
        ("**/drafts", "drafts", True),
        ("docs/**", "docs/a/b.toml", True),
        ("docs/**", "docs", None),  # /** is what is inside
        ("a/**/b", "a/b", True),  # zero or more folders
        ("a/**/b", "a/x/y/b", True),
        ("a/**/b", "xa/b", None),
        ("\\#notes.toml", "#notes.toml", True),  # an escaped # is a name
        ("\\!x.toml", "!x.toml", True),
        ("a.toml\\ ", "a.toml ", True),  # an escaped trailing space is kept
        ("a.toml   ", "a.toml", True),  # trailing spaces are not
        ("a.b", "axb", None),  # a dot is a dot
        ("(x)+", "(x)+", True),  # and the other characters of regular expressions are names
    ],
)
def test_a_pattern_matches_as_git_says(pattern: str, path: str, expected: bool | None) -> None:
    assert expected == ignored(pattern, path)


def test_a_trailing_slash_matches_folders_only() -> None:
    assert (True, None) == (ignored("out/", "out", is_dir=True), ignored("out/", "out"))


def test_a_comment_and_a_blank_line_match_nothing() -> None:
    assert None is ignored("# a.toml\n\n", "# a.toml")


def test_the_last_matching_pattern_wins_and_a_bang_reincludes() -> None:
    assert (False, True) == (
        ignored("*.toml\n!keep.toml\n", "keep.toml"),
        ignored("!keep.toml\n*.toml\n", "keep.toml"),
    )


def test_an_unclosed_bracket_is_a_name() -> None:
    assert True is ignored("[a.toml", "[a.toml")
