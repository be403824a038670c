import FAQModel
import FAQReaders
import Foundation
import Testing

/// Every reader fixture against its golden model dump.
@Suite struct ReaderGoldenTests {
    static let cases = [
        "everything.md", "hostile.md", "seed-004.txt", "seed-004-rendition.md", "details.html",
        "definitions.html", "page.html", "mixed.md", "levels.md", "tie.md", "jekyll/guide/liquid.md", "jekyll/guide/faq.md",
        // Question conventions of real FAQs (README "Question conventions recognized").
        "questions/marked.md", "questions/bold.md", "questions/faq-section.md", "questions/faq-section-zh.md",
        "questions/readme-details.md", "questions/answers-keep-lists.html", "questions/toc-widget.md",
        "questions/collapse.mdx", "questions/definition-list.md",
        // Anchor forms and id styles (README "Anchors and ids").
        "anchors/attribute-blocks.md", "anchors/kramdown-ials.md", "anchors/html-ids.html", "anchors/sphinx.html",
        "anchors/raw-html.md", "anchors/pandoc.md", "anchors/github.md", "anchors/jekyll-classic/classic.md",
        "anchors/hugo/content/goldmark.md", "anchors/mkdocs/docs/faq.md",
        "rst/sphinx-faq.rst", "asciidoc/qanda.adoc", "asciidoc/sections.adoc", "docbook/qandaset.xml",
        "docbook/article4.xml", "docbook/chapter.xml",
    ]

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let result = try ReaderFixtures.read(name)
        let goldenName = name.replacingOccurrences(of: "/", with: "-") + ".json"
        let json = try ReaderFixtures.json(result.document)
        try ReaderFixtures.golden.check(json, goldenName)
        // What the tool ships decodes back to the model the reader made.
        #expect(try JSONDecoder().decode(FAQDocument.self, from: Data(json)) == result.document)
    }
}
