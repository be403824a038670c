@testable import FAQEmitters
import FAQModel
import Foundation
import Testing

@Suite struct EPUBEmitterTests {
    static let options = EmitOptions(timestamp: 1_767_225_600)
    /// Three fixtures bound into one book (two of them share question ids).
    static let bookFixtures = ["everything", "hostile", "eventlet-removal-faq"]
    /// Two documents with cross-references, sharing an id: each links to its own.
    static let crossReferenceBook = ["crossrefs", "crossref-dead"]

    /// The book's entries, unzipped (what the goldens hold).
    static func entries(_ documents: FAQDocument..., options: EmitOptions = options) throws -> [ArchiveEntry] {
        try EPUBEmitter().entries(book: documents, options: options).entries
    }

    /// Every book the suite checks: each fixture alone, and the three-document book.
    static func books() throws -> [(name: String, entries: [ArchiveEntry], bytes: [UInt8])] {
        var books: [(String, [ArchiveEntry], [UInt8])] = []
        for name in Fixtures.names {
            let document = try Fixtures.document(name)
            books.append((name, try entries(document), try EPUBEmitter().emit(document, options: options).bytes))
        }
        let documents = try bookFixtures.map(Fixtures.document)
        books.append(("book", try EPUBEmitter().entries(book: documents, options: options).entries,
                      try EPUBEmitter().emit(book: documents, options: options).bytes))
        let crossReferenceDocuments = try crossReferenceBook.map(Fixtures.document)
        books.append(("crossref-book", try EPUBEmitter().entries(book: crossReferenceDocuments, options: options).entries,
                      try EPUBEmitter().emit(book: crossReferenceDocuments, options: options).bytes))
        return books
    }

    @Test func goldenEntriesMatchAndPassEpubcheckAndXmllint() throws {
        let books = try Self.books()
        var xhtml: [(name: String, bytes: [UInt8])] = []
        for book in books {
            for entry in book.entries {
                try Golden.check(entry.data, "epub/\(book.name)/\(entry.path)")
                if entry.path.hasSuffix(".xhtml") || entry.path.hasSuffix(".opf") || entry.path.hasSuffix(".xml") {
                    xhtml.append(("\(book.name)-\(entry.path)", entry.data))
                }
            }
        }
        #expect(try Validators.xmllint(xhtml) == "")
        for check in try Validators.epubcheck(books.map { ($0.name, $0.bytes) }) {
            #expect(check.clean, "epubcheck \(check.name):\n\(check.output)")
        }
    }

    @Test func packageLayout() throws {
        let bytes = try EPUBEmitter().emit(try Fixtures.document("everything"), options: Self.options).bytes
        // Local header of the first entry: signature, method 0 (stored), name "mimetype".
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        let entries = try Self.entries(try Fixtures.document("everything"))
        #expect(entries.map(\.path) == [
            "mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/style.css",
            "EPUB/chapter-001.xhtml", "EPUB/chapter-002.xhtml",
        ])
        let opf = String(decoding: entries[2].data, as: UTF8.self)
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-01-15T00:00:00Z</meta>"))
        #expect(opf.contains("<dc:identifier id=\"pub-id\">urn:uuid:"))
        #expect(opf.contains("<dc:subject>every node</dc:subject>"))
    }

    @Test func twoRunsGiveIdenticalBytesInAnyTimeZone() throws {
        let documents = try Self.bookFixtures.map(Fixtures.document)
        let first = try EPUBEmitter().emit(book: documents, options: Self.options).bytes
        let second = try EPUBEmitter().emit(book: documents, options: Self.options).bytes
        #expect(first == second)
        let saved = ProcessInfo.processInfo.environment["TZ"]
        setenv("TZ", "Pacific/Kiritimati", 1); tzset()
        let third = try EPUBEmitter().emit(book: documents, options: Self.options).bytes
        if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
        tzset()
        #expect(first == third)
    }

    @Test func modifiedDateComesFromFrontMatterElseTimestamp() {
        #expect(EPUBDate.modified(dates: ["2026-02-02"], timestamp: 0) == "2026-02-02T00:00:00Z")
        #expect(EPUBDate.modified(dates: ["2024-03-05 10:20:30 +0200"], timestamp: 0) == "2024-03-05T08:20:30Z")
        #expect(EPUBDate.modified(dates: [nil, "not a date"], timestamp: 1_767_225_600) == "2026-01-01T00:00:00Z")
        #expect(UUIDv5.make(name: "http://www.python.org/") == "c2a8cbf8-d0f1-5ef4-9740-c3faec8ab1a0")  // Python: uuid5(NAMESPACE_URL, …)
    }

    @Test func internalLinksAreRewrittenToTheChapterHoldingTheTarget() throws {
        let document = FAQDocument(metadata: Metadata(title: "Links"), body: .sections([
            Section(id: "one", title: [.text("One")], entries: [
                Entry(id: "first", question: [.text("First?")], answer: [.paragraph(Paragraph([.link(Link(url: "#second", content: [.text("to second")]))]))]),
            ]),
            Section(id: "two", title: [.text("Two")], entries: [
                Entry(id: "second", question: [.text("Second?")], answer: [.paragraph(Paragraph([
                    .link(Link(url: "#first", content: [.text("back")])), .link(Link(url: "#second", content: [.text("self")])),
                    .link(Link(url: "#missing", content: [.text("nowhere")])), .link(Link(url: "../x.html", content: [.text("rel")])),
                ]))]),
            ]),
        ]))
        let entries = try Self.entries(document)
        let one = String(decoding: entries.first { $0.path == "EPUB/chapter-001.xhtml" }!.data, as: UTF8.self)
        let two = String(decoding: entries.first { $0.path == "EPUB/chapter-002.xhtml" }!.data, as: UTF8.self)
        #expect(one.contains("<a href=\"chapter-002.xhtml#second\">to second</a>"))
        #expect(two.contains("<a href=\"chapter-001.xhtml#first\">back</a><a href=\"#second\">self</a>nowhererel"))
        // With an absolute permalink, relative links resolve against it.
        var withBase = document
        withBase.metadata.permalink = "https://example.org/faq/"
        let based = try Self.entries(withBase)
        #expect(String(decoding: based.last!.data, as: UTF8.self).contains("<a href=\"https://example.org/x.html\">rel</a>"))
        // Everything fixture: an advanced-section link to a basics question.
        let everything = try Self.entries(try Fixtures.document("everything"))
        let all = everything.filter { $0.path.hasSuffix(".xhtml") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(all.contains("chapter-001.xhtml#how-are-lists-written") || all.contains("href=\"#how-are-lists-written\""))
    }

    @Test func nothingExecutableFromTheHostileFixtureReachesAnyOutput() throws {
        let hostile = try Fixtures.document("hostile")
        var outputs: [(String, String)] = []
        outputs.append(("xhtml", try XHTMLEmitter().emit(hostile, options: Self.options).text))
        for entry in try Self.entries(hostile) {
            outputs.append((entry.path, String(decoding: entry.data, as: UTF8.self)))
        }
        for entry in try Self.entries(hostile, hostile) {
            outputs.append(("book " + entry.path, String(decoding: entry.data, as: UTF8.self)))
        }
        #expect(outputs.count > 5)
        for (name, text) in outputs {
            let lower = text.lowercased()
            for needle in ["<script", "javascript:", "vbscript:", "href=\"data:", "<iframe", "<object", "<embed", "<form", "<input", " style=", "<img"] {
                #expect(!lower.contains(needle), "\(needle) in \(name)")
            }
            // No attribute named on… anywhere (event handlers).
            let handler = try Regex("<[^>]*\\son[a-z]+\\s*=")
            #expect(lower.firstMatch(of: handler) == nil, "event handler in \(name)")
        }
        // The hostile text is still there, escaped.
        #expect(outputs[0].1.contains("&amp; &lt;script&gt; &lt;b&gt; ]]&gt; &lt;![CDATA[ x ]]&gt;"))
    }
}
