import FAQModel
import Foundation

/// An EPUB 3 book. One document gives one chapter per section (the title and preamble open
/// the first); several documents give one book with a chapter each (`BookEmitter`).
///
/// Layout: `mimetype` (first, stored), `META-INF/container.xml`, `EPUB/package.opf`,
/// `EPUB/nav.xhtml`, `EPUB/style.css`, `EPUB/chapter-NNN.xhtml`, zipped in that order with
/// fixed timestamps (`ArchiveEntry.zip`), so two runs give identical bytes.
///
/// Links: `#id` links to a question or section point at the chapter holding it; other
/// fragments become text (the target does not exist). Relative links are resolved against the
/// page's absolute `http(s)` URL (`DocumentURLs`) or become text, since the book
/// holds no such file (with a warning). Everything else follows `XHTMLContent`'s sanitizing rules.
public struct EPUBEmitter: BookEmitter {
    public init() {}

    static let stylesheetHref = "style.css"

    struct Chapter {
        var file: String
        var document: Int
        var units: [Int]
        var opensDocument: Bool
    }

    public func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult {
        try emit(book: [document], options: options)
    }

    public func emit(book documents: [FAQDocument], options: EmitOptions) throws -> EmitResult {
        guard !documents.isEmpty else { return EmitResult(.archive([])) }
        let pages = documents.map(FAQPage.init)
        let chapters = Self.chapters(pages)

        // id → chapter file, per document (ids are unique within a document only).
        var targets = [[String: String]](repeating: [:], count: pages.count)
        for chapter in chapters {
            for u in chapter.units {
                let unit = pages[chapter.document].units[u]
                if let id = unit.id { targets[chapter.document][id] = chapter.file }
                for entry in unit.entries { targets[chapter.document][entry.id] = chapter.file }
            }
        }

        var entries: [ArchiveEntry] = [
            ArchiveEntry(path: "mimetype", data: Array("application/epub+zip".utf8), compressed: false),
            ArchiveEntry(path: "META-INF/container.xml", data: PackageDocument.containerXML),
        ]
        var diagnostics: [Diagnostic] = []
        var chapterEntries: [ArchiveEntry] = []
        let urls = documents.map { DocumentURLs($0, options: options) }
        for (document, urls) in zip(documents, urls) {
            if let unresolved = urls.unresolvedRelativeLinks(in: document) {
                diagnostics.append(.warning(
                    "EPUB: \(unresolved.count) relative link\(unresolved.count == 1 ? "" : "s") (first: '\(unresolved.first.prefix(60))') written as text: the page's address is unknown (give --base-url, or url in a Jekyll _config.yml)",
                    at: unresolved.location ?? document.source.map { SourceLocation(file: $0, line: 1) }))
            }
        }
        for chapter in chapters {
            let page = pages[chapter.document]
            let map = targets[chapter.document]
            let documentURLs = urls[chapter.document]
            var content = XHTMLContent { url in Self.rewrite(url, targets: map, current: chapter.file, urls: documentURLs) }
            content.forReading = true
            let title = chapter.opensDocument || chapter.units.isEmpty ? page.title
                : FAQPage.label(page.units[chapter.units[0]].title?.plainText ?? "", page.title)
            var out = XHTMLWriter(capacity: 4096 + XHTMLEmitter.estimatedSize(chapter.units.map { page.units[$0] }))
            FAQPage.writeStart(lang: page.lang, head: FAQPage.Head(title: title, style: .linked(Self.stylesheetHref)), to: &out)
            if chapter.opensDocument { page.writeTitleAndPreamble(&content, to: &out) }
            // A chapter's one `h1`: the document's title where it opens, else its section's title.
            let level = chapter.opensDocument ? 2 : 1
            for u in chapter.units { page.writeSection(page.units[u], level: level, content: &content, to: &out) { _ in } }
            FAQPage.writeEnd(to: &out)
            chapterEntries.append(ArchiveEntry(path: "EPUB/" + chapter.file, data: out.bytes))
            diagnostics += content.diagnostics
        }

        let title = Self.bookTitle(pages)
        let navigation = Navigation(title: title, lang: pages[0].lang, firstChapter: chapters[0].file) { out in
            Self.writeTOCItems(pages, chapters, targets, to: &out)
        }
        let package = Self.package(pages, chapters: chapters, title: title, options: options)
        if pages.count == 1, let given = Self.visible(documents[0].metadata.extra["identifier"]), !Self.isUsableIdentifier(given) {
            diagnostics.append(.warning("EPUB: identifier '\(given.prefix(60))' is not a valid urn:uuid; a generated one is used",
                                        at: documents[0].source.map { SourceLocation(file: $0, line: 1) }))
        }
        entries.append(ArchiveEntry(path: PackageDocument.path, data: package.xml))
        entries.append(ArchiveEntry(path: Navigation.path, data: navigation.xhtml))
        entries.append(ArchiveEntry(path: "EPUB/" + Self.stylesheetHref, data: Array(Stylesheet.book.utf8)))
        entries += chapterEntries
        return EmitResult(.archive(entries), diagnostics: diagnostics)
    }

    // MARK: Plan

    static func chapters(_ pages: [FAQPage]) -> [Chapter] {
        var chapters: [Chapter] = []
        func file(_ n: Int) -> String {
            let digits = String(n)
            return "chapter-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits).xhtml"
        }
        if pages.count == 1 {
            let units = pages[0].units.indices.filter { pages[0].units[$0].title != nil || !pages[0].units[$0].entries.isEmpty }
            for (i, u) in units.enumerated() {
                chapters.append(Chapter(file: file(i + 1), document: 0, units: [u], opensDocument: i == 0))
            }
            if chapters.isEmpty { chapters.append(Chapter(file: file(1), document: 0, units: [], opensDocument: true)) }
        } else {
            for (d, page) in pages.enumerated() {
                let units = page.units.indices.filter { page.units[$0].title != nil || !page.units[$0].entries.isEmpty }
                chapters.append(Chapter(file: file(d + 1), document: d, units: units, opensDocument: true))
            }
        }
        return chapters
    }

    /// Distinct document titles joined with "; " (a single document: its title).
    static func bookTitle(_ pages: [FAQPage]) -> String {
        var seen: [String] = []
        for page in pages where !seen.contains(page.title) { seen.append(page.title) }
        return seen.joined(separator: "; ")
    }

    /// The `<li>` items of the book's toc: documents → sections → questions.
    static func writeTOCItems(_ pages: [FAQPage], _ chapters: [Chapter], _ targets: [[String: String]], to out: inout XHTMLWriter) {
        for chapter in chapters {
            let page = pages[chapter.document]
            let map = targets[chapter.document]
            let units = chapter.units.map { page.units[$0] }
            // One section per chapter: link the chapter itself; several: each section's id.
            func writeInner(_ out: inout XHTMLWriter) {
                FAQPage.writeTOCItems(units, href: { "\(map[$0] ?? chapter.file)#\($0)" }, chapterHref: pages.count > 1 ? nil : { _ in chapter.file }, to: &out)
            }
            guard pages.count > 1 || units.isEmpty else {
                writeInner(&out)
                continue
            }
            out.open(.li)
            out.beginStartTag(.a)
            out.attribute("href", chapter.file)
            out.endStartTag()
            out.text(page.title)
            out.close(.a)
            if FAQPage.hasTOCItems(units) {
                out.open(.ol)
                writeInner(&out)
                out.close(.ol)
            }
            out.close(.li)
        }
    }

    static func package(_ pages: [FAQPage], chapters: [Chapter], title: String, options: EmitOptions) -> PackageDocument {
        func unique(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.compactMap(visible).filter { seen.insert($0).inserted }
        }
        let metas = pages.map(\.document.metadata)
        let identifier: String
        if pages.count == 1, let given = visible(metas[0].extra["identifier"]), Self.isUsableIdentifier(given) {
            identifier = given
        } else {
            // UUIDv5 (URL namespace) of "permalink\ntitle", one line pair per document.
            identifier = "urn:uuid:" + UUIDv5.make(name: pages.map { "\($0.document.metadata.permalink ?? "")\n\($0.title)" }.joined(separator: "\n"))
        }
        let dates = metas.map(\.date)
        let date = pages.count == 1 ? metas[0].date.flatMap { EPUBDate.parse($0) }.map { String(EPUBDate.format($0).prefix(10)) } : nil
        var manifest = [
            PackageDocument.Item(id: "nav", href: Navigation.href, mediaType: "application/xhtml+xml", properties: "nav"),
            PackageDocument.Item(id: "css", href: stylesheetHref, mediaType: "text/css"),
        ]
        manifest += chapters.map { PackageDocument.Item(id: String($0.file.dropLast(6)), href: $0.file, mediaType: "application/xhtml+xml") }
        return PackageDocument(
            identifier: identifier, title: title, languages: unique(pages.map(\.lang)),
            description: metas.lazy.compactMap { visible($0.description) ?? visible($0.ogDescription) }.first,
            subjects: unique(metas.flatMap(\.keywords)), creators: unique(metas.flatMap(\.authors)), date: date,
            modified: EPUBDate.modified(dates: dates, timestamp: options.timestamp),
            manifest: manifest, spine: ["nav"] + chapters.map { String($0.file.dropLast(6)) })
    }

    /// A value as written, trimmed; nil when nothing would be left (an empty element).
    static func visible(_ value: String?) -> String? {
        value.map { XHTMLWriter.writtenText($0).trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A given identifier that claims to be a UUID must be one (epubcheck OPF-085); one
    /// that is not is replaced by the generated UUID, with a warning.
    static func isUsableIdentifier(_ identifier: String) -> Bool {
        guard identifier.lowercased().hasPrefix("urn:uuid:") else { return true }
        let hex = identifier.dropFirst(9).split(separator: "-", omittingEmptySubsequences: false)
        return hex.map(\.count) == [8, 4, 4, 4, 12] && hex.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    // MARK: Links

    static func rewrite(_ url: String, targets: [String: String], current: String, urls: DocumentURLs) -> String? {
        switch LinkPolicy.classify(url) {
        case .forbidden: return nil
        case .remote: return url.hasPrefix("//") ? "https:" + url : url
        case .fragment(let id):
            guard let file = targets[id] else { return nil }
            return file == current ? "#\(id)" : "\(file)#\(id)"
        case .relative: return urls.absolute(url)
        }
    }
}
