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
        if options.generator == nil { options.generator = SiteGenerator.near(path) }
        return try read(bytes: bytes, path: path, syntax: Syntax(path: path), options: options, lossy: lossy)
    }

    /// The Jekyll site whose `_config.yml` is beside `path` or above it.
    public static func jekyllSite(near path: String) -> JekyllSite? { JekyllSite.find(near: path) }

    /// The Jekyll, Hugo or MkDocs site `path` is part of, which decides the ids it generates.
    public static func siteGenerator(near path: String) -> SiteGenerator? { SiteGenerator.near(path) }

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
        var styleNote: [Diagnostic] = []  // said last: the other notes are about the questions
        let idStyle = chooseIDStyle(frontMatter, metadata: &metadata, options: options, isHTML: isHTML, path: path, diagnostics: &styleNote)
        var flow: [FlowItem]
        var fragmentLinks: [AnchorCheck.Place]?  // where each `#link` is, when the reader knows
        if isHTML {
            try AttributeCountGuard.check(body, file: path, lineOffset: frontMatter.bodyLineOffset)
            flow = readHTML(String(body), file: path, lineOffset: frontMatter.bodyLineOffset, options: options, markdown: nil,
                            metadata: &metadata, diagnostics: &diagnostics, links: &fragmentLinks)
        } else {
            try DelimiterCountGuard.check(body, file: path, lineOffset: frontMatter.bodyLineOffset)
            // Goldmark and kramdown's own parser slug a heading's source, which the tree no longer holds.
            let sourceLines = idStyle == .goldmark || idStyle == .kramdownClassic ? SourceLines(body) : nil
            let converted = CmarkDocument.withDocument(body) { root, _ -> [FlowItem]? in
                let result = SplitConversion.flow(root, threshold: options.splitThreshold) {
                    MarkdownConverter(file: path, lineOffset: frontMatter.bodyLineOffset, maxNesting: options.maxNesting, sourceLines: sourceLines)
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
                let (html, places) = CmarkDocument.withDocument(body) { root, extensions in
                    (CmarkDocument.html(root, extensions: extensions), MarkdownLinkPlaces.collect(root, file: path, lineOffset: frontMatter.bodyLineOffset))
                }
                fragmentLinks = places
                flow = readHTML(html, file: path, lineOffset: frontMatter.bodyLineOffset, options: options, markdown: SourceLines(body),
                                metadata: &metadata, diagnostics: &diagnostics, links: &fragmentLinks)
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
        var ids = AnchorAssignment(style: idStyle, nestedHeadingsGenerated: !isHTML)
        ids.assign(&flow)
        var structure = FAQStructure(metadata: metadata, file: path, questionLevel: questionLevel, section: options.section)
        var document = try structure.build(flow, ids: &ids)
        diagnostics += ids.diagnostics
        LinkRetarget(aliases: ids.aliases).apply(to: &document)
        if jekyll.site != nil { document = document.mappingURLs(jekyll.relativeLink) }
        diagnostics += structure.diagnostics
        diagnostics += AnchorCheck.diagnostics(document, aliases: ids.aliases, places: fragmentLinks)
        return Result(document: document, diagnostics: diagnostics + styleNote)
    }

    /// The rule for ids the author did not write (said under `-v`); a bad front matter
    /// `id_style` is a warning.
    private static func chooseIDStyle(
        _ frontMatter: FrontMatter, metadata: inout Metadata, options: ReaderOptions, isHTML: Bool, path: String,
        diagnostics: inout [Diagnostic]
    ) -> IDStyle {
        var fromFrontMatter: IDStyle?
        if let value = metadata.extra["id_style"] {
            fromFrontMatter = IDStyle(rawValue: value.trimmingWhitespace().lowercased())
            if fromFrontMatter == nil {
                let styles = IDStyle.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.append(.warning("front matter 'id_style' must be one of \(styles), not '\(value.prefix(40))'; it is ignored",
                                            at: SourceLocation(file: path, line: frontMatter.line(of: "id_style") ?? 1)))
            }
        }
        let choice = IDStyleChoice.choose(option: options.idStyle, frontMatterStyle: fromFrontMatter, site: options.generator,
                                          frontMatterKeys: frontMatter.isPresent ? frontMatter.fields.map(\.key) : nil, isHTML: isHTML)
        let note = isHTML
            ? "ids are the HTML's own; an element without one gets a slug by \(choice.style.platform) rule (\(choice.reason))"
            : "ids the author did not write follow \(choice.style.platform) rule (\(choice.reason))"
        diagnostics.append(.note(note, at: SourceLocation(file: path, line: 1)))
        return choice.style
    }

    /// `markdown`: the source lines of a Markdown document cmark rendered (its elements
    /// carry `data-sourcepos`); nil for an HTML document, whose `#` links the converter finds.
    private static func readHTML(
        _ html: String, file: String, lineOffset: Int, options: ReaderOptions, markdown: SourceLines?,
        metadata: inout Metadata, diagnostics: inout [Diagnostic], links: inout [AnchorCheck.Place]?
    ) -> [FlowItem] {
        LibXMLDocument.withDocument(html) { doc in
            guard let doc else { return [] }
            var converter = HTMLConverter(file: file, lineOffset: lineOffset, maxNesting: options.maxNesting, useSourcePos: markdown != nil,
                                          markdownLines: markdown, htmlLines: markdown == nil ? SourceLines(Substring(html)) : nil)
            let head = converter.headMetadata(doc)
            if metadata.title == nil { metadata.title = head.title.flatMap { $0.isEmpty ? nil : $0 } }
            if metadata.description == nil { metadata.description = head.description }
            if metadata.keywords.isEmpty { metadata.keywords = head.keywords }
            if let lang = head.lang, !lang.isEmpty, metadata.lang == "en" { metadata.lang = lang }
            let flow = converter.flow(doc)
            diagnostics += converter.diagnostics
            if markdown == nil { links = converter.fragmentLinks }
            return flow
        }
    }
}
