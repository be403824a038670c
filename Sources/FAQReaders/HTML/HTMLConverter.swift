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
    private(set) var diagnostics: [Diagnostic] = []
    private var warnedDepth = false
    private var currentLine = 1

    init(file: String, lineOffset: Int, maxNesting: Int, useSourcePos: Bool) {
        self.file = file
        self.lineOffset = lineOffset
        self.maxNesting = maxNesting
        self.useSourcePos = useSourcePos
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
        return items
    }

    private mutating func blocks(ofChildren node: XMLNode, depth: Int) -> [FlowItem] {
        var items: [FlowItem] = []
        var pending = InlineBuilder()
        for child in node.children { walk(child, depth: depth + 1, into: &items, pending: &pending) }
        flush(&pending, into: &items)
        return items
    }

    private mutating func flush(_ pending: inout InlineBuilder, into items: inout [FlowItem]) {
        let content = Self.trimmed(pending.finish())
        pending = InlineBuilder()
        if !content.isEmpty { items.append(.block(.paragraph(Paragraph(content)))) }
    }

    private mutating func walk(_ node: XMLNode, depth: Int, into items: inout [FlowItem], pending: inout InlineBuilder) {
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
            for child in node.children { walk(child, depth: depth + 1, into: &items, pending: &pending) }
        case .layoutBlock:
            flush(&pending, into: &items)
            for child in node.children { walk(child, depth: depth + 1, into: &items, pending: &pending) }
            flush(&pending, into: &items)
        case .block:
            flush(&pending, into: &items)
            items.append(contentsOf: block(node, name: name, depth: depth))
        }
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
            let content = Self.trimmed(inlines(node, depth: depth))
            return content.isEmpty ? [] : [.paragraph(Paragraph(content), location: location(node))]
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(String(name.dropFirst()))!
            return [.heading(level: level, content: Self.trimmed(inlines(node, depth: depth)), location: location(node))]
        case "ul", "ol":
            return [.block(.list(list(node, ordered: name == "ol", depth: depth)))]
        case "li", "dd":
            return blocks(ofChildren: node, depth: depth)
        case "pre":
            return [.block(.code(codeBlock(node)))]
        case "blockquote":
            return [.block(.quote(BlockQuote(blocks(ofChildren: node, depth: depth).asBlocks)))]
        case "table":
            return [.block(.table(table(node, depth: depth)))]
        case "hr":
            return [.block(.thematicBreak)]
        case "details":
            return details(node, depth: depth)
        case "dl":
            return definitionList(node, depth: depth)
        case _ where HTMLVocabulary.collapsibles.contains(name):
            return details(node, depth: depth)
        default:
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
            items.append(ListItem(task: task, content: blocks(ofChildren: child, depth: depth).asBlocks))
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
                    var cells: [TableCell] = []
                    var alignments: [Table.Alignment] = []
                    var allHeaderCells = true
                    for cell in child.children where cell.isElement && (cell.name == "td" || cell.name == "th") {
                        if cell.name == "td" { allHeaderCells = false }
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

    /// `<details><summary>Q</summary>A…</details>`: an entry at the top level. MDX
    /// components (`<Collapse title="Q">`, `<Details summary="Q">`) give their question in an
    /// attribute.
    private mutating func details(_ node: XMLNode, depth: Int) -> [FlowItem] {
        let hasSummary = node.children.contains { $0.isElement && $0.name == "summary" }
        var question: [Inline] = hasSummary ? [] : HTMLVocabulary.questionAttributes.lazy.compactMap { node.attribute($0) }
            .first { !$0.allSatisfy(\.isWhitespace) }
            .map { [.text(collapse($0).trimmingWhitespace())] } ?? []
        var answer: [FlowItem] = []
        var pending = InlineBuilder()
        for child in node.children {
            if child.isElement && child.name == "summary" && question.isEmpty {
                question = Self.trimmed(inlines(child, depth: depth + 1))
            } else {
                walk(child, depth: depth + 1, into: &answer, pending: &pending)
            }
        }
        flush(&pending, into: &answer)
        if question.isEmpty { return answer }
        return [.entry(question: question, answer: answer.asBlocks, location: location(node))]
    }

    /// `<dl><dt>Q</dt><dd>A</dd>…</dl>`: one entry per term.
    private mutating func definitionList(_ node: XMLNode, depth: Int) -> [FlowItem] {
        var items: [FlowItem] = []
        var question: [Inline]?
        var questionLocation: SourceLocation?
        var answer: [Block] = []
        func close() {
            if let q = question { items.append(.entry(question: q, answer: answer, location: questionLocation)) }
            question = nil
            answer = []
        }
        for child in node.children where child.isElement {
            switch child.name {
            case "dt":
                close()
                question = Self.trimmed(inlines(child, depth: depth + 1))
                questionLocation = location(child)
            case "dd":
                answer += blocks(ofChildren: child, depth: depth + 1).asBlocks
            default:
                break
            }
        }
        close()
        return items
    }

    // MARK: Inlines

    private mutating func inlines(_ node: XMLNode, depth: Int) -> [Inline] {
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

    private func location(_ node: XMLNode) -> SourceLocation {
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
    private func collapse(_ text: String) -> String {
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
