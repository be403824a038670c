@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

/// The markup the browser test (Tests/Browser/check_pages.py) relies on, checked without a
/// browser: heading levels, one `h1` and one `main` per document, scroll boxes.
@Suite struct ReadingMarkupTests {
    static let options = EmitOptions(timestamp: 1_767_225_600)

    static func headings(_ text: String) -> [Int] {
        var levels: [Int] = []
        var rest = Substring(text)
        while let range = rest.range(of: "<h") {
            rest = rest[range.upperBound...]
            if let digit = rest.first?.wholeNumberValue, (1...6).contains(digit) { levels.append(digit) }
        }
        return levels
    }

    static let document = FAQDocument(metadata: Metadata(title: "Levels"), body: .sections([
        Section(id: "one", title: [.text("One")], entries: [
            Entry(id: "q1", question: [.text("Q1?")], answer: [
                // The source jumps from its question level to 5, then back to 2 and down again.
                .heading(Heading(level: 5, content: [.text("deep")])),
                .heading(Heading(level: 6, content: [.text("deeper")])),
                .heading(Heading(level: 2, content: [.text("shallow")])),
                .heading(Heading(level: 6, content: [.text("deep again")])),
                .table(Table(alignments: [.none], header: [TableCell([.text("h")])], rows: [[TableCell([.text("c")])]])),
                .code(CodeBlock(text: "x")),
            ]),
        ]),
        Section(id: "two", title: [.text("Two")], entries: [
            Entry(id: "q2", question: [.text("Q2?")], answer: [.heading(Heading(level: 6, content: [.text("deep")]))]),
        ]),
    ]))

    @Test func pageHeadingsNeverSkipALevel() throws {
        guard case .text(let page) = try XHTMLEmitter().emit(Self.document, options: Self.options).output else {
            Issue.record("xhtml is not text")
            return
        }
        // h1 title, h2 section, h3 question, answer headings from h4 one level at a time.
        #expect(Self.headings(page) == [1, 2, 3, 4, 5, 4, 5, 2, 3, 4])
        #expect(page.components(separatedBy: "<main>").count == 2)
        #expect(page.contains("<div class=\"table-box\" tabindex=\"0\">\n<table>"))
        #expect(page.contains("<th scope=\"col\">h</th>"))
        #expect(page.contains("<pre tabindex=\"0\"><code>x</code></pre>"))
    }

    @Test func everyEPUBContentDocumentHasOneH1AndOneMain() throws {
        guard case .archive(let entries) = try EPUBEmitter().emit(Self.document, options: Self.options).output else {
            Issue.record("epub is not an archive")
            return
        }
        let documents = entries.filter { $0.path.hasSuffix(".xhtml") }
        #expect(documents.count == 3)
        for entry in documents {
            let text = String(decoding: entry.data, as: UTF8.self)
            #expect(Self.headings(text).filter { $0 == 1 }.count == 1, "\(entry.path)")
            #expect(text.components(separatedBy: "<main>").count == 2, "\(entry.path)")
        }
        let second = String(decoding: entries.first { $0.path == "EPUB/chapter-002.xhtml" }!.data, as: UTF8.self)
        #expect(Self.headings(second) == [1, 2, 3])
    }

    @Test func answerHTMLKeepsPlainTables() {
        let html = XHTMLContent.fragment([.table(Table(alignments: [.none], header: [TableCell([.text("h")])], rows: []))])
        #expect(html == "<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n</table>")
    }
}
