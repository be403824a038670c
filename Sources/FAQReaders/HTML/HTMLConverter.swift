import CLibXML2
import FAQModel
import Foundation

/// Converts a libxml2 HTML tree into the reader flow. Only meaning survives: raw markup,
/// scripts, styles, event handlers and comments never reach the model.
struct HTMLConverter {
    let file: String
    let lineOffset: Int
    let maxNesting: Int
    /// Read lines from cmark's `data-sourcepos` (Markdown mixed with HTML) instead of libxml2's.
    let useSourcePos: Bool
    /// The Markdown source of a document cmark rendered (`useSourcePos`): heading sources, IAL lines.
    let markdownLines: SourceLines?
    /// The HTML of a standalone page, to find the column of each `#` link.
    let htmlLines: SourceLines?
    var diagnostics: [Diagnostic] = []
    private var warnedDepth = false
    /// Ids met where the flow has no place for them yet (inside content, inside a list).
    var pendingAnchors: [StrayAnchor] = []
    /// Where the pending anchors of the current run of loose inline content start.
    var runAnchorStart = 0
    /// How deep in lists, quotes and answers the walk is (0: the document's own flow).
    var nested = 0
    /// Every `#` link of a standalone page and where it is written.
    var fragmentLinks: [AnchorCheck.Place] = []
    var linkColumns = LinkColumns()
    /// Kramdown IALs of an empty paragraph cmark rendered: they apply to the block before.
    private var pendingIALs: [AttributeBlock] = []

    init(file: String, lineOffset: Int, maxNesting: Int, useSourcePos: Bool, markdownLines: SourceLines? = nil, htmlLines: SourceLines? = nil) {
        self.file = file
        self.lineOffset = lineOffset
        self.maxNesting = maxNesting
        self.useSourcePos = useSourcePos
        self.markdownLines = markdownLines
        self.htmlLines = htmlLines
    }

    // MARK: Head

    /// `<title>`, `<meta name=description|keywords>` and `<html lang>` of a standalone page.
    func headMetadata(_ doc: xmlDocPtr) -> (title: String?, description: String?, keywords: [String], lang: String?) {
        var result: (title: String?, description: String?, keywords: [String], lang: String?) = (nil, nil, [], nil)
        guard let root = xmlDocGetRootElement(doc) else { return result }
        result.lang = root.attribute("lang")
        for child in root.children where child.isElement && child.name == "head" {
            for element in child.children where element.isElement {
                switch element.name {
                case "title": result.title = collapse(element.textContent).trimmingWhitespace()
                case "meta":
                    let content = element.attribute("content")
                    switch element.attribute("name")?.lowercased() {
                    case "description": result.description = content
                    case "keywords": result.keywords = (content ?? "").split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                    default: break
                    }
                default: break
                }
            }
        }
        return result
    }

    // MARK: Blocks

    mutating func flow(_ doc: xmlDocPtr) -> [FlowItem] {
        guard let root = xmlDocGetRootElement(doc) else { return [] }
        var items: [FlowItem] = []
        var pending = InlineBuilder()
        walk(root, depth: 0, into: &items, pending: &pending)
        flush(&pending, into: &items)
        flushAnchors(into: &items)
        return items
    }

    mutating func blocks(ofChildren node: XMLNode, depth: Int) -> [FlowItem] {
        var items: [FlowItem] = []
        var pending = InlineBuilder()
        nested += 1
        defer { nested -= 1 }
        for child in node.children { walk(child, depth: depth + 1, into: &items, pending: &pending) }
        flush(&pending, into: &items)
        return items
    }

    /// Loose inline content becomes a paragraph. When there is none (only white space and
    /// an `<a name="q3"></a>`), the anchors in it stand before what follows.
    mutating func flush(_ pending: inout InlineBuilder, into items: inout [FlowItem]) {
        let content = Self.trimmed(pending.finish())
        pending = InlineBuilder()
        if !content.isEmpty {
            items.append(.block(.paragraph(Paragraph(content))))
        } else if nested == 0 {
            for i in pendingAnchors.indices.dropFirst(runAnchorStart) where pendingAnchors[i].attach == .previous {
                pendingAnchors[i].attach = .adopt
            }
        }
        runAnchorStart = pendingAnchors.count
    }

    mutating func walk(_ node: XMLNode, depth: Int, into items: inout [FlowItem], pending: inout InlineBuilder) {
        if node.isText {
            pending.append(.text(collapse(node.pointee.content.map { String(cString: $0) } ?? "")))
            return
        }
        guard node.isElement else { return }  // comments, processing instructions, DTDs
        let name = node.name
        if depth > maxNesting * 4 {
            warnDepth(node)
            pending.append(.text(collapse(node.textContent)))
            return
        }
        switch HTMLRole.of(name) {
        case .dropped:
            return
        case .inline:
            appendInline(node, depth: depth, to: &pending)
        case .transparent, .droppedVoid:
            recordID(node)
            for child in node.children { walk(child, depth: depth + 1, into: &items, pending: &pending) }
        case .layoutBlock:
            flush(&pending, into: &items)
            if nested == 0 {
                // A section wrapper's id names its heading; another wrapper's, what follows.
                if Self.authorID(node) != nil { recordID(node, attach: Self.startsWithHeading(node) ? .adopt : .following) }
            } else {
                recordID(node)
            }
            flushAnchors(into: &items)
            for child in node.children { walk(child, depth: depth + 1, into: &items, pending: &pending) }
            flush(&pending, into: &items)
        case .block:
            flush(&pending, into: &items)
            flushAnchors(into: &items)
            let converted = block(node, name: name, depth: depth)
            if !pendingIALs.isEmpty { applyIALs(converted.isEmpty, at: node, to: &items) }
            items.append(contentsOf: converted)
            flushAnchors(into: &items)
        }
    }

    /// IAL lines alone apply to the block before: a heading takes the id, a list asking
    /// for `{:toc}` is left out; IALs that ended a paragraph name that paragraph.
    mutating func applyIALs(_ alone: Bool, at node: XMLNode, to items: inout [FlowItem]) {
        let ials = pendingIALs
        pendingIALs = []
        if alone, ials.contains(where: \.asksForContents), nested == 0, case .block(.list)? = items.last {
            items.removeLast()
            noteContents(node)
        }
        for ial in ials {
            guard let id = ial.id else { continue }
            if alone, nested == 0, case .heading(let level, let content, let headingLocation, var anchor)? = items.last, anchor.id == nil {
                anchor.id = id
                anchor.isAttribute = true
                items[items.count - 1] = .heading(level: level, content: content, location: headingLocation, anchor: anchor)
            } else {
                pendingAnchors.append(StrayAnchor(id: id, location: location(node), attach: .previous))
            }
        }
    }

    mutating func noteContents(_ node: XMLNode) {
        diagnostics.append(.note("kramdown's '{:toc}' list is left out: every output makes its own table of contents", at: location(node)))
    }

    private mutating func block(_ node: XMLNode, name: String, depth: Int) -> [FlowItem] {
        let nestingTooDeep = depth > maxNesting && (name == "ul" || name == "ol" || name == "blockquote" || name == "dl" || name == "details")
        if nestingTooDeep {
            warnDepth(node)
            let text = collapse(node.textContent).trimmingWhitespace()
            return text.isEmpty ? [] : [.block(.paragraph(Paragraph([.text(text)])))]
        }
        switch name {
        case "p", "dt", "summary":
            let mark = pendingAnchors.count
            recordID(node)
            var content = Self.trimmed(inlines(node, depth: depth))
            if let range = sourceRange(node), let lines = markdownLines {
                pendingIALs = MarkdownAttributes.stripIALs(&content, lines: lines, first: range.first, last: range.last)
            }
            if content.isEmpty && nested == 0 && pendingIALs.isEmpty {
                // `<a name="q3"></a>` alone in its paragraph stands before what follows.
                for i in pendingAnchors.indices.dropFirst(mark) { pendingAnchors[i].attach = .adopt }
            }
            return content.isEmpty ? [] : [.paragraph(Paragraph(content), location: location(node))]
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(name.dropFirst()))!
            let mark = pendingAnchors.count
            var content = Self.trimmed(inlines(node, depth: depth))
            let (anchor, extra) = headingAnchor(node, content: &content, inner: takeAnchors(since: mark))
            return extra.map(FlowItem.anchor) + [.heading(level: level, content: content, location: location(node), anchor: anchor)]
        case "ul", "ol":
            recordID(node)
            var list = list(node, ordered: name == "ol", depth: depth)
            if let range = sourceRange(node), let lines = markdownLines, let last = list.items.indices.last,
               case .paragraph(var p)? = list.items[last].content.last {
                let ials = MarkdownAttributes.stripIALs(&p.content, lines: lines, first: range.first, last: range.last)
                if ials.contains(where: \.asksForContents) {
                    noteContents(node)
                    return []
                }
                list.items[last].content[list.items[last].content.count - 1] = .paragraph(p)
            }
            return [.block(.list(list))]
        case "li", "dd":
            recordID(node)
            return blocks(ofChildren: node, depth: depth)
        case "pre":
            recordID(node)
            return [.block(.code(codeBlock(node)))]
        case "blockquote":
            recordID(node)
            return [.block(.quote(BlockQuote(lift(blocks(ofChildren: node, depth: depth)))))]
        case "table":
            recordID(node)
            return [.block(.table(table(node, depth: depth)))]
        case "hr":
            recordID(node)
            return [.block(.thematicBreak)]
        case "details":
            return details(node, depth: depth)
        case "dl":
            recordID(node, attach: nested == 0 ? .adopt : .previous)
            return definitionList(node, depth: depth)
        case _ where HTMLVocabulary.collapsibles.contains(name):
            return details(node, depth: depth)
        default:
            recordID(node)
            return blocks(ofChildren: node, depth: depth)
        }
    }

    private mutating func list(_ node: XMLNode, ordered: Bool, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        var loose = false
        for child in node.children where child.isElement {
            guard child.name == "li" else { continue }
            var task: ListItem.Task?
            // GFM task items render as <li><input type="checkbox" [checked]> …
            for grandchild in child.children where grandchild.isElement {
                if grandchild.name == "input", grandchild.attribute("type")?.lowercased() == "checkbox" {
                    task = grandchild.attribute("checked") != nil ? .checked : .unchecked
                }
                if grandchild.name == "p" { loose = true }
                break
            }
            if !loose { loose = child.children.contains { $0.isElement && $0.name == "p" } }
            items.append(ListItem(task: task, content: lift(blocks(ofChildren: child, depth: depth))))
        }
        // cmark's limit: nine digits, so numbering can never overflow downstream.
        let start = ordered ? min(max(node.attribute("start").flatMap { Int($0.trimmingWhitespace()) } ?? 1, 0), 999_999_999) : 1
        return ListBlock(kind: ordered ? .ordered : .bullet, start: start, tight: !loose, items: items)
    }

    private func codeBlock(_ node: XMLNode) -> CodeBlock {
        var language = Self.language(node.attribute("class")) ?? node.attribute("lang")
        for child in node.children where child.isElement && child.name == "code" {
            language = language ?? Self.language(child.attribute("class"))
        }
        var text = node.textContent
        if text.hasSuffix("\n") { text.removeLast() }
        return CodeBlock(language: language, text: text)
    }

    static func language(_ classAttribute: String?) -> String? {
        guard let classes = classAttribute?.split(separator: " ") else { return nil }
        for c in classes {
            if c.hasPrefix("language-") { return String(c.dropFirst(9)) }
            if c.hasPrefix("lang-") { return String(c.dropFirst(5)) }
        }
        return nil
    }

    private mutating func table(_ node: XMLNode, depth: Int) -> Table {
        var rows: [(cells: [TableCell], isHeader: Bool, alignments: [Table.Alignment])] = []
        func collectRows(_ parent: XMLNode, inHead: Bool) {
            for child in parent.children where child.isElement {
                switch child.name {
                case "thead": collectRows(child, inHead: true)
                case "tbody", "tfoot": collectRows(child, inHead: false)
                case "tr":
                    recordID(child)
                    var cells: [TableCell] = []
                    var alignments: [Table.Alignment] = []
                    var allHeaderCells = true
                    for cell in child.children where cell.isElement && (cell.name == "td" || cell.name == "th") {
                        if cell.name == "td" { allHeaderCells = false }
                        recordID(cell)
                        cells.append(TableCell(Self.trimmed(inlines(cell, depth: depth + 2))))
                        alignments.append(Self.alignment(cell))
                    }
                    rows.append((cells, inHead || (rows.isEmpty && allHeaderCells && !cells.isEmpty), alignments))
                default: break
                }
            }
        }
        collectRows(node, inHead: false)
        let headerIndex = rows.firstIndex { $0.isHeader }
        let header = headerIndex.map { rows[$0] }
        let body = rows.enumerated().filter { $0.offset != headerIndex }.map(\.element.cells)
        let columns = max(header?.cells.count ?? 0, body.map(\.count).max() ?? 0)
        var alignments = header?.alignments ?? rows.first?.alignments ?? []
        alignments += Array(repeating: .none, count: max(0, columns - alignments.count))
        return Table(alignments: alignments, header: header?.cells ?? [], rows: body)
    }

    static func alignment(_ cell: XMLNode) -> Table.Alignment {
        var value = cell.attribute("align")?.lowercased()
        if value == nil, let style = cell.attribute("style")?.lowercased(), let range = style.range(of: "text-align:") {
            value = style[range.upperBound...].split(separator: ";").first?.trimmingWhitespace()
        }
        switch value {
        case "left": return .left
        case "center": return .center
        case "right": return .right
        default: return .none
        }
    }

    // MARK: Inlines

    mutating func inlines(_ node: XMLNode, depth: Int) -> [Inline] {
        var builder = InlineBuilder()
        for child in node.children { appendInline(child, depth: depth + 1, to: &builder) }
        return builder.finish()
    }

    private mutating func appendInline(_ node: XMLNode, depth: Int, to builder: inout InlineBuilder) {
        if node.isText {
            builder.append(.text(collapse(node.pointee.content.map { String(cString: $0) } ?? "")))
            return
        }
        guard node.isElement else { return }
        let name = node.name
        let role = HTMLRole.of(name)
        if role == .dropped { return }
        if name == "a" && Self.isPermalink(node) {
            skipLink(node)
            return
        }
        recordID(node)
        if depth > maxNesting * 4 {
            warnDepth(node)
            builder.append(.text(collapse(node.textContent)))
            return
        }
        switch name {
        case "strong", "b": builder.append(.strong(inlines(node, depth: depth)))
        case "em", "i", "cite", "dfn", "var": builder.append(.emphasis(inlines(node, depth: depth)))
        case "del", "s", "strike": builder.append(.strikethrough(inlines(node, depth: depth)))
        case "code", "kbd", "samp", "tt": builder.append(.code(node.textContent))
        case "br": builder.append(.lineBreak)
        case "img":
            if let src = node.attribute("src") {
                builder.append(.image(Image(url: src, title: node.attribute("title"), alt: node.attribute("alt") ?? "")))
            }
        case "a":
            let raw = inlines(node, depth: depth)
            let content = Self.trimmed(raw)
            if let href = node.attribute("href")?.trimmingWhitespace(), !href.isEmpty {
                recordLink(node, href: href)
                // "<a> text </a>": the spaces belong around the link, not in it.
                if case .text(let s)? = raw.first, s.hasPrefix(" ") { builder.append(.text(" ")) }
                builder.append(.link(Link(url: href, title: node.attribute("title"), content: content)))
                if case .text(let s)? = raw.last, s.hasSuffix(" ") { builder.append(.text(" ")) }
            } else {
                content.forEach { builder.append($0) }
            }
        default:
            // span, u, small, and block elements met inside inline content: transparent
            // (a block element there still separates words).
            let isBlock = role == .block || role == .layoutBlock
            if isBlock { builder.append(.text(" ")) }
            inlines(node, depth: depth).forEach { builder.append($0) }
            if isBlock { builder.append(.text(" ")) }
        }
    }

    // MARK: Helpers

    func location(_ node: XMLNode) -> SourceLocation {
        if useSourcePos, let pos = node.attribute("data-sourcepos") {
            // cmark writes "startLine:startCol-endLine:endCol".
            let parts = pos.split(separator: "-").first?.split(separator: ":") ?? []
            if parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) {
                return SourceLocation(file: file, line: line + lineOffset, column: column)
            }
        }
        return SourceLocation(file: file, line: node.line + lineOffset, column: 1)
    }

    private mutating func warnDepth(_ node: XMLNode) {
        guard !warnedDepth else { return }
        warnedDepth = true
        diagnostics.append(.warning("nesting deeper than \(maxNesting) levels is flattened", at: location(node)))
    }

    /// HTML whitespace: any run of spaces, tabs and newlines is one space.
    func collapse(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var inSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                if !inSpace { out.unicodeScalars.append(" ") }
                inSpace = true
            default:
                out.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        return out
    }

    /// Paragraph-level whitespace: none at the ends, none doubled, none around line breaks.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(var s):
                let previousEndsInSpace: Bool
                switch out.last {
                case nil, .lineBreak?: previousEndsInSpace = true
                case .text(let p)?: previousEndsInSpace = p.hasSuffix(" ")
                default: previousEndsInSpace = false
                }
                if previousEndsInSpace { while s.hasPrefix(" ") { s.removeFirst() } }
                // Dropped elements (a <script> between two words) leave doubled spaces.
                while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
                if !s.isEmpty { out.append(.text(s)) }
            case .lineBreak:
                if case .text(let p)? = out.last, p.hasSuffix(" ") { out[out.count - 1] = .text(String(p.dropLast())) }
                out.append(inline)
            default:
                out.append(inline)
            }
        }
        while case .text(let s)? = out.last, s.hasSuffix(" ") {
            let t = String(s.dropLast())
            if t.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(t) }
        }
        while case .lineBreak? = out.last { out.removeLast() }
        return out
    }
}
