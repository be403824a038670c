/// The one stylesheet: embedded in the `xhtml` document, `style.css` in the EPUB.
///
/// Written for paper, screens and e-ink alike: black on the reader's background, no colour
/// carrying meaning, serif text at the reader's size, headings kept with what follows,
/// code that wraps instead of overflowing. It contains no `>` or `&`, so the embedded copy
/// reads the same to an HTML and an XML parser.
enum Stylesheet {
    static let css = """
    html { line-height: 1.45; }
    body { font-family: Georgia, "Times New Roman", serif; margin: 0 auto; max-width: 42em; padding: 0 1em; }
    h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; page-break-after: avoid; break-after: avoid; }
    h1 { font-size: 1.8em; margin: 1em 0 0.6em; }
    h2 { font-size: 1.4em; margin: 1.4em 0 0.5em; }
    h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
    h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; }
    p, ul, ol, blockquote, pre, table { margin: 0.5em 0; }
    a { color: inherit; text-decoration: underline; }
    code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
    pre { white-space: pre-wrap; word-wrap: break-word; border-left: 0.2em solid #888; padding: 0.3em 0.6em; page-break-inside: avoid; }
    blockquote { margin-left: 1em; padding-left: 0.8em; border-left: 0.2em solid #888; font-style: italic; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid #888; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
    th.align-left, td.align-left { text-align: left; }
    th.align-center, td.align-center { text-align: center; }
    th.align-right, td.align-right { text-align: right; }
    .question { page-break-after: avoid; break-after: avoid; }
    a.image { font-style: italic; }
    li.task { list-style-type: none; }
    nav ol { list-style-type: none; padding-left: 1.2em; }
    section { margin-bottom: 1.5em; }
    @media print {
      body { max-width: none; padding: 0; }
      a { text-decoration: none; }
      h2 { page-break-before: auto; }
    }

    """
}
