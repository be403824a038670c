import FAQModel

/// Model blocks and inlines → sanitized XHTML nodes, shared by every XHTML-producing output
/// (the `xhtml` document, EPUB chapters, and later the JSON `answer_html` field).
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

    var rewriteLink: LinkRewriter
    /// Headings inside answers start at this level (questions are one level above).
    var minimumHeadingLevel: Int
    /// What had to be changed (links made text, images replaced), for `EmitResult`.
    private(set) var diagnostics: [Diagnostic] = []

    init(minimumHeadingLevel: Int = 1, rewriteLink: @escaping LinkRewriter = LinkPolicy.keepSafe) {
        self.minimumHeadingLevel = minimumHeadingLevel
        self.rewriteLink = rewriteLink
    }

    /// A sanitized XHTML fragment for `blocks` (no declaration, no wrapper element).
    static func fragment(_ blocks: [Block], minimumHeadingLevel: Int = 1,
                         rewriteLink: @escaping LinkRewriter = LinkPolicy.keepSafe) -> String {
        String(decoding: fragmentBytes(blocks, minimumHeadingLevel: minimumHeadingLevel, rewriteLink: rewriteLink), as: UTF8.self)
    }

    /// `fragment` as UTF-8, for a writer that copies bytes (JSON `answer_html`).
    static func fragmentBytes(_ blocks: [Block], minimumHeadingLevel: Int = 1,
                              rewriteLink: @escaping LinkRewriter = LinkPolicy.keepSafe) -> [UInt8] {
        var content = XHTMLContent(minimumHeadingLevel: minimumHeadingLevel, rewriteLink: rewriteLink)
        return XHTMLSerializer.fragmentBytes(content.blocks(blocks))
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block]) -> [XHTMLNode] {
        var out: [XHTMLNode] = []
        out.reserveCapacity(blocks.count)
        for block in blocks { out.append(self.block(block)) }
        return out
    }

    mutating func block(_ block: Block) -> XHTMLNode {
        switch block {
        case .paragraph(let p):
            return .el("p", [], inlines(p.content))
        case .heading(let h):
            let level = min(6, max(minimumHeadingLevel, h.level))
            return .el("h\(level)", [], inlines(h.content))
        case .list(let list):
            var attributes: [XHTMLAttribute] = []
            if list.kind == .ordered, list.start != 1 { attributes.append(XHTMLAttribute("start", String(list.start))) }
            let items = list.items.map { listItem($0, tight: list.tight) }
            return .el(list.kind == .ordered ? "ol" : "ul", attributes, items)
        case .code(let code):
            var attributes: [XHTMLAttribute] = []
            if let language = code.language.flatMap(Self.className) { attributes.append(XHTMLAttribute("class", "language-\(language)")) }
            return .el("pre", [], [.el("code", attributes, text: code.text)])
        case .quote(let quote):
            return .el("blockquote", [], blocks(quote.content))
        case .table(let table):
            return self.table(table)
        case .thematicBreak:
            return .el("hr")
        }
    }

    private mutating func listItem(_ item: ListItem, tight: Bool) -> XHTMLNode {
        var children: [XHTMLNode] = []
        switch item.task {
        case .checked?: children.append(.text("\u{2611} "))
        case .unchecked?: children.append(.text("\u{2610} "))
        case nil: break
        }
        for (i, block) in item.content.enumerated() {
            if tight, case .paragraph(let p) = block {
                if i > 0 { children.append(.el("br")) }
                children += inlines(p.content)
            } else {
                children.append(self.block(block))
            }
        }
        return .el("li", item.task == nil ? [] : [XHTMLAttribute("class", "task")], children)
    }

    private mutating func table(_ table: Table) -> XHTMLNode {
        func alignment(_ column: Int) -> [XHTMLAttribute] {
            guard column < table.alignments.count else { return [] }
            switch table.alignments[column] {
            case .none: return []
            case .left: return [XHTMLAttribute("class", "align-left")]
            case .center: return [XHTMLAttribute("class", "align-center")]
            case .right: return [XHTMLAttribute("class", "align-right")]
            }
        }
        var children: [XHTMLNode] = []
        if !table.header.isEmpty {
            let cells = table.header.enumerated().map { XHTMLNode.el("th", alignment($0.offset), inlines($0.element.content)) }
            children.append(.el("thead", [], [.el("tr", [], cells)]))
        }
        if !table.rows.isEmpty {
            let rows = table.rows.map { row in
                XHTMLNode.el("tr", [], row.enumerated().map { XHTMLNode.el("td", alignment($0.offset), inlines($0.element.content)) })
            }
            children.append(.el("tbody", [], rows))
        }
        return .el("table", [], children)
    }

    // MARK: Inlines

    mutating func inlines(_ inlines: [Inline], insideLink: Bool = false) -> [XHTMLNode] {
        var out: [XHTMLNode] = []
        out.reserveCapacity(inlines.count)
        for inline in inlines { append(inline, to: &out, insideLink: insideLink) }
        return out
    }

    private mutating func append(_ inline: Inline, to out: inout [XHTMLNode], insideLink: Bool) {
        switch inline {
        case .text(let s): out.append(.text(s))
        case .code(let s): out.append(.el("code", [], text: s))
        case .emphasis(let c): out.append(.el("em", [], inlines(c, insideLink: insideLink)))
        case .strong(let c): out.append(.el("strong", [], inlines(c, insideLink: insideLink)))
        case .strikethrough(let c): out.append(.el("del", [], inlines(c, insideLink: insideLink)))
        case .lineBreak: out.append(.el("br"))
        case .softBreak: out.append(.text("\n"))
        case .link(let link):
            let content = inlines(link.content, insideLink: true)
            guard !insideLink, let href = href(for: link.url, what: "link") else {
                out += content
                return
            }
            var attributes = [XHTMLAttribute("href", href)]
            if let title = link.title, !title.isEmpty { attributes.append(XHTMLAttribute("title", title)) }
            out.append(.el("a", attributes, content.isEmpty ? [.text(link.url)] : content))
        case .image(let image):
            let label = image.alt.isEmpty ? (image.title ?? "") : image.alt
            if !insideLink, LinkPolicy.classify(image.url) == .remote, let href = href(for: image.url, what: "image") {
                diagnostics.append(.warning("remote image \(image.url) is written as a link"))
                out.append(.el("a", [XHTMLAttribute("href", href), XHTMLAttribute("class", "image")], [.text(label.isEmpty ? image.url : label)]))
            } else {
                diagnostics.append(.warning("image \(image.url) is written as its alt text"))
                if !label.isEmpty { out.append(.text(label)) }
            }
        }
    }

    /// The sanitized `href` for a URL, or nil (the link becomes text).
    private mutating func href(for url: String, what: String) -> String? {
        if LinkPolicy.isForbidden(url) {
            diagnostics.append(.warning("\(what) with unsafe URL \(url) is written as text"))
            return nil
        }
        guard let href = rewriteLink(url), !LinkPolicy.isForbidden(href) else { return nil }
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
