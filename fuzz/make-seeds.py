#!/usr/bin/env python3
"""Derives the fuzzers' seed corpora from the project's own fixtures.

Writes fuzz/corpus/<target>/seed-* (fuzz/corpus is not committed; libFuzzer
adds what it finds to the same directories). Run from anywhere:

    python3 fuzz/make-seeds.py
"""

import io
import pathlib
import zipfile

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
FORMATS = ROOT / "tests" / "fixtures" / "formats"
SEP = b"\xff"  # cuts a compare input into documents; never in UTF-8

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    'document.main+xml"/></Types>'
)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def p(style, runs):
    style = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{style}{runs}</w:p>"


def r(text):
    return f'<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'


def document_xml(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'


def notes_xml(kind, text):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {W}><w:{kind} w:id="1"><w:p><w:r><w:t>{xml_escape(text)}'
        f"</w:t></w:r></w:p></w:{kind}></w:{kind}s>"
    )


def support_docx_body():
    """The document of tests/support/docx.rs: title, byline, tracked
    changes, a footnote reference, a heading and a table."""
    return "".join(
        [
            p("Title", r("Fire sweeps through Rotterdam container terminal")),
            p("", r("By Annelies Brouwer")),
            p(
                "",
                r("A fire swept through stacks of shipping containers at a terminal in the port of Rotterdam early ")
                + '<w:ins w:author="ed"><w:r><w:t>Sunday</w:t></w:r></w:ins><w:del w:author="ed"><w:r>'
                "<w:delText>Saturday</w:delText></w:r></w:del>"
                + r(", injuring more than a dozen dockworkers, officials said.")
                + '<w:r><w:footnoteReference w:id="1"/></w:r>',
            ),
            p("Heading1", r("Damage")),
            "<w:tbl><w:tr><w:tc>" + p("", r("Containers")) + "</w:tc><w:tc>" + p("", r("230")) + "</w:tc></w:tr></w:tbl>",
            p("", r("The terminal will remain closed until at least Wednesday, the port authority said.")),
            '<w:p><w:r><w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break &amp; &#8220;quote&#8221;</w:t>'
            "<w:noBreakHyphen/></w:r></w:p>",
            '<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>Chosen</w:t></w:r></w:p></mc:Choice><mc:Fallback>'
            "<w:p><w:r><w:t>Fallback</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>",
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK</w:instrText></w:r>'
            '<w:r><w:t>link</w:t></w:r><w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom></w:p>',
        ]
    )


def article_body(text):
    lines = [l for l in text.splitlines() if l.strip()]
    if not lines:
        return ""
    return p("Title", r(lines[0])) + "".join(p("", r(l)) for l in lines[1:])


def zipped(parts, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, text in parts:
            z.writestr(name, text)
    return out.getvalue()


def docx_file(body, footnote=None, compression=zipfile.ZIP_DEFLATED):
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", document_xml(body))]
    if footnote:
        parts.append(("word/footnotes.xml", notes_xml("footnote", footnote)))
    return zipped(parts, compression)


def write(target, name, data):
    d = FUZZ / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"seed-{name}").write_bytes(data)


def main():
    stories = sorted(d for d in ARTICLES.iterdir() if d.is_dir())
    articles = {s.name: sorted(f for f in s.iterdir() if f.suffix in (".txt", ".md")) for s in stories}
    texts = [(f"{s}-{f.stem}{f.suffix}", f.read_bytes()) for s, files in articles.items() for f in files]

    # segment: every article and text fixture, whole and its first 600 bytes.
    for name, data in texts:
        write("segment", name, data)
        write("segment", name + ".head", data[:600])
    for f in FORMATS.glob("*.txt"):
        write("segment", f.name, f.read_bytes())

    # compare: each story's articles, whole; the first 700 bytes of each
    # (small enough for the document-order check); pairs.
    for story, files in articles.items():
        bodies = [f.read_bytes() for f in files]
        write("compare", f"{story}-all", SEP.join(bodies[:6]))
        write("compare", f"{story}-heads", SEP.join(b[:700] for b in bodies[:6]))
        for i in range(len(bodies) - 1):
            write("compare", f"{story}-pair{i}", bodies[i] + SEP + bodies[i + 1])
    write("compare", "same-sentence", b"Firefighters contained the blaze on Tuesday, the port authority said.")
    write("compare", "figures", b"At least 14 people were injured, officials said.\xffAt least 17 people were injured, officials said.")

    # html: the saved pages, and a few small ones.
    for f in FORMATS.glob("*.html"):
        write("html", f.name, f.read_bytes())
    write("html", "tiny", b"<html><head><title>Port fire | Daily</title></head><body><p>Firefighters contained the blaze.</p></body></html>")
    write("html", "koi8", b"<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>")
    write(
        "html",
        "article",
        b'<!DOCTYPE html><html><head><meta property="og:title" content="Fire"><meta name="author" content="Ana">'
        b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"Fire","datePublished":"2025-03-09"}'
        b"</script></head><body><nav><a href=/>Home</a></nav><article><h1>Fire</h1><p>One.</p><ul><li>a</li></ul>"
        b"<table><tr><td>x</td><td>y</td></tr></table><figure><figcaption>c</figcaption></figure></article>"
        b"<aside>Top Stories</aside><footer>Advertisement</footer></body></html>",
    )

    # markdown: the Markdown fixtures and a small one.
    write("markdown", "harbour-fire.md", (FORMATS / "harbour-fire.md").read_bytes())
    write("markdown", "draft-1.md", (ARTICLES / "op-ed-drafts" / "draft-1.md").read_bytes())
    write("markdown", "tiny", b"# Strike ends\n\nTrains run **again**, the [union](https://u.test) said.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")

    # text: the text fixtures (legacy encodings, UTF-16) and a few articles.
    for f in FORMATS.glob("*.txt"):
        if f.stat().st_size:
            write("text", f.name, f.read_bytes())
    for name, data in texts[:6]:
        write("text", name, data)
    write("text", "utf16be-bom", "\ufeffFire at the port. Nobody was hurt.".encode("utf-16-be"))

    # docx: real files (the zip reader), and bare XML parts that the target
    # zips itself (the XML readers), cut at 0xFF: document, footnotes,
    # endnotes, comments, relationships.
    body = support_docx_body()
    write("docx", "support.docx", docx_file(body, "Figures from the fire service."))
    write("docx", "support-stored.docx", docx_file(body, "Figures from the fire service.", zipfile.ZIP_STORED))
    for story, files in articles.items():
        write("docx", f"{story}.docx", docx_file(article_body(files[0].read_text(encoding="utf-8"))))
    write(
        "docx",
        "support-parts",
        SEP.join(
            [
                document_xml(body).encode(),
                notes_xml("footnote", "Figures from the fire service.").encode(),
                notes_xml("endnote", "An endnote.").encode(),
                notes_xml("comment", "A comment.").encode(),
                RELS.encode(),
            ]
        ),
    )
    write("docx", "article-parts", document_xml(article_body((ARTICLES / "rail-strike" / "wire.txt").read_text())).encode())


if __name__ == "__main__":
    main()
