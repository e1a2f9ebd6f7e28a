"""Readable text from an HTML page saved from a browser: scripts, styles, menus, headers and
footers dropped, blocks on lines of their own, entities decoded. The records' offsets then
refer to this text, which the run stores beside the records."""
from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never article text.
SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
        "menu", "button", "select", "iframe", "head"}
# Elements that start a new line.
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
         "blockquote", "tr", "table", "figcaption", "figure", "main", "dd", "dt", "hr", "pre"}
VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIP and tag not in VOID:
            self.skipping.append(tag)
        elif tag in BLOCK and not self.skipping:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCK and not self.skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in BLOCK and not self.skipping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def html_to_text(html: str) -> str:
    """The page's readable text, one block per line, paragraphs separated by a blank line."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"
