import Foundation
import Yams

/// What Jekyll reads of a file to give it a URL: whether it has front matter (a page, not a
/// static file), and the front-matter keys URLs are made of.
struct JekyllFileData: Sendable {
    var hasFrontMatter = false
    var permalink: String?
    var date: String?
    var slug: String?
    var categories: [String] = []

    init(hasFrontMatter: Bool = false, permalink: String? = nil, date: String? = nil, slug: String? = nil, categories: [String] = []) {
        self.hasFrontMatter = hasFrontMatter
        self.permalink = permalink
        self.date = date
        self.slug = slug
        self.categories = categories
    }

    /// From a document's front matter (nil: the file has none).
    init(_ frontMatter: FrontMatter?) {
        guard let frontMatter, frontMatter.isPresent else { return }
        hasFrontMatter = true
        for (key, value) in frontMatter.fields where value.null == nil {
            switch key {
            case "permalink": permalink = value.text
            case "date": date = value.text
            case "slug": slug = value.text
            // `categories: a b` is split on white space; `category` adds one more.
            case "categories", "category":
                let names = value.sequence.map { $0.map(\.text) } ?? value.text.split(whereSeparator: \.isWhitespace).map(String.init)
                categories += names.filter { !$0.isEmpty }
            default: break
            }
        }
    }

    /// Reads only the front matter at the start of a file (at most its first 4 MiB), through
    /// `FrontMatter` (Yams): a linked PDF or image is not read. Front matter Yams cannot read
    /// still makes a page.
    static func read(file path: String) -> JekyllFileData {
        guard let handle = FileHandle(forReadingAtPath: path) else { return JekyllFileData() }
        defer { try? handle.close() }
        guard let start = try? handle.read(upToCount: 3), start == Data("---".utf8) else { return JekyllFileData() }
        let bytes = [UInt8](start + ((try? handle.read(upToCount: 4 << 20)) ?? Data()))
        guard let text = FrontMatter.leadingText(bytes) else { return JekyllFileData() }
        guard let frontMatter = try? FrontMatter.split(text, file: path) else { return JekyllFileData(hasFrontMatter: true) }
        return JekyllFileData(frontMatter)
    }
}

extension FrontMatter {
    /// The front matter block that opens `bytes` (fences included, CRLF made LF), nil when
    /// the bytes open with none.
    static func leadingText(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("---".utf8)) else { return nil }
        let end = bytes.withUnsafeBufferPointer { endOfBlock(in: $0) } ?? bytes.count
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        let opening = text.prefix { $0 != "\n" && $0 != "\r\n" }
        guard isBlank(opening.dropFirst(3)) else { return nil }
        return text.containsUTF8Byte(0x0D) ? text.replacingCRLF() : text
    }
}

extension JekyllSite {
    /// Markdown extensions (Jekyll's `markdown_ext` default): their pages are written as `.html`.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mkdown", "mkdn", "mkd"]

    /// The URL Jekyll gives the file at `relative` (from the site root, without `baseurl`):
    /// a post's or a collection document's from its collection's template, a page's from
    /// its `permalink` or the site's style, a static file's from its path. nil when Jekyll
    /// writes no such file: a name starting with `_` or `.` outside a written collection, a
    /// post whose name has no date.
    func url(of relative: String, data: JekyllFileData) -> String? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = parts.last else { return nil }
        if let posts = parts.firstIndex(of: "_posts") {
            return documentURL(parts: parts, collectionIndex: posts, label: "posts", data: data)
        }
        if let first = parts.first, first.hasPrefix("_"), collections[String(first.dropFirst())] != nil {
            return documentURL(parts: parts, collectionIndex: 0, label: String(first.dropFirst()), data: data)
        }
        guard !parts.contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }) else { return nil }
        let (basename, outputExt) = Self.split(name)
        // Markdown without front matter is a page too where `jekyll-optional-front-matter`
        // runs (GitHub Pages always runs it); any other file without it is copied as is.
        guard data.hasFrontMatter || Self.isMarkdown(name) else {
            return JekyllURL.sanitize(JekyllURL.escapePath(relative))
        }
        let isHTML = [".html", ".htm", ".xhtml"].contains(outputExt)
        let template: String
        if !isHTML {
            template = "/:path/:basename:output_ext"
        } else if basename == "index" {
            template = "/:path/"
        } else {
            template = JekyllURL.withSuffix("/:path/:basename", style: permalink)
        }
        let placeholders = [("path", parts.dropLast().joined(separator: "/")), ("basename", basename), ("output_ext", outputExt)]
        return JekyllURL.expand(data.permalink ?? template, pagePlaceholders: placeholders)
    }

    static func isMarkdown(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return markdownExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// `index.md` → (`index`, `.html`): the name without its extension (and trailing dots),
    /// and the extension of the file Jekyll writes.
    static func split(_ name: String) -> (basename: String, outputExt: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        var basename = String(name[..<dot])
        while basename.hasSuffix(".") { basename.removeLast() }
        let ext = name[name.index(after: dot)...].lowercased()
        switch ext {
        case _ where markdownExtensions.contains(ext): return (basename, ".html")
        case "scss", "sass": return (basename, ".css")
        case "coffee": return (basename, ".js")
        default: return (basename, "." + name[name.index(after: dot)...])
        }
    }
}
