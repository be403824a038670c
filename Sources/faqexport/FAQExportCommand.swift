import ArgumentParser
import FAQEmitters

struct FAQExportCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "faqexport",
        abstract: "Turn FAQ documents (Markdown/GFM, Jekyll pages, HTML) into man pages, EPUB, XHTML, text and JSON.",
        discussion: """
            Each input is parsed once into one FAQ model; every requested format is written from it.
            With no INPUT, the documents in Sources-content/ are read. INPUT '-' reads standard input.

            EXAMPLES
              faqexport --format man faq.md > faq.7
              faqexport --format epub -o faq.epub faq.md
              faqexport --format xhtml -o faq.xhtml faq.md
              faqexport --format text --width 60 faq.md
              faqexport --format json page.html
              faqexport --format jsonld faq.md
              faqexport --output-dir out/ faq.md          (every format: out/NAME.7, NAME.epub, …)
              faqexport --format epub -o book.epub a.md b.md c.md   (one book, a chapter each)
              faqexport lint faq.md

            EXIT STATUS
              0  success
              1  input or output error (bad document, unreadable input, unwritable output)
              2  usage error (unknown option or format, conflicting options)
            """,
        version: version,
        subcommands: [Convert.self, Lint.self],
        defaultSubcommand: Convert.self)
}
