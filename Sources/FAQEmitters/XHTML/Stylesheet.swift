/// The stylesheets: `page` embedded in the `xhtml` document, `book` as the EPUB's `style.css`.
///
/// Both: text at the reader's size (em only), serif text, headings kept with what follows,
/// long words and URLs wrapped (`overflow-wrap: anywhere`), tables and code blocks scrolling
/// in their own box instead of widening the page, a print layout that keeps a question with
/// the start of its answer. Greys are translucent so they read on any background.
///
/// The page sets its colours, light or dark after the reader's `prefers-color-scheme`; code
/// blocks keep their lines and scroll. The book sets no colour, so a reading system's themes
/// (sepia, night) apply; its code blocks wrap, since paginated and e-ink reading systems may
/// clip what scrolls. Neither contains `>` or `&`, so the embedded copy reads the same to an
/// HTML and an XML parser.
enum Stylesheet {
    static let page = common + """
    :root { color-scheme: light dark; }
    html { color: #1f1f1f; background: #fdfdfc; }
    a { color: #0a56a0; }
    pre { white-space: pre; }
    nav a { text-decoration: none; }
    nav a:hover, nav a:focus-visible { text-decoration: underline; }
    nav[role~="doc-toc"] { margin: 1.2em 0 2em; padding: 0.4em 1em; border: 1px solid rgba(128, 128, 128, 0.5); border-radius: 0.3em; }
    @media (prefers-color-scheme: dark) {
      html { color: #e6e4df; background: #17181a; }
      a { color: #9cc1ff; }
    }

    """ + print

    static let book = common + """
    a { color: inherit; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; }

    """ + print

    private static let common = """
    html { line-height: 1.5; }
    body { font-family: Georgia, "Times New Roman", serif; margin: 0 auto; max-width: 42em; padding: 0 1em; overflow-wrap: anywhere; }
    h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; page-break-after: avoid; break-after: avoid; }
    h1 { font-size: 1.75em; margin: 1em 0 0.6em; }
    h2 { font-size: 1.4em; margin: 1.4em 0 0.5em; }
    h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
    h4, h5, h6 { font-size: 1em; margin: 1em 0 0.3em; }
    p, ul, ol, blockquote, pre, table, .table-box { margin: 0.5em 0; }
    ul, ol { padding-left: 1.5em; }
    a { text-decoration: underline; text-underline-offset: 0.15em; }
    code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
    code { padding: 0 0.2em; border-radius: 0.2em; background: rgba(128, 128, 128, 0.15); }
    pre { overflow-x: auto; padding: 0.5em 0.75em; border-left: 0.25em solid rgba(128, 128, 128, 0.6); background: rgba(128, 128, 128, 0.08); }
    pre code { font-size: 1em; padding: 0; background: none; }
    blockquote { margin-left: 0.5em; margin-right: 0; padding-left: 0.8em; border-left: 0.25em solid rgba(128, 128, 128, 0.6); font-style: italic; }
    .table-box { overflow-x: auto; }
    table { border-collapse: collapse; overflow-wrap: break-word; }
    th, td { border: 1px solid rgba(128, 128, 128, 0.6); padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
    th { background: rgba(128, 128, 128, 0.12); }
    th.align-left, td.align-left { text-align: left; }
    th.align-center, td.align-center { text-align: center; }
    th.align-right, td.align-right { text-align: right; }
    img { max-width: 100%; height: auto; }
    hr { border: 0; border-top: 1px solid rgba(128, 128, 128, 0.6); margin: 1.5em 0; }
    .question { font-size: 1.2em; page-break-after: avoid; break-after: avoid; }
    a.image { font-style: italic; }
    li.task { list-style-type: none; }
    nav ol { list-style-type: none; padding-left: 0; }
    nav ol ol { padding-left: 1.2em; }
    nav li { margin: 0.3em 0; }
    section { margin-bottom: 1.5em; }
    a:focus-visible, pre:focus-visible, .table-box:focus-visible { outline: 0.15em solid currentColor; outline-offset: 0.15em; }

    """

    private static let print = """
    @media print {
      html { color: #000; background: #fff; }
      body { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
      .table-box { overflow: visible; }
      pre, blockquote, tr { page-break-inside: avoid; break-inside: avoid; }
      .question + * { page-break-before: avoid; break-before: avoid; }
      p, li { orphans: 3; widows: 3; }
    }

    """
}
