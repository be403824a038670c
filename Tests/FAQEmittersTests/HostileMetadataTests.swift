@testable import FAQEmitters
import FAQModel
import Testing

/// Values a document chooses itself (ids, permalink) cannot take over the page's own.
@Suite struct HostileMetadataTests {
    static func output(_ emitter: any Emitter, _ document: FAQDocument, _ options: EmitOptions = EmitOptions()) throws -> String {
        try emitter.emit(document, options: options).text
    }

    @Test func aQuestionCannotTakeTheContentsID() throws {
        let document = FAQDocument(metadata: Metadata(title: "T"), body: .entries([
            Entry(id: "faqexport-toc", question: [.text("Faqexport TOC?")], answer: []),
            Entry(id: "faqexport-toc-nav", question: [.text("Faqexport TOC nav?")], answer: []),
        ]))
        let page = try Self.output(XHTMLEmitter(), document)
        var ids: [Substring] = []
        var rest = page[...]
        while let r = rest.range(of: " id=\"") {
            let value = rest[r.upperBound...].prefix { $0 != "\"" }
            ids.append(value)
            rest = rest[value.endIndex...]
        }
        #expect(ids.count == Set(ids).count, "duplicate ids: \(ids)")
        #expect(ids.contains("faqexport-toc") && ids.contains("faqexport-toc-nav") && ids.contains("faqexport-toc-nav-nav"))
        #expect(page.contains("href=\"#faqexport-toc\""))  // the TOC item still reaches the question
        _ = try Validators.xmllint([("toc.xhtml", Array(page.utf8))])
    }

    @Test(arguments: ["javascript:alert(document.cookie)//", " JaVaScRiPt:alert(1)//"])
    func aScriptPermalinkIsNoURL(_ url: String) throws {
        let entries: Body = .entries([Entry(id: "q", question: [.text("Q?")], answer: [])])
        let viaPermalink = FAQDocument(metadata: Metadata(title: "T", permalink: url), body: entries)
        let viaBase = FAQDocument(metadata: Metadata(title: "T"), body: entries)
        for (document, options) in [(viaPermalink, EmitOptions()), (viaBase, EmitOptions(baseURL: url))] {
            for emitter in [JSONLDEmitter(), JSONEmitter(), TextEmitter()] as [any Emitter] {
                let text = try Self.output(emitter, document, options).lowercased()
                // The JSON model keeps the front matter's permalink as data; no URL uses it.
                let hit = emitter is JSONEmitter ? text.contains("\"url\": \"javascript:") || text.contains("\"url\": \" javascript:")
                    : text.contains("javascript:")
                #expect(!hit, "\(type(of: emitter)): \(text)")
            }
        }
    }

    /// Values made of characters the XML writer drops, and URLs that pass the scheme
    /// allowlist without being valid URIs, still give a book epubcheck accepts silently.
    @Test func controlOnlyValuesAndHollowURLsGiveAValidBook() throws {
        // Hollow, or with a host a URL parser rejects (epubcheck RSC-020 error, RSC-023 warning).
        let hollow = ["https:", "http://", "mailto:", "tel:", "//", "https://:80/", "https:/path", "http://[::1", "http://[x]/",
                      "https://exa mple.org", "https://user@/x", "http://%zz/", "https://ex%41mple.org/", "https://a..b/", "https://a:b/",
                      "http://[12345::]/", "http://[1:2]/", "http://[::1.2.3.4.5]/", "http://[:::::::]/", "https://us[er@example.com/",
                      "https://example.com\\evil.com/", "https://1.2.3.999/", "http://0x7f.1/", "https://-x-.com/"]
        let valid = ["https://x.org/[a]", "https://example.org/#/docs#install", "https://[::1]/x", "https://ok.example/",
                     "http://[::ffff:1.2.3.4]/", "https://1.2.3.4/", "http://[2001:db8::1]:8080/", "https://xn--bcher-kva.example/",
                     "https://example.org:8080/x", "http://[::1]:80/", "https://user:pw@host.example/", "https://example.org./"]
        let urls = hollow + ["ftp://@/"] + valid
        let links: [Inline] = urls.map { .link(Link(url: $0, content: [.text("link")])) }
        let metadata = Metadata(
            title: "\u{80}\u{81}", description: "\u{05}", keywords: ["\u{7F}", "k"], authors: ["\u{05}"],
            extra: ["identifier": "\u{7F}"])
        var badUUID = metadata
        badUUID.extra["identifier"] = "urn:uuid:not-a-uuid"
        let document = FAQDocument(metadata: metadata, body: .sections([
            Section(id: "s", title: [.text("\u{9B}")], entries: [
                Entry(id: "q", question: [.text("\u{01}\u{02}\u{7F}")], answer: [.paragraph(Paragraph(links))]),
                Entry(id: "real", question: [.text("Real?")], answer: []),
            ]),
        ]))
        let result = try EPUBEmitter().emit(document, options: EmitOptions(timestamp: 0))
        let bytes = result.bytes
        var withBadUUID = document
        withBadUUID.metadata = badUUID
        let badResult = try EPUBEmitter().emit(withBadUUID, options: EmitOptions(timestamp: 0))
        #expect(badResult.diagnostics.contains { $0.message.contains("not a valid urn:uuid") })
        var spaced = document
        spaced.metadata.extra["identifier"] = " urn:uuid:12345678-1234-1234-1234-123456789abc\u{85} "
        let good = try EPUBEmitter().emit(spaced, options: EmitOptions(timestamp: 0))
        #expect(!good.diagnostics.contains { $0.message.contains("urn:uuid") })
        let opf = try #require(EPUBEmitter().entries(book: [spaced], options: EmitOptions(timestamp: 0)).entries.first { $0.path.hasSuffix(".opf") })
        #expect(String(decoding: opf.data, as: UTF8.self).contains(">urn:uuid:12345678-1234-1234-1234-123456789abc<"))
        for check in try Validators.epubcheck([("hostile-metadata", bytes), ("bad-uuid", badResult.bytes)]) {
            #expect(check.clean, "epubcheck:\n\(check.output)")
        }
        let page = try Self.output(XHTMLEmitter(), document)
        #expect(page.contains("href=\"https://example.org/#/docs%23install\""))
        #expect(page.contains("href=\"https://x.org/%5Ba%5D\""))
        #expect(page.contains("href=\"https://[::1]/x\""))
        for url in hollow { #expect(!page.contains("href=\"\(url)\""), "\(url) is a link") }
        for url in valid.suffix(8) { #expect(page.contains("href=\"\(url)\""), "\(url) is not a link") }
        let refused = result.diagnostics.filter { $0.message.hasSuffix("is not a valid URL and is written as text") }
        #expect(refused.count == hollow.count + 1, "\(refused.map(\.message))")  // and ftp://@/
    }
}
