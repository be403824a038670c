@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

@Suite struct JSONLDEmitterTests {
    static func jsonld(_ document: FAQDocument, baseURL: String? = nil) throws -> String {
        let result = try JSONLDEmitter().emit(document, options: EmitOptions(baseURL: baseURL))
        return result.text
    }

    @Test(arguments: Fixtures.names)
    func golden(_ name: String) throws {
        try Golden.check(Self.jsonld(try Fixtures.document(name)), "\(name).jsonld")
    }

    /// Parses, and checks the schema.org FAQPage shape: one Question per entry, each with
    /// a name and an accepted Answer with text.
    @Test(arguments: Fixtures.names)
    func faqPage(_ name: String) throws {
        let document = try Fixtures.document(name)
        let text = try Self.jsonld(document, baseURL: "https://faq.example.net/")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["@context"] as? String == "https://schema.org")
        #expect(root["@type"] as? String == "FAQPage")
        #expect(root["inLanguage"] as? String == document.metadata.lang)
        #expect(root["name"] as? String == document.metadata.title.map { $0.precomposedStringWithCanonicalMapping })
        #expect(root["url"] is String)
        let questions = try #require(root["mainEntity"] as? [[String: Any]])
        #expect(questions.count == document.allEntries.count)
        for (question, entry) in zip(questions, document.allEntries) {
            #expect(question["@type"] as? String == "Question")
            #expect(question["name"] as? String == entry.question.plainText.precomposedStringWithCanonicalMapping)
            #expect((question["url"] as? String)?.hasSuffix("#\(entry.id)") == true)
            let answer = try #require(question["acceptedAnswer"] as? [String: Any])
            #expect(answer["@type"] as? String == "Answer")
            #expect(answer["text"] is String)
        }
    }

    @Test func noURLWhenUnknown() throws {
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([Entry(id: "a", question: [.text("Q?")], answer: [])]))
        let text = try Self.jsonld(document)
        #expect(!text.contains("\"url\"") && !text.contains("\"@id\""))
    }
}

/// JSON-LD is pasted into `<script type="application/ld+json">`: no text may close it.
@Suite struct JSONLDScriptSafetyTests {
    @Test func noMarkupCharactersSurvive() throws {
        let document = FAQDocument(
            metadata: Metadata(title: "</script><script>alert(1)</script>", description: "a & b \u{2028}"),
            body: .entries([Entry(id: "q", question: [.text("<!-- Q? -->")], answer: [.paragraph(Paragraph([.text("</SCRIPT>")]))])]))
        let out = try JSONLDEmitter().emit(document, options: EmitOptions(timestamp: 0)).text
        for banned in ["<", ">", "&", "\u{2028}"] { #expect(!out.contains(banned), "\(banned.debugDescription) in JSON-LD") }
        let object = try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "</script><script>alert(1)</script>")
    }
}
