import FAQModel
import Foundation
import Yams

/// The readers' front door: bytes or a file in, one `FAQDocument` and its diagnostics out.
/// Markdown goes through cmark-gfm; HTML, and Markdown that carries raw HTML, through libxml2.
public enum FAQReader {
    public struct Result: Sendable {
        public var document: FAQDocument
        public var diagnostics: [Diagnostic]
        /// The external converter that read the document (RST, AsciiDoc), and its time.
        public var converter: ConverterTiming?

        init(document: FAQDocument, diagnostics: [Diagnostic], converter: ConverterTiming? = nil) {
            self.document = document
            self.diagnostics = diagnostics
            self.converter = converter
        }
    }

    public struct ConverterTiming: Sendable, Hashable {
        public var name: String
        public var seconds: Double
    }

    /// Reads a file, looking for the Jekyll site (`_config.yml`) it is in.
    public static func read(contentsOf path: String, options: ReaderOptions = ReaderOptions(), lossy: Bool = false) throws -> Result {
        let bytes = try InputFile.bytes(path, maxSize: Int.max)
        var options = options
        if options.site == nil { options.site = JekyllSite.find(near: path) }
        return try read(bytes: bytes, path: path, syntax: Syntax(path: path), options: options, lossy: lossy)
    }

    /// The Jekyll site whose `_config.yml` is beside `path` or above it.
    public static func jekyllSite(near path: String) -> JekyllSite? { JekyllSite.find(near: path) }

    /// The front matter's `permalink`, if the bytes have readable front matter.
    public static func permalink(in bytes: [UInt8]) -> String? {
        // Only the front matter is decoded: the body can be megabytes.
        guard let text = FrontMatter.leadingText(bytes) else { return nil }
        return (try? FrontMatter.split(text, file: "-"))?.metadata().permalink
    }

    /// `syntax` nil or `.unknown`: `--from` (`options.syntax`), else the extension, else the content decides.
    public static func read(bytes: [UInt8], path: String, syntax: Syntax? = nil, options: ReaderOptions = ReaderOptions(), lossy: Bool = false) throws -> Result {
        try read(text: InputText.decode(bytes, file: path, lossy: lossy), path: path, syntax: syntax, options: options)
    }

    /// `syntax` nil or `.unknown`: `--from` (`options.syntax`), else the extension, else the content decides.
    public static func read(text: String, path: String, syntax: Syntax? = nil, options: ReaderOptions = ReaderOptions()) throws -> Result {
        var syntax = options.syntax ?? syntax ?? .unknown
        if syntax == .unknown { syntax = try Syntax(extensionOf: path) ?? Syntax.detect(text, file: path) }
        switch syntax {
        case .rst: return try RSTReader.read(text, file: path, options: options)
        case .asciidoc: return try AsciiDocReader.read(text, file: path, options: options)
        case .docbook: return try DocBookReader.read(text, file: path, options: options)
        case .markdown, .html, .mdx, .unknown: return try readMarkdownOrHTML(text: text, path: path, syntax: syntax, options: options)
        }
    }

    private static func readMarkdownOrHTML(text: String, path: String, syntax: Syntax, options: ReaderOptions) throws -> Result {
        let frontMatter = try FrontMatter.split(text, file: path)
        var metadata = frontMatter.metadata()
        var diagnostics: [Diagnostic] = []
        if let date = metadata.date, !CalendarDate.startsValid(date) {
            let line = frontMatter.line(of: "date") ?? 1
            diagnostics.append(.warning("front matter date '\(date.prefix(40))' is not a calendar date (YYYY-MM-DD); it is ignored",
                                        at: SourceLocation(file: path, line: line)))
            metadata.date = nil
        }

        // Jekyll runs Liquid only on pages with front matter: elsewhere `{{ x }}` is text
        // (a Helm or Go template in a code block, say).
        var body = frontMatter.body
        let jekyll = JekyllPageContext(path: path, frontMatter: frontMatter, options: options)
        if frontMatter.isPresent {
            var liquid = Liquid(context: jekyll, file: path, lineOffset: frontMatter.bodyLineOffset)
            body = liquid.resolve(frontMatter.body)
            diagnostics += liquid.diagnostics
        }
        metadata.url = jekyll.documentURL

        let isHTML = syntax.readsAsHTML(body, hasFrontMatter: frontMatter.isPresent)
        var flow: [FlowItem]
        var fragmentLinks: [AnchorCheck.Place]?  // where each `#link` is, when the reader knows
        if isHTML {
            try AttributeCountGuard.check(body, file: path, lineOffset: frontMatter.bodyLineOffset)
            flow = readHTML(String(body), file: path, lineOffset: frontMatter.bodyLineOffset, options: options, sourcePos: false, metadata: &metadata, diagnostics: &diagnostics)
        } else {
            try DelimiterCountGuard.check(body, file: path, lineOffset: frontMatter.bodyLineOffset)
            let converted = CmarkDocument.withDocument(body) { root, _ -> [FlowItem]? in
                let result = SplitConversion.flow(root, threshold: options.splitThreshold) {
                    MarkdownConverter(file: path, lineOffset: frontMatter.bodyLineOffset, maxNesting: options.maxNesting)
                }
                if result.sawHTML { return nil }
                diagnostics += result.diagnostics
                fragmentLinks = result.fragmentLinks
                return result.items
            }
            if let converted {
                flow = converted
            } else {
                // Raw HTML in Markdown: let cmark render the Markdown around it, then read
                // the whole as HTML, so a <details> opened in one block and closed in another
                // works. (The conversion frees the tree as it goes, so this rare path parses
                // the text a second time.)
                try AttributeCountGuard.check(body, file: path, lineOffset: frontMatter.bodyLineOffset)
                let html = CmarkDocument.withDocument(body) { root, extensions in CmarkDocument.html(root, extensions: extensions) }
                flow = readHTML(html, file: path, lineOffset: frontMatter.bodyLineOffset, options: options, sourcePos: true, metadata: &metadata, diagnostics: &diagnostics)
            }
        }

        if syntax != .html {
            flow = MarkdownContainers.resolve(flow, mdx: syntax == .mdx)
        }

        if metadata.lang.isEmpty {
            metadata.lang = "en"
        } else if !LanguageTag.isValid(metadata.lang) {
            let line = frontMatter.line(of: "lang") ?? frontMatter.line(of: "language") ?? 1
            diagnostics.append(.warning("language '\(metadata.lang)' is not a BCP 47 tag (like 'en' or 'pt-BR'); using 'en'", at: SourceLocation(file: path, line: line)))
            metadata.lang = "en"
        }

        var questionLevel = options.questionLevel
        if questionLevel == nil, let value = metadata.extra["question_level"] {
            guard let level = Int(value), (1...6).contains(level) else {
                throw ReadError("front matter 'question_level' must be a heading level from 1 to 6, not '\(value)'", at: SourceLocation(file: path, line: 2))
            }
            questionLevel = level
        }
        var structure = FAQStructure(metadata: metadata, file: path, questionLevel: questionLevel, section: options.section)
        var document = try structure.build(flow)
        if jekyll.site != nil { document = document.mappingURLs(jekyll.relativeLink) }
        diagnostics += structure.diagnostics
        diagnostics += AnchorCheck.diagnostics(document, places: fragmentLinks)
        return Result(document: document, diagnostics: diagnostics)
    }

    private static func readHTML(
        _ html: String, file: String, lineOffset: Int, options: ReaderOptions, sourcePos: Bool,
        metadata: inout Metadata, diagnostics: inout [Diagnostic]
    ) -> [FlowItem] {
        LibXMLDocument.withDocument(html) { doc in
            guard let doc else { return [] }
            var converter = HTMLConverter(file: file, lineOffset: lineOffset, maxNesting: options.maxNesting, useSourcePos: sourcePos)
            let head = converter.headMetadata(doc)
            if metadata.title == nil { metadata.title = head.title.flatMap { $0.isEmpty ? nil : $0 } }
            if metadata.description == nil { metadata.description = head.description }
            if metadata.keywords.isEmpty { metadata.keywords = head.keywords }
            if let lang = head.lang, !lang.isEmpty, metadata.lang == "en" { metadata.lang = lang }
            let flow = converter.flow(doc)
            diagnostics += converter.diagnostics
            return flow
        }
    }
}
