import FAQModel
import Foundation
import Yams

/// The readers' front door: bytes or a file in, one `FAQDocument` and its diagnostics out.
/// Markdown goes through cmark-gfm; HTML, and Markdown that carries raw HTML, through libxml2.
public enum FAQReader {
    public struct Result: Sendable {
        public var document: FAQDocument
        public var diagnostics: [Diagnostic]
    }

    public enum Syntax: Sendable {
        case markdown, html
        /// `.html`/`.htm`/`.xhtml` are HTML; everything else is Markdown.
        public init(path: String) {
            let lower = path.lowercased()
            self = lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") ? .html : .markdown
        }
    }

    /// Reads a file, looking for a Jekyll `_config.yml` beside or above it for Liquid links.
    public static func read(contentsOf path: String, options: ReaderOptions = ReaderOptions(), lossy: Bool = false) throws -> Result {
        let bytes = try InputFile.bytes(path, maxSize: Int.max)
        var options = options
        if options.baseURL == nil { options.baseURL = JekyllConfig.baseURL(near: path) }
        if options.site == nil { options.site = Site.near(path) }
        return try read(bytes: bytes, path: path, syntax: Syntax(path: path), options: options, lossy: lossy)
    }

    /// `url` + `baseurl` of the nearest Jekyll `_config.yml` beside or above `path`.
    public static func jekyllBaseURL(near path: String) -> String? { JekyllConfig.baseURL(near: path) }

    /// The Jekyll or Hugo site `path` is part of, which decides the ids it generates.
    public static func site(near path: String) -> Site? { Site.near(path) }

    /// The front matter's `permalink`, if the bytes have readable front matter.
    public static func permalink(in bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("---".utf8)) else { return nil }
        // Only the front matter is decoded: the body can be megabytes.
        let end = bytes.withUnsafeBufferPointer { FrontMatter.endOfBlock(in: $0) } ?? bytes.count
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        return (try? FrontMatter.split(text.containsUTF8Byte(0x0D) ? text.replacingCRLF() : text, file: "-"))?.metadata().permalink
    }

    public static func read(bytes: [UInt8], path: String, syntax: Syntax = .markdown, options: ReaderOptions = ReaderOptions(), lossy: Bool = false) throws -> Result {
        try read(text: InputText.decode(bytes, file: path, lossy: lossy), path: path, syntax: syntax, options: options)
    }

    public static func read(text: String, path: String, syntax: Syntax = .markdown, options: ReaderOptions = ReaderOptions()) throws -> Result {
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
        if frontMatter.isPresent {
            var liquid = Liquid(baseURL: options.baseURL ?? "", permalinks: options.permalinks, file: path, lineOffset: frontMatter.bodyLineOffset)
            body = liquid.resolve(frontMatter.body)
            diagnostics += liquid.diagnostics
        }

        let isHTML = syntax == .html || body.first(where: { !$0.isWhitespace }) == "<"
        let idStyle = chooseIDStyle(frontMatter, metadata: &metadata, options: options, isHTML: isHTML, path: path, diagnostics: &diagnostics)
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
        var anchors = AnchorAssignment(style: idStyle, nestedHeadingsGenerated: !isHTML)
        anchors.assign(&flow)
        var structure = FAQStructure(metadata: metadata, file: path, questionLevel: questionLevel)
        var document = try structure.build(flow, ids: &anchors)
        diagnostics += anchors.diagnostics
        diagnostics += structure.diagnostics
        LinkRetarget(aliases: anchors.aliases).apply(to: &document)
        diagnostics += AnchorCheck.diagnostics(document, aliases: anchors.aliases, places: fragmentLinks)
        return Result(document: document, diagnostics: diagnostics)
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
        let choice = IDStyleChoice.choose(option: options.idStyle, frontMatterStyle: fromFrontMatter, site: options.site,
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
