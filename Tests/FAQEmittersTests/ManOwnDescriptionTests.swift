@testable import FAQEmitters
import FAQModel
import Testing

/// A command's manual written as a FAQ (faqexport(1) is one) has its own DESCRIPTION
/// section: the page must not get a second one.
@Suite struct ManOwnDescriptionTests {
    @Test func ownDescriptionSectionIsNotDoubled() throws {
        let document = FAQDocument(
            metadata: Metadata(title: "tool", description: "do things"),
            preamble: [.paragraph(Paragraph([.text("Preamble text.")]))],
            body: .sections([
                Section(id: "synopsis", title: [.text("SYNOPSIS")], intro: [.paragraph(Paragraph([.text("tool [x]")]))], entries: []),
                Section(id: "description", title: [.text("DESCRIPTION")], intro: [.paragraph(Paragraph([.text("Long text.")]))], entries: []),
                Section(id: "options", title: [.text("OPTIONS")], entries: [Entry(id: "x", question: [.text("-x")], answer: [.paragraph(Paragraph([.text("Does x.")]))])]),
            ]))
        let page = try ManEmitter().emit(document, options: EmitOptions(timestamp: 0)).text
        let lines = page.split(separator: "\n")
        #expect(lines.filter { $0 == ".SH \"DESCRIPTION\"" }.count == 1)
        let description = try #require(lines.firstIndex(of: ".SH \"DESCRIPTION\""))
        #expect(lines[description + 1] == "Preamble text.")
        #expect(lines.filter { $0.hasPrefix(".SS") }.count == 1)
    }
}

@Suite struct ManPageNameTests {
    @Test func aNameOfControlCharactersFallsBackToTheTitle() throws {
        let document = FAQDocument(
            metadata: Metadata(title: "Real Title", extra: ["man_name": "\u{1}\u{2}\t\u{85}"]),
            body: .entries([Entry(id: "q", question: [.text("Q?")], answer: [])]))
        let page = try ManEmitter().emit(document, options: EmitOptions(timestamp: 0)).text
        #expect(page.contains(".TH \"REAL\\-TITLE\""))
        #expect(page.contains("\nreal\\-title \\- Real Title\n"))
    }
}
