import FAQModel
@testable import FAQReaders
import Testing

@Suite struct HTMLReaderTests {
    @Test func seed004AndItsMarkdownRenditionGiveEqualModels() throws {
        let html = try ReaderFixtures.read("seed-004.txt").document
        let markdown = try ReaderFixtures.read("seed-004-rendition.md").document
        #expect(html.allEntries.count == 3)
        #expect(html.withoutLocations == markdown.withoutLocations)
    }

    @Test func detailsSummaryGiveEntriesAndScriptsAreDropped() throws {
        let result = try ReaderFixtures.read("details.html")
        let document = result.document
        #expect(document.metadata.title == "Foire aux questions")
        #expect(document.metadata.lang == "fr")
        #expect(document.metadata.keywords == ["faq", "details"])
        #expect(document.allEntries.map(\.question.plainText) == ["What is a details entry", "Second one?"])
        #expect(document.allEntries[1].answer == [.code(CodeBlock(language: "sh", text: "echo \"hi\" && exit"))])
        let dump = String(decoding: try ReaderFixtures.json(document), as: UTF8.self)
        for banned in ["alert", "injected", "evil", "onclick", "color: red", "a comment"] {
            #expect(!dump.contains(banned), "\(banned) leaked into the model")
        }
    }

    @Test func definitionListsGiveEntries() throws {
        let document = try ReaderFixtures.read("definitions.html").document
        #expect(document.metadata.title == "Glossary FAQ")
        #expect(document.allEntries.map(\.question.plainText) == ["What is a term?", "What is dl?"])
        #expect(document.allEntries[0].answer.count == 2)
    }

    @Test func standalonePageWithSectionsTablesAndTasks() throws {
        let document = try ReaderFixtures.read("page.html").document
        guard case .sections(let sections) = document.body else { Issue.record("expected sections"); return }
        #expect(sections.map(\.title.plainText) == ["General", "Buying"])
        let answers = document.allEntries.map(\.answer)
        #expect(answers[0][0] == .paragraph(Paragraph([
            .text("A small "), .code("gadget"), .text(". It has "), .strikethrough([.text("no")]), .text(" "),
            .strikethrough([.text("many")]), .text(" uses."), .lineBreak, .text("Second line."),
        ])))
        #expect(answers[0][1] == .heading(Heading(level: 4, content: [.text("Details")], id: "details")))
        guard case .table(let table) = answers[1].last else { Issue.record("expected a table"); return }
        #expect(table.alignments == [.left, .right])
        #expect(table.header.map(\.content.plainText) == ["Name", "Size"])
        #expect(table.rows.map { $0.map(\.content.plainText) } == [["Small", "1"], ["Large", "10"]])
        guard case .list(let ordered) = answers[2][0], case .list(let tasks) = answers[2][1] else { Issue.record("expected lists"); return }
        #expect(ordered.start == 3 && !ordered.tight)
        #expect(tasks.items.map(\.task) == [.checked, .unchecked])
        let dump = String(decoding: try ReaderFixtures.json(document), as: UTF8.self)
        for banned in ["steal", "display:none", "Buy\"", "x.swf", "onmouseover"] {
            #expect(!dump.contains(banned), "\(banned) leaked into the model")
        }
    }

    @Test func markdownWithRawHTMLGoesThroughTheHTMLReader() throws {
        let document = try ReaderFixtures.read("mixed.md").document
        #expect(document.allEntries.map(\.question.plainText) == ["Does a details block with Markdown inside work?", "Is a normal heading question fine too?"])
        #expect(document.preamble == [.paragraph(Paragraph([.text("Markdown preamble with "), .code("Ctrl"), .text("+"), .code("C"), .text(" inline HTML.")]))])
        #expect(document.allEntries[1].answer == [.paragraph(Paragraph([.text("Sure. Span text and dropped.")]))])
        // Lines come from cmark's source positions, past the front matter.
        #expect(document.allEntries[1].location?.line == 17)
    }

    @Test func deepNestingIsFlattenedNotRecursed() throws {
        let html = String(repeating: "<div>", count: 50_000) + "<h2>Deep?</h2><p>yes</p>" + String(repeating: "</div>", count: 50_000)
        let result = try FAQReader.read(text: "## Q?\n\nA\n\n" + html, path: "deep.md")
        #expect(result.document.allEntries.count >= 1)
        let quotes = String(repeating: ">", count: 100_000) + " deep\n"
        let quoted = try FAQReader.read(text: "## Q?\n\n" + quotes, path: "quotes.md")
        #expect(quoted.diagnostics.contains { $0.message.contains("flattened") })
    }
}
