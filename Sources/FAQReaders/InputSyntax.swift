import FAQModel

extension FAQReader {
    /// The markup of an input: named by `--from`, else told by the extension, else by the
    /// content (a DocBook root element, an RST title adornment or directive, an AsciiDoc
    /// document title, front matter, Markdown headings). Nothing is read as Markdown by default.
    public enum Syntax: String, Sendable, Hashable, CaseIterable {
        /// `.md`, `.markdown`: through cmark-gfm, even when the text starts with a tag (a README
        /// opening with `<!-- -->` or `<div align="center">`), unless it is a whole HTML
        /// document, or a Jekyll page (front matter) whose body starts with an element.
        case markdown
        /// `.mdx` (Docusaurus): Markdown whose `import`/`export` lines are code, not text.
        case mdx
        case html
        case rst, asciidoc, docbook
        /// No telling extension (`.txt`, standard input): the content decides; Markdown or HTML
        /// told apart by `readsAsHTML` (HTML when the body starts with an element).
        case unknown

        /// The formats `--from` names and `--list-formats` lists.
        public static let inputFormats: [Syntax] = [.markdown, .mdx, .html, .rst, .asciidoc, .docbook]

        /// By extension; `.unknown` when it tells nothing (the content decides when read).
        public init(path: String) {
            self = Self(extensionOf: path) ?? .unknown
        }

        /// Only what the extension says (`.xml` says nothing: it may or may not be DocBook).
        public init?(extensionOf path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            let ext = name[name.index(after: dot)...].lowercased()
            guard let found = Self.inputFormats.first(where: { $0.extensions.contains(ext) }) else { return nil }
            self = found
        }

        /// `--from` names, with the usual aliases.
        public init?(name: String) {
            switch name.lowercased() {
            case "markdown", "md", "gfm", "commonmark": self = .markdown
            case "mdx": self = .mdx
            case "html", "htm", "xhtml": self = .html
            case "rst", "restructuredtext", "rest": self = .rst
            case "asciidoc", "adoc", "asciidoctor": self = .asciidoc
            case "docbook", "docbook4", "docbook5", "dbk": self = .docbook
            default: return nil
            }
        }

        public var extensions: [String] {
            switch self {
            case .markdown: return ["md", "markdown", "mdown", "mkd", "mkdn"]
            case .mdx: return ["mdx"]
            case .html: return ["html", "htm", "xhtml"]
            case .rst: return ["rst", "rest"]
            case .asciidoc: return ["adoc", "asciidoc", "asc"]
            case .docbook: return ["dbk", "docbook"]
            case .unknown: return []
            }
        }

        /// One line for `--list-formats`: what reads it and what it needs installed.
        public var summary: String {
            switch self {
            case .markdown: return "Markdown/GFM with YAML front matter (cmark-gfm)"
            case .mdx: return "MDX (Docusaurus): Markdown with import/export lines and components"
            case .html: return "HTML pages (libxml2)"
            case .rst: return "reStructuredText, Sphinx roles and directives (docutils: Debian python3-docutils)"
            case .asciidoc: return "AsciiDoc (Asciidoctor to DocBook 5: Debian asciidoctor)"
            case .docbook: return "DocBook 4.x and 5, also .xml with a DocBook root (libxml2)"
            case .unknown: return "told by the content"
            }
        }

        static let docbookRoots: Set<String> = [
            "book", "article", "chapter", "section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect",
            "qandaset", "qandadiv", "part", "appendix", "preface", "reference", "refentry", "set", "partintro",
            "glossary", "bibliography", "colophon", "dedication", "topic",
        ]

        /// The content decides. Only the first 64 KiB are looked at.
        static func detect(_ text: String, file: String) throws -> Syntax {
            let head = Substring(text.utf8.count > 65_536 ? String(decoding: text.utf8.prefix(65_536), as: UTF8.self) : text)
            let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if start.hasPrefix("---") { return .unknown }  // front matter: Markdown, or a Jekyll HTML body
            if start.hasPrefix("<") {
                let lowered = start.prefix(4096).lowercased()
                if lowered.contains("docbook") { return .docbook }
                if let root = Self.rootElement(start), Self.docbookRoots.contains(root) { return .docbook }
                // HTML, or Markdown starting with a tag: `readsAsHTML` tells them apart.
                guard lowered.hasPrefix("<?xml"), let root = Self.rootElement(start), root != "html", !Self.isHTMLStart(root) else { return .unknown }
                throw ReadError("an XML document whose root element '\(Self.rootElement(start) ?? "?")' is not DocBook; name its markup with --from (\(Self.names))", at: SourceLocation(file: file, line: 1))
            }
            var markdown = 0, rst = 0, asciidoc = 0
            var previous: Substring = ""
            var lines = 0
            for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += 1
                if lines > 2_000 { break }
                if line.hasPrefix("#"), line.drop(while: { $0 == "#" }).first == " " { markdown += 2 }
                if line.hasPrefix("```") || line.hasPrefix("~~~") || line.contains("](") { markdown += 2 }
                if line.hasPrefix(".. ") { rst += 2 }
                if line.contains(":ref:`") || line.contains(":doc:`") { rst += 2 }
                if Self.isAdornment(line), !previous.trimmingWhitespace().isEmpty, line.count >= previous.trimmingWhitespace().count {
                    if let c = line.first, c != "=" && c != "-" { rst += 2 } else { markdown += 1 }
                }
                if line.hasPrefix("= ") && lines <= 3 { asciidoc += 3 }
                if line.hasPrefix("=="), line.drop(while: { $0 == "=" }).first == " ", line.prefix(while: { $0 == "=" }).count <= 6 { asciidoc += 1 }
                if line.hasPrefix("[[") && line.hasSuffix("]]") || line.hasPrefix("[qanda]") || line.hasPrefix("<<") { asciidoc += 1 }
                previous = line
            }
            if asciidoc > 0 && asciidoc >= markdown && asciidoc >= rst { return .asciidoc }
            if rst > 0 && rst >= markdown { return .rst }
            if markdown > 0 { return .markdown }
            throw ReadError("cannot tell the markup of this input from its name or its content; name it with --from (\(Self.names))", at: SourceLocation(file: file, line: 1))
        }

        public static var names: String { inputFormats.map(\.rawValue).joined(separator: ", ") }

        /// Whether `body` is read as HTML: an HTML file, a whole HTML document, or a body that
        /// starts with an element where Markdown would not be read from it (Jekyll's kramdown
        /// keeps an HTML body as HTML; GitHub renders a README with cmark-gfm whatever it
        /// starts with).
        func readsAsHTML(_ body: Substring, hasFrontMatter: Bool) -> Bool {
            if self == .html { return true }
            guard let start = body.firstIndex(where: { !$0.isWhitespace }), body[start] == "<" else { return false }
            let head = body[start...].prefix(15).lowercased()
            if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return true }
            let startsWithElement = head.dropFirst().first.map { $0.isASCII && $0.isLetter } ?? false
            return startsWithElement && (hasFrontMatter || self == .unknown)
        }

        /// A line of one repeated punctuation character: an RST title adornment (or a
        /// Markdown setext underline, when it is `=` or `-`).
        static func isAdornment(_ line: Substring) -> Bool {
            guard let first = line.first, line.count >= 3, "=-~^\"'`#*+_:.<>".contains(first) else { return false }
            return line.allSatisfy { $0 == first }
        }

        /// The name of the first element, past the XML declaration, comments and DOCTYPE.
        static func rootElement(_ text: Substring) -> String? {
            var rest = text
            while true {
                rest = rest.drop { $0.isWhitespace }
                if rest.hasPrefix("<?") {
                    guard let end = rest.firstRange(of: "?>") else { return nil }
                    rest = rest[end.upperBound...]
                } else if rest.hasPrefix("<!--") {
                    guard let end = rest.firstRange(of: "-->") else { return nil }
                    rest = rest[end.upperBound...]
                } else if rest.hasPrefix("<!") {
                    // A DOCTYPE, maybe with an internal subset in brackets.
                    var depth = 0
                    guard let end = rest.firstIndex(where: { c in
                        if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
                        return c == ">" && depth <= 0
                    }) else { return nil }
                    rest = rest[rest.index(after: end)...]
                } else if rest.hasPrefix("<") {
                    let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                    return name.split(separator: ":").last.map { $0.lowercased() }
                } else {
                    return nil
                }
            }
        }

        static func isHTMLStart(_ name: String) -> Bool {
            ["head", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "details", "dl", "main", "meta", "title", "ul", "ol", "table"].contains(name)
        }
    }
}
