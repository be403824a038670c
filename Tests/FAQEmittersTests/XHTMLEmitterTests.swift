@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

@Suite struct XHTMLEmitterTests {
    static let options = EmitOptions(timestamp: 1_767_225_600)

    static func xhtml(_ document: FAQDocument) throws -> String {
        try XHTMLEmitter().emit(document, options: options).text
    }

    @Test func goldenFilesMatchAndPassXmllint() throws {
        var files: [(name: String, bytes: [UInt8])] = []
        for name in Fixtures.names {
            let text = try Self.xhtml(try Fixtures.document(name))
            try Golden.check(text, "\(name).xhtml")
            files.append(("\(name).xhtml", Array(text.utf8)))
        }
        #expect(files.count >= 4)
        #expect(try Validators.xmllint(files) == "")
    }

    @Test func documentShape() throws {
        let text = try Self.xhtml(try Fixtures.document("everything"))
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\">"))
        #expect(text.contains("<section epub:type=\"qna\" role=\"doc-qna\" id=\"basics\">"))
        #expect(text.contains("<h3 id=\"what-is-this\" class=\"question\">"))
        #expect(text.contains("<a href=\"#what-is-this\">"))
        #expect(text.contains("<meta name=\"keywords\" content=\"fixture, faq, every node\"/>"))
        // A FAQ without sections is one qna section.
        let flat = try Self.xhtml(try Fixtures.document("seed-004"))
        #expect(flat.components(separatedBy: "epub:type=\"qna\"").count == 2)
    }

    @Test func writerEscapesOnceAndDropsCharactersXMLForbids() {
        var out = XHTMLWriter()
        out.beginStartTag(.p)
        out.attribute("title", "a\"b<c>&d\u{1}")
        out.endStartTag()
        out.text("x < y & z > w \u{0}\u{8}\u{B}\u{FFFE}\u{FFFF}\u{85}ok\r\té")
        out.close(.p)
        #expect(out.string == "<p title=\"a&quot;b&lt;c&gt;&amp;d\">x &lt; y &amp; z &gt; w ok&#13;\té</p>")
    }

    /// Bytes handed over between parts (a page streamed section by section) change nothing.
    @Test func writerLayoutDoesNotDependOnTakenBytes() {
        func write(taking: Bool) -> [UInt8] {
            var out = XHTMLWriter()
            var taken: [UInt8] = []
            out.open(.section)
            if taking { taken += out.take() }
            out.element(.p, text: "a")
            if taking { taken += out.take() }
            out.open(.ul)
            out.element(.li, text: "b")
            out.close(.ul)
            if taking { taken += out.take() }
            out.close(.section)
            return taken + out.take()
        }
        #expect(write(taking: true) == write(taking: false))
        #expect(String(decoding: write(taking: false), as: UTF8.self) == "<section>\n<p>a</p>\n<ul>\n<li>b</li>\n</ul>\n</section>")
    }

    @Test func fragmentIsSanitized() {
        let blocks: [Block] = [.paragraph(Paragraph([
            .link(Link(url: " \u{1}JaVaScRiPt:alert(1)", content: [.text("js")])),
            .link(Link(url: "java\nscript:alert(1)", content: [.text("js2")])),
            .link(Link(url: "DATA:text/html,x", content: [.text("data")])),
            .link(Link(url: "https://example.org/?a=1&b=2", content: [.text("ok")])),
            .image(Image(url: "https://example.org/i.png", alt: "remote")),
            .image(Image(url: "local.png", alt: "local")),
            // An href split over lines (HTML input): the breaks go, as in a browser.
            .link(Link(url: "https://exam\nple.org/\tx\r\n", content: [.text("split")])),
        ]))]
        let html = XHTMLContent.fragment(blocks)
        #expect(html == "<p>jsjs2data<a href=\"https://example.org/?a=1&amp;b=2\">ok</a><a href=\"https://example.org/i.png\" class=\"image\">remote</a>local<a href=\"https://example.org/x\">split</a></p>")
    }

    @Test func internalLinksPointAtQuestionIDs() throws {
        let text = try Self.xhtml(try Fixtures.document("everything"))
        #expect(text.contains("href=\"#how-are-lists-written\""))
        #expect(text.contains("id=\"how-are-lists-written\""))
    }
}

/// Characters the serializer drops must not hide a scheme from the link policy.
@Suite struct LinkPolicyHiddenSchemeTests {
    @Test(arguments: ["java\u{85}script:alert(1)", "java\u{FFFE}script:alert(1)", "java\u{9F}script:x",
                      "jav\u{2028}ascript:x", "data\u{0}:text/html,x", " \u{A0}javascript:x", "vb\u{1B}script:x"])
    func hiddenSchemesAreForbidden(_ url: String) throws {
        #expect(LinkPolicy.classify(url) == .forbidden)
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([
            Entry(id: "q", question: [.text("Q?")], answer: [.paragraph(Paragraph([.link(Link(url: url, content: [.text("click")]))]))]),
        ]))
        let xhtml = try XHTMLEmitter().emit(document, options: EmitOptions(timestamp: 0)).text
        let json = try JSONEmitter().emit(document, options: EmitOptions(timestamp: 0)).text
        // JSON keeps the URL as data in `answer`; only its `answer_html` is markup.
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let html = try #require(((object["entries"] as? [[String: Any]])?.first?["answer_html"]) as? String)
        for markup in [xhtml, html] {
            let hrefs = markup.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" }.lowercased() }
            #expect(hrefs.allSatisfy { $0.hasPrefix("#") }, "\(url.debugDescription) reached an href: \(hrefs)")
        }
    }
}
