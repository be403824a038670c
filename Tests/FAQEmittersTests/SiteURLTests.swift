@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

/// A page whose address is known (`Metadata.url`, as the readers set it for a Jekyll site)
/// gives absolute entry URLs, and its relative links are resolved against it (RFC 3986)
/// in every output that leaves the site; the xhtml page and the JSON model keep them.
@Suite struct SiteURLTests {
    static let options = EmitOptions(timestamp: 1_767_225_600)
    static let links: [(written: String, resolved: String)] = [
        ("/blog/x", "https://site.example/blog/x"),
        ("../other.html", "https://site.example/docs/guide/other.html"),
        ("other.html", "https://site.example/docs/guide/faq/other.html"),
        ("./a/./b/../c.html", "https://site.example/docs/guide/faq/a/c.html"),
        ("../../../../../up.html", "https://site.example/up.html"),
        ("?page=2", "https://site.example/docs/guide/faq/?page=2"),
    ]

    static func document(url: String?) -> FAQDocument {
        let answer = Paragraph(links.enumerated().flatMap { index, link -> [Inline] in
            [.text(index == 0 ? "See " : ", "), .link(Link(url: link.written, content: [.text("link \(index)")]))]
        } + [.text(".")])
        return FAQDocument(
            metadata: Metadata(title: "Site FAQ", permalink: "/guide/faq/", url: url),
            body: .entries([Entry(id: "where", question: [.text("Where?")], answer: [.paragraph(answer)],
                                  location: SourceLocation(file: "faq.md", line: 5))]),
            source: "faq.md")
    }

    static let known = document(url: "https://site.example/docs/guide/faq/")

    static func text(_ result: EmitResult) -> String {
        if case .text(let text) = result.output { return text }
        return ""
    }

    @Test func resolvingIsRFC3986() {
        let urls = DocumentURLs(Self.known, options: Self.options)
        for link in Self.links { #expect(urls.absolute(link.written) == link.resolved, "\(link.written)") }
        #expect(urls.absolute("https://o.example/x") == nil)
        #expect(urls.resolve("#where") == "https://site.example/docs/guide/faq/#where")
        // Unknown address: kept as written.
        let unknown = DocumentURLs(Self.document(url: nil), options: Self.options)
        #expect(unknown.page == "/guide/faq/")
        #expect(unknown.absolute("../other.html") == nil)
        #expect(unknown.resolve("../other.html") == "../other.html")
    }

    @Test func jsonEntryURLsAreAbsoluteAndAnswersResolved() throws {
        for emitter in [JSONEmitter() as any Emitter, JSONLDEmitter()] {
            let json = Self.text(try emitter.emit(Self.known, options: Self.options))
            #expect(json.contains("\"url\": \"https://site.example/docs/guide/faq/#where\""), "\(json)")
            for link in Self.links { #expect(json.contains("href=\\\"\(link.resolved)\\\""), "\(link.resolved) in \(json)") }
        }
        let json = Self.text(try JSONEmitter().emit(Self.known, options: Self.options))
        for link in Self.links {
            #expect(json.contains("(\(link.resolved))"), "answer_text: \(link.resolved)")
            // The structured answer is the model: as the source wrote it.
            #expect(json.contains("\"url\": \"\(link.written)\""), "answer: \(link.written)")
        }
        #expect(json.contains("\"url\": \"https://site.example/docs/guide/faq/\",\n    \"authors\""))
    }

    @Test func manAndTextShowResolvedURLs() throws {
        let text = Self.text(try TextEmitter().emit(Self.known, options: Self.options))
        for (n, link) in Self.links.enumerated() { #expect(text.contains("[\(n + 1)] \(link.resolved)"), "\(text)") }
        #expect(text.contains("URL: https://site.example/docs/guide/faq/"))
        let man = try ManEmitter().emit(Self.known, options: Self.options)
        // Without the escaper's break points (`\:`), each link is a `.UR` to its resolution.
        let page = Self.text(man).replacingOccurrences(of: "\\:", with: "")
        for link in Self.links { #expect(page.contains(".UR \"\(link.resolved)\""), "\(link.resolved) in \(page)") }
        #expect(man.diagnostics.isEmpty, "\(man.diagnostics)")
    }

    /// Without the site's address, relative links stay text in man and EPUB, with one
    /// warning per document that names the first and says how to give the address.
    @Test func unknownAddressWarnsOnce() throws {
        let document = Self.document(url: nil)
        let man = try ManEmitter().emit(document, options: Self.options)
        #expect(!Self.text(man).contains(".UR"))
        #expect(man.diagnostics.map(\.description) == [
            "faq.md:5:1: warning: man page: 6 relative links (first: '/blog/x') kept as text only: the page's address is unknown (give --base-url, or url in a Jekyll _config.yml)",
        ])
        let epub = try EPUBEmitter().emit(document, options: Self.options)
        #expect(epub.diagnostics.map(\.message) == [
            "EPUB: 6 relative links (first: '/blog/x') written as text: the page's address is unknown (give --base-url, or url in a Jekyll _config.yml)",
        ])
        let text = Self.text(try TextEmitter().emit(document, options: Self.options))
        #expect(text.contains("[2] ../other.html"))
        // With the address, the EPUB links them.
        let book = try EPUBEmitter().emit(Self.known, options: Self.options)
        #expect(book.diagnostics.isEmpty)
        guard case .archive(let entries) = book.output else { Issue.record("no archive"); return }
        let chapters = entries.filter { $0.path.hasPrefix("EPUB/chapter") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        for link in Self.links { #expect(chapters.contains("href=\"\(link.resolved)\""), "\(link.resolved)") }
    }

    /// The xhtml page is the site's page: links stay as written.
    @Test func xhtmlKeepsLinksAsWritten() throws {
        let page = Self.text(try XHTMLEmitter().emit(Self.known, options: Self.options))
        for link in Self.links { #expect(page.contains("href=\"\(link.written)\""), "\(link.written)") }
    }

    /// `--base-url` is the site's address (Jekyll's url + baseurl): a permalink is below it.
    @Test func baseURLJoinsLikeJekyll() {
        let urls = DocumentURLs(Self.document(url: nil), options: EmitOptions(baseURL: "https://site.example/docs/"))
        #expect(urls.page == "https://site.example/docs/guide/faq/")
        #expect(urls.absolute("../other.html") == "https://site.example/docs/guide/other.html")
    }
}
