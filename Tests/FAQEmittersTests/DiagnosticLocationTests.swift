@testable import FAQEmitters
import FAQModel
import Testing

/// Emitter warnings name the section or entry whose content they are about, so a user of
/// a long FAQ is sent to the right place rather than to the top of the file.
@Suite struct DiagnosticLocationTests {
    static let sectionAt = SourceLocation(file: "faq.md", line: 3)
    static let firstAt = SourceLocation(file: "faq.md", line: 7)
    static let secondAt = SourceLocation(file: "faq.md", line: 19)

    /// Something lossy in the section intro and in each answer: an unsafe link, a remote
    /// image, and a table too wide for plain text.
    static let document: FAQDocument = {
        let wide = Table(
            alignments: [.none, .none],
            header: [TableCell([.text(String(repeating: "header ", count: 12))]), TableCell([.text("b")])],
            rows: [[TableCell([.text(String(repeating: "cell ", count: 20))]), TableCell([.text("d")])]])
        let unsafe: Block = .paragraph(Paragraph([.link(Link(url: "javascript:alert(1)", content: [.text("x")]))]))
        let image: Block = .paragraph(Paragraph([.image(Image(url: "https://e.org/i.png", alt: "pic"))]))
        return FAQDocument(
            metadata: Metadata(title: "T"),
            body: .sections([Section(
                id: "s", title: [.text("S")], intro: [unsafe],
                entries: [
                    Entry(id: "a", question: [.text("A?")], answer: [.table(wide)], location: firstAt),
                    Entry(id: "b", question: [.text("B?")], answer: [image], location: secondAt),
                ],
                location: sectionAt)]))
    }()

    @Test func textTableWarningNamesItsEntry() throws {
        let result = try TextEmitter().emit(Self.document, options: EmitOptions(textWidth: 40))
        let tables = result.diagnostics.filter { $0.message.contains("laid out as records") }
        #expect(tables.map(\.location) == [Self.firstAt])
    }

    @Test(arguments: [false, true])
    func xhtmlWarningsNameTheirSectionAndEntry(_ epub: Bool) throws {
        let emitter: any Emitter = epub ? EPUBEmitter() : XHTMLEmitter()
        let result = try emitter.emit(Self.document, options: EmitOptions(timestamp: 0))
        let unsafe = result.diagnostics.filter { $0.message.contains("unsafe URL") }
        let image = result.diagnostics.filter { $0.message.contains("remote image") }
        #expect(unsafe.map(\.location) == [Self.sectionAt])
        #expect(image.map(\.location) == [Self.secondAt])
    }

    /// An image without alt text leaves nothing behind; the warning must not say its
    /// alt text is kept.
    @Test(arguments: ["man", "xhtml", "epub"])
    func imageWithoutAltIsReportedAsLeftOut(_ format: String) throws {
        let images: Block = .paragraph(Paragraph([
            .image(Image(url: "shot.png", alt: "")), .text(" and "), .image(Image(url: "b.png", alt: "a diagram")),
        ]))
        // Alone in a paragraph, a quote or a cell: nothing of it is written at all.
        let alone: [Block] = [
            .paragraph(Paragraph([.image(Image(url: "alone.png", alt: "")), .softBreak])),
            .quote(BlockQuote([.paragraph(Paragraph([.image(Image(url: "quoted.png", alt: " "))]))])),
            .table(Table(alignments: [], header: [TableCell([.text("h")])], rows: [[TableCell([.image(Image(url: "cell.png", alt: ""))])]])),
        ]
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([
            Entry(id: "a", question: [.text("A?")], answer: [images] + alone, location: Self.firstAt),
        ]))
        let emitters: [String: any Emitter] = ["man": ManEmitter(), "xhtml": XHTMLEmitter(), "epub": EPUBEmitter()]
        let emitter = try #require(emitters[format])
        let messages = try emitter.emit(document, options: EmitOptions(timestamp: 0)).diagnostics.map(\.message)
        #expect(messages.filter { $0.contains("shot.png") && $0.contains("has no alt text and is left out") }.count == 1, "\(messages)")
        #expect(messages.filter { $0.contains("b.png") && $0.contains("alt text") && !$0.contains("left out") }.count == 1, "\(messages)")
        #expect(!messages.contains { $0.contains("shot.png") && $0.contains("kept") || $0.contains("shot.png") && $0.contains("written as its alt") })
        for url in ["alone.png", "quoted.png", "cell.png"] {
            #expect(messages.filter { $0.contains(url) && $0.contains("has no alt text and is left out") }.count == 1, "\(url): \(messages)")
        }
    }
}
