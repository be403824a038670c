import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every `#link` in the XHTML goldens, the shipped `Output/` page and the EPUB goldens' content
/// documents reaches an id of the document it points to (the fast check; a browser test opens
/// the same pages). The goldens are well-formed XML, read with Foundation's `XMLParser`.
@Suite struct FragmentLinkTests {
    /// The ids and link targets of one XML document.
    struct Scan {
        var ids: Set<String> = []
        var hrefs: [String] = []
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var scan = Scan()
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if let id = attributes["id"] { scan.ids.insert(id) }
            if name == "a", let href = attributes["href"] { scan.hrefs.append(href) }
        }
    }

    static func scan(_ data: Data, name: String) throws -> Scan {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw ParseFailure(name: name, error: parser.parserError.map { "\($0)" } ?? "?") }
        return collector.scan
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var name: String
        var error: String
        var description: String { "\(name) is not well-formed: \(error)" }
    }

    /// The dead links among `hrefs` of `file`, reading other files of the same book from
    /// `book` (file name → scan). Links with a scheme leave the book and are not checked; nor
    /// are a lone page's relative links (`pageOnly`), which lead to the rest of its site.
    static func deadLinks(in file: String, _ scan: Scan, book: [String: Scan], pageOnly: Bool = false) -> [String] {
        scan.hrefs.filter { href in
            guard href.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) == nil else { return false }
            guard !pageOnly || href.hasPrefix("#") else { return false }
            let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].isEmpty ? file : String(parts[0])
            guard let document = book[target] else { return true }
            guard parts.count == 2 else { return false }
            let fragment = String(parts[1])
            return !document.ids.contains(fragment) && !document.ids.contains(fragment.removingPercentEncoding ?? fragment)
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyFragmentLinkOfAnXHTMLGoldenOrTheShippedPageResolves() throws {
        var files = try FileManager.default.contentsOfDirectory(at: Golden.directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xhtml" }
        let output = Self.repository.appendingPathComponent("Output")
        files += ((try? FileManager.default.contentsOfDirectory(at: output, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xhtml" }
        #expect(files.count >= 6)
        var checked = 0
        for url in files {
            let scan = try Self.scan(try Data(contentsOf: url), name: url.lastPathComponent)
            let dead = Self.deadLinks(in: url.lastPathComponent, scan, book: [url.lastPathComponent: scan], pageOnly: true)
            #expect(dead.isEmpty, "\(url.lastPathComponent): links to ids it lacks: \(dead)")
            checked += scan.hrefs.filter { $0.hasPrefix("#") }.count
        }
        #expect(checked > 20)
    }

    @Test func everyLinkInsideAnEPUBGoldenReachesItsFileAndId() throws {
        let books = try FileManager.default.contentsOfDirectory(at: Golden.directory.appendingPathComponent("epub"), includingPropertiesForKeys: nil)
        #expect(books.count >= 6)
        var crossChapter = 0
        for book in books {
            let content = book.appendingPathComponent("EPUB")
            var scans: [String: Scan] = [:]
            for url in try FileManager.default.contentsOfDirectory(at: content, includingPropertiesForKeys: nil) where url.pathExtension == "xhtml" {
                scans[url.lastPathComponent] = try Self.scan(try Data(contentsOf: url), name: url.path)
            }
            #expect(scans.count >= 2, "\(book.lastPathComponent): no content documents")
            for (file, scan) in scans {
                let dead = Self.deadLinks(in: file, scan, book: scans)
                #expect(dead.isEmpty, "\(book.lastPathComponent)/\(file): dead links \(dead)")
                if file != "nav.xhtml" { crossChapter += scan.hrefs.filter { $0.hasPrefix("chapter-") && $0.contains("#") }.count }
            }
        }
        #expect(crossChapter > 5, "the goldens hold links from one chapter into another")
    }

    /// The check itself finds what it must: a missing id, a missing file, a decoded match.
    @Test func theCheckFindsDeadLinks() throws {
        let page = ##"<html xmlns="http://www.w3.org/1999/xhtml"><body><h2 id="café">x</h2><a href="#caf%C3%A9">ok</a><a href="#gone">dead</a><a href="other.xhtml#café">dead</a><a href="https://example.org/#x">web</a></body></html>"##
        let scan = try Self.scan(Data(page.utf8), name: "page")
        #expect(Self.deadLinks(in: "page.xhtml", scan, book: ["page.xhtml": scan]) == ["#gone", "other.xhtml#café"])
    }
}
