import FAQModel

/// Model blocks and inlines → sanitized XHTML, written straight into an `XHTMLWriter`; shared
/// by every XHTML-producing output (the `xhtml` document, EPUB chapters, the JSON
/// `answer_html` field and the JSON-LD answer text).
///
/// Sanitizing rules (the model carries no raw HTML, so these are about URLs and media):
/// - a link whose URL is forbidden (`LinkPolicy`) or that `rewriteLink` refuses becomes its text;
/// - images never become `<img>`: a remote image becomes a link to it labelled with its alt
///   text (an EPUB must not pull undeclared remote resources), a local image its alt text;
/// - no element gets a `style` attribute or an event handler: the converter writes only
///   `href`, `title`, `class`, `start`, `id` and `lang`-free markup of its own choosing;
/// - a link never nests inside another link (its content is rendered as text there).
struct XHTMLContent {
    /// Maps a non-forbidden URL to the `href` to write, or nil to render the link as text.
    /// The result is checked again, so a rewriter cannot reintroduce a forbidden URL.
    typealias LinkRewriter = (String) -> String?

    /// nil: every URL that is not forbidden is kept as written.
    var rewriteLink: LinkRewriter?
    /// Headings inside answers start at this level (questions are one level above). Setting
    /// it starts an answer, whose headings then go one level deeper at a time at most, so no
    /// level is skipped (screen readers navigate by level).
    var minimumHeadingLevel: Int { didSet { headingCeiling = minimumHeadingLevel } }
    /// The deepest level the next heading may take: one below the last one written.
    private var headingCeiling: Int
    /// Markup for a page that a person reads (the `xhtml` page, EPUB chapters; not JSON's
    /// `answer_html`): tables in a focusable `div.table-box` and focusable code blocks, so each
    /// scrolls in its own box and a keyboard can scroll it; header cells with `scope`.
    var forReading = false
    /// What had to be changed (links made text, images replaced), for `EmitResult`.
    private(set) var diagnostics: [Diagnostic] = []
    /// The entry or section being written, named by its diagnostics (nil: the document's
    /// title and preamble, which the exporter places at the file's start).
    var location: SourceLocation?

    init(minimumHeadingLevel: Int = 1, rewriteLink: LinkRewriter? = nil) {
        self.minimumHeadingLevel = minimumHeadingLevel
        self.headingCeiling = minimumHeadingLevel
        self.rewriteLink = rewriteLink
    }

    /// A sanitized XHTML fragment for `blocks` (no declaration, no wrapper element).
    static func fragment(_ blocks: [Block], minimumHeadingLevel: Int = 1,
                         rewriteLink: LinkRewriter? = nil) -> String {
        String(decoding: fragmentBytes(blocks, minimumHeadingLevel: minimumHeadingLevel, rewriteLink: rewriteLink), as: UTF8.self)
    }

    /// `fragment` as UTF-8, for a writer that copies bytes (JSON `answer_html`).
    static func fragmentBytes(_ blocks: [Block], minimumHeadingLevel: Int = 1,
                              rewriteLink: LinkRewriter? = nil) -> [UInt8] {
        var content = XHTMLContent(minimumHeadingLevel: minimumHeadingLevel, rewriteLink: rewriteLink)
        // Every block is a block-level element and the writer starts none with a newline
        // at its start, so the fragment has no leading newline.
        var out = XHTMLWriter(capacity: 1024)
        content.write(blocks, to: &out)
        return out.bytes
    }

    // MARK: Blocks

    mutating func write(_ blocks: [Block], to out: inout XHTMLWriter) {
        for block in blocks { write(block, to: &out) }
    }

    mutating func write(_ block: Block, to out: inout XHTMLWriter) {
        switch block {
        case .paragraph(let p):
            out.open(.p)
            write(p.content, to: &out)
            out.close(.p)
        case .heading(let h):
            let level = min(6, max(minimumHeadingLevel, min(h.level, headingCeiling)))
            headingCeiling = level + 1
            let tag = XHTMLTag.heading(level)
            out.open(tag)
            write(h.content, to: &out)
            out.close(tag)
        case .list(let list):
            let tag: XHTMLTag = list.kind == .ordered ? .ol : .ul
            out.beginStartTag(tag)
            if list.kind == .ordered, list.start != 1 { out.attribute("start", String(list.start)) }
            out.endStartTag()
            for item in list.items { write(item, tight: list.tight, to: &out) }
            out.close(tag)
        case .code(let code):
            out.beginStartTag(.pre)
            if forReading { out.attribute("tabindex", "0") }
            out.endStartTag()
            out.beginStartTag(.code)
            if let language = code.language.flatMap(Self.className) { out.attribute("class", "language-\(language)") }
            out.endStartTag()
            out.text(code.text)
            out.close(.code)
            out.close(.pre)
        case .quote(let quote):
            out.open(.blockquote)
            write(quote.content, to: &out)
            out.close(.blockquote)
        case .table(let table):
            write(table, to: &out)
        case .thematicBreak:
            out.empty(.hr)
        }
    }

    /// A tight list's paragraphs are written inline, separated by `<br/>`.
    private mutating func write(_ item: ListItem, tight: Bool, to out: inout XHTMLWriter) {
        out.beginStartTag(.li)
        if item.task != nil { out.attribute("class", "task") }
        out.endStartTag()
        switch item.task {
        case .checked?: out.text("\u{2611} ")
        case .unchecked?: out.text("\u{2610} ")
        case nil: break
        }
        for (i, block) in item.content.enumerated() {
            if tight, case .paragraph(let p) = block {
                if i > 0 { out.empty(.br) }
                write(p.content, to: &out)
            } else {
                write(block, to: &out)
            }
        }
        out.close(.li)
    }

    private mutating func write(_ table: Table, to out: inout XHTMLWriter) {
        func cell(header: Bool, _ column: Int, _ content: [Inline], _ out: inout XHTMLWriter) {
            let tag: XHTMLTag = header ? .th : .td
            out.beginStartTag(tag)
            if header, forReading { out.attribute("scope", "col") }
            if column < table.alignments.count {
                switch table.alignments[column] {
                case .none: break
                case .left: out.attribute("class", "align-left")
                case .center: out.attribute("class", "align-center")
                case .right: out.attribute("class", "align-right")
                }
            }
            out.endStartTag()
            write(content, to: &out)
            out.close(tag)
        }
        if forReading {
            out.beginStartTag(.div)
            out.attribute("class", "table-box")
            out.attribute("tabindex", "0")
            out.endStartTag()
        }
        out.open(.table)
        if !table.header.isEmpty {
            out.open(.thead)
            out.open(.tr)
            for (column, c) in table.header.enumerated() { cell(header: true, column, c.content, &out) }
            out.close(.tr)
            out.close(.thead)
        }
        if !table.rows.isEmpty {
            out.open(.tbody)
            for row in table.rows {
                out.open(.tr)
                for (column, c) in row.enumerated() { cell(header: false, column, c.content, &out) }
                out.close(.tr)
            }
            out.close(.tbody)
        }
        out.close(.table)
        if forReading { out.close(.div) }
    }

    // MARK: Inlines

    /// Returns whether anything was written, even empty text (a link without content shows
    /// its URL instead).
    @discardableResult
    mutating func write(_ inlines: [Inline], insideLink: Bool = false, to out: inout XHTMLWriter) -> Bool {
        var wrote = false
        for inline in inlines {
            if write(inline, insideLink: insideLink, to: &out) { wrote = true }
        }
        return wrote
    }

    private mutating func write(_ inline: Inline, insideLink: Bool, to out: inout XHTMLWriter) -> Bool {
        switch inline {
        case .text(let s): out.text(s)
        case .code(let s): out.element(.code, text: s)
        case .emphasis(let c): wrap(.em, c, insideLink: insideLink, to: &out)
        case .strong(let c): wrap(.strong, c, insideLink: insideLink, to: &out)
        case .strikethrough(let c): wrap(.del, c, insideLink: insideLink, to: &out)
        case .lineBreak: out.empty(.br)
        case .softBreak: out.text("\n")
        case .link(let link):
            // The href is decided before the content is written, but its diagnostic goes after
            // the content's, as when the content was rendered first.
            var refusal: Diagnostic?
            guard !insideLink, let href = href(for: link.url, what: "link", refusal: &refusal) else {
                let wrote = write(link.content, insideLink: true, to: &out)
                if let refusal { diagnostics.append(refusal) }
                return wrote
            }
            out.beginStartTag(.a)
            out.attribute("href", href)
            if let title = link.title, !title.isEmpty { out.attribute("title", title) }
            out.endStartTag()
            if !write(link.content, insideLink: true, to: &out) { out.text(link.url) }
            out.close(.a)
        case .image(let image):
            let label = image.label
            var refusal: Diagnostic?
            if !insideLink, LinkPolicy.classify(image.url) == .remote, let href = href(for: image.url, what: "image", refusal: &refusal) {
                diagnostics.append(.warning("remote image \(image.url) is written as a link", at: location))
                out.beginStartTag(.a)
                out.attribute("href", href)
                out.attribute("class", "image")
                out.endStartTag()
                out.text(label.isEmpty ? image.url : label)
                out.close(.a)
            } else {
                if let refusal { diagnostics.append(refusal) }
                guard label.contains(where: { !$0.isWhitespace }) else {
                    diagnostics.append(.warning("image \(image.url) has no alt text and is left out", at: location))
                    return false
                }
                diagnostics.append(.warning("image \(image.url) is written as its alt text", at: location))
                out.text(label)
            }
        }
        return true
    }

    private mutating func wrap(_ tag: XHTMLTag, _ content: [Inline], insideLink: Bool, to out: inout XHTMLWriter) {
        out.open(tag)
        write(content, insideLink: insideLink, to: &out)
        out.close(tag)
    }

    /// The sanitized `href` for a URL, or nil (the link becomes text; `refusal` says why
    /// when the URL is unsafe or invalid).
    private func href(for written: String, what: String, refusal: inout Diagnostic?) -> String? {
        // Tabs and line breaks inside a URL (an HTML href split over lines) are dropped, as
        // browsers do (WHATWG URL parsing).
        let url = written.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            ? String(String.UnicodeScalarView(written.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })) : written
        if LinkPolicy.isForbidden(url) {
            refusal = .warning("\(what) with unsafe URL \(url) is written as text", at: location)
            return nil
        }
        var href = url
        if let rewriteLink {
            guard let rewritten = rewriteLink(url), !LinkPolicy.isForbidden(rewritten) else { return nil }
            href = rewritten
        }
        guard LinkPolicy.hasTarget(href) else {
            refusal = .warning("\(what) \(url) is not a valid URL and is written as text", at: location)
            return nil
        }
        return LinkPolicy.wellFormed(href)
    }

    /// A code-block language usable in a class name (`c++` → `c++`, spaces end it).
    static func className(_ language: String) -> String? {
        let scalars = language.unicodeScalars.prefix { c in
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "+", ".", "#": return true
            default: return false
            }
        }
        return scalars.isEmpty ? nil : String(String.UnicodeScalarView(scalars))
    }
}
