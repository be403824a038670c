import ArgumentParser
import FAQEmitters

struct FAQExportCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "faqexport",
        abstract: "Turn FAQ documents (Markdown/GFM, Jekyll and Hugo pages, HTML, reStructuredText, AsciiDoc, DocBook) into man pages, EPUB, XHTML, text and JSON.",
        usage: """
            faqexport [convert] [options] [INPUT …]
            faqexport lint [--strict] [options] [INPUT …]
            """,
        discussion: """
            Each input is parsed once into one FAQ model; every requested format is written
            from it. With no INPUT, the documents in Sources-content/ are read; INPUT '-'
            reads standard input. All options: 'faqexport convert --help' (the default
            command, so 'faqexport [options] INPUT…' works as is).

            EXAMPLES
              faqexport --format man faq.md > faq.7
              faqexport --format epub -o faq.epub faq.md
              faqexport --format xhtml -o faq.xhtml faq.md
              faqexport --format text --width 60 faq.md
              faqexport --format json page.html
              faqexport --format jsonld faq.md
              faqexport --output-dir out/ faq.md     every format: out/NAME.7, …
              faqexport -f epub -o book.epub a.md b.md   one book, a chapter each
              faqexport lint --strict faq.md
              faqexport --list-formats

            MAIN OPTIONS
              -f, --format F[,F…]   \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))
              -o, --output FILE     write the one output to FILE (atomically)
              --output-dir DIR      write NAME.EXT per input and format
              --question-level N    heading level of the questions (1-6)
              --section TITLE       read only that section (e.g. a README's FAQ)
              --id-style S          ids the author did not write: github, kramdown,
                                    kramdown-classic, goldmark (Hugo), mkdocs, pandoc
              --from FORMAT         input markup: markdown, mdx, html, rst, asciidoc,
                                    docbook (else the extension, then the content)
              --base-url URL        the site's address: entry URLs and relative
                                    links become absolute
              --width N, --ascii, --man-section S, --lossy, -q, -v

            EXIT STATUS
              0  success
              1  input or output error (bad document, unreadable input, unwritable output)
              2  usage error (unknown option or format, conflicting options)
            """,
        version: version,
        subcommands: [Convert.self, Lint.self],
        defaultSubcommand: Convert.self)
}
