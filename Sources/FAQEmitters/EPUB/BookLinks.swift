import FAQModel
import Foundation

/// Where the links of a book's chapters go (`EPUBEmitter`), decided once per book:
/// - a `#fragment` link goes to the chapter holding its target in the linking document
///   (`chapter-002.xhtml#id`, or `#id` within the chapter): each document's ids are its own;
/// - a relative link to another document of the book (`other.md#id`, `other.html#id`, or
///   `../other/#id` against the permalinks) goes to that document's chapter: a document is
///   named by its input path (as given, or with `.html`/`.htm` for its extension, as a site
///   built from it names the page) or its permalink, and a link is read relative to the
///   linking document's path or permalink;
/// - another relative link is resolved against the page's absolute `http(s)` URL
///   (`DocumentURLs`), else becomes text (the emitter warns once per document);
/// - a remote link stays (`//host` gets `https:`).
/// A `#fragment` link to nothing becomes text, saying why.
struct BookLinks {
    /// The chapter files of one document's units, and of its title and preamble.
    struct ChapterFiles {
        var units: [Int: String] = [:]
        var first = ""

        /// The file holding a target of `unit` (nil: the preamble).
        func file(of unit: Int?) -> String? { unit.map { units[$0] } ?? first }
    }

    private let anchors: [AnchorIndex]
    private var files: [ChapterFiles]
    /// Normalized input paths and permalinks → document.
    private var byPath: [String: Int] = [:]
    private var byPermalink: [String: Int] = [:]
    private let sources: [String?]
    private let permalinks: [URL?]

    init(_ pages: [FAQPage], chapters: [EPUBEmitter.Chapter]) {
        anchors = pages.map(\.anchors)
        files = [ChapterFiles](repeating: ChapterFiles(), count: pages.count)
        for chapter in chapters {
            if chapter.opensDocument { files[chapter.document].first = chapter.file }
            for u in chapter.units { files[chapter.document].units[u] = chapter.file }
        }
        let documents = pages.map(\.document)
        sources = documents.map { document in document.source.flatMap { $0 == "-" ? nil : $0 } }
        permalinks = documents.map { Self.permalinkURL($0.metadata.permalink) }
        for (d, source) in sources.enumerated() {
            guard let source else { continue }
            let path = Self.normalized(source)
            let stem = (path as NSString).deletingPathExtension
            for name in [path, stem + ".html", stem + ".htm"] where byPath[name] == nil { byPath[name] = d }
        }
        for (d, permalink) in permalinks.enumerated() {
            if let key = permalink.map(Self.key), byPermalink[key] == nil { byPermalink[key] = d }
        }
    }

    /// What a link of document `document`, written in the chapter file `current`, becomes.
    func rewrite(_ url: String, from document: Int, current: String, urls: DocumentURLs) -> XHTMLContent.LinkRewrite {
        switch LinkPolicy.classify(url) {
        case .forbidden: return .text(reason: "is unsafe")
        case .remote: return .href(url.hasPrefix("//") ? "https:" + url : url)
        case .fragment(let fragment):
            return link(to: fragment, in: document, current: current) ?? .text(reason: AnchorIndex.noTarget)
        case .relative:
            if let (other, fragment) = target(of: url, from: document) {
                guard let fragment, !fragment.isEmpty else { return .href(files[other].first) }
                return link(to: fragment, in: other, current: current)
                    ?? .text(reason: "names no question, section or heading of that document of the book")
            }
            // Not resolved: counted in the document's one warning about relative links.
            return urls.absolute(url).map { .href($0) } ?? .text(reason: nil)
        }
    }

    /// Whether a relative link of document `from` goes to a document of the book.
    func leadsIntoBook(_ url: String, from document: Int) -> Bool { target(of: url, from: document) != nil }

    private func link(to fragment: String, in document: Int, current: String) -> XHTMLContent.LinkRewrite? {
        guard let target = anchors[document].target(fragment), let file = files[document].file(of: target.unit) else { return nil }
        return .href(file == current ? "#\(target.id)" : "\(file)#\(target.id)")
    }

    /// The document a relative link of document `from` names, and the link's fragment (nil:
    /// none); nil when the link leads out of the book.
    private func target(of url: String, from: Int) -> (document: Int, fragment: String?)? {
        let hash = url.firstIndex(of: "#")
        let fragment = hash.map { String(url[url.index(after: $0)...]) }
        var path = String(url[..<(hash ?? url.endIndex)])
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        guard !path.isEmpty else { return nil }
        if let source = sources[from], !path.hasPrefix("/") {
            let decoded = path.removingPercentEncoding ?? path
            let directory = (Self.normalized(source) as NSString).deletingLastPathComponent
            if let d = byPath[Self.normalized((directory as NSString).appendingPathComponent(decoded))] { return (d, fragment) }
        }
        let base = permalinks[from] ?? URL(string: "http://book.invalid/")!
        if let resolved = URL(string: path, relativeTo: base), let d = byPermalink[Self.key(resolved)] { return (d, fragment) }
        return nil
    }

    /// A path without `.` and `..` steps (relative paths stay relative).
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// A permalink as an absolute URL (a path is read on a placeholder host).
    private static func permalinkURL(_ permalink: String?) -> URL? {
        guard let permalink, !permalink.isEmpty else { return nil }
        return URL(string: permalink, relativeTo: URL(string: "http://book.invalid/")!)?.absoluteURL
    }

    /// Host and path, without a closing `index.html` or `/`: the page a URL names.
    private static func key(_ url: URL) -> String {
        var path = url.absoluteURL.path
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        while path.hasSuffix("/") { path.removeLast() }
        return (url.absoluteURL.host ?? "") + path
    }
}
