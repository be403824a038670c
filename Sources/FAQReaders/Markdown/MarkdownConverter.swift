import CCmarkGFM
import FAQModel

/// Converts a cmark-gfm tree into model values in one pass. Nesting deeper than
/// `maxNesting` is flattened to its text (with a warning) so no input can exhaust the stack.
struct MarkdownConverter {
    let file: String
    /// Lines before the Markdown text (front matter), added to cmark's line numbers.
    let lineOffset: Int
    let maxNesting: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The nesting warning, given once per converter.
    private(set) var depthWarning: Diagnostic?
    private var kinds: [UInt32: NodeKind] = [:]
    /// Every `#fragment` link and where it is, for `AnchorCheck` (the model keeps no positions
    /// of inlines).
    private(set) var fragmentLinks: [AnchorCheck.Place] = []
    /// Set when raw HTML was met: the caller then reads the document as HTML instead.
    private(set) var sawHTML = false
    /// Read once, after `CmarkDocument` registered the extensions (the pointer never changes).
    nonisolated(unsafe) private static let tasklist = cmark_find_syntax_extension("tasklist")

    init(file: String, lineOffset: Int, maxNesting: Int) {
        self.file = file
        self.lineOffset = lineOffset
        self.maxNesting = maxNesting
    }

    enum NodeKind {
        case document, blockQuote, list, item, taskItem, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell, text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        case link, image, strikethrough, other
    }

    /// Core kinds are fixed; extension kinds are registered at run time, so they are
    /// recognised once by name and cached by value.
    mutating func kind(_ node: OpaquePointer) -> NodeKind {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_ITEM {
            // A task item keeps the item type; the tasklist extension marks it.
            return cmark_node_get_syntax_extension(node) == Self.tasklist && Self.tasklist != nil ? .taskItem : .item
        }
        if let known = kinds[type.rawValue] { return known }
        let name = String(cString: cmark_node_get_type_string(node))
        let kind: NodeKind
        switch name {
        case "document": kind = .document
        case "block_quote": kind = .blockQuote
        case "list": kind = .list
        case "item": kind = .item
        case "tasklist": kind = .taskItem
        case "code_block": kind = .codeBlock
        case "html_block": kind = .htmlBlock
        case "paragraph": kind = .paragraph
        case "heading": kind = .heading
        case "thematic_break": kind = .thematicBreak
        case "table": kind = .table
        case "table_header", "table_row": kind = .tableRow
        case "table_cell": kind = .tableCell
        case "text": kind = .text
        case "softbreak": kind = .softBreak
        case "linebreak": kind = .lineBreak
        case "code": kind = .code
        case "html_inline": kind = .htmlInline
        case "emph": kind = .emphasis
        case "strong": kind = .strong
        case "link": kind = .link
        case "image": kind = .image
        case "strikethrough": kind = .strikethrough
        default: kind = .other
        }
        kinds[type.rawValue] = kind
        if kind == .htmlBlock || kind == .htmlInline { sawHTML = true }
        return kind
    }

    /// The top-level blocks as flow items (headings stay apart for `FAQStructure`). Each
    /// converted block is freed at once, so the C tree shrinks as the model grows instead of
    /// both peaking together. Raw HTML stops the conversion (`sawHTML`): that document is
    /// read again through the HTML path.
    mutating func flow(_ root: OpaquePointer) -> [FlowItem] {
        var items: [FlowItem] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            let k = kind(node)
            if k == .heading {
                items.append(.heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(node, depth: 1), location: location(node)))
            } else if k == .paragraph {
                let content = inlines(node, depth: 1)
                if let definition = DefinitionParagraph(content) {
                    items.append(.entry(question: definition.term, answer: [.paragraph(Paragraph(definition.definition))], location: location(node)))
                } else if !content.isEmpty {
                    items.append(.paragraph(Paragraph(content), location: location(node)))
                }
            } else {
                items.append(contentsOf: blocks(node, depth: 1).map(FlowItem.block))
            }
            if sawHTML { return [] }
            child = cmark_node_next(node)
            cmark_node_free(node)
        }
        return items
    }

    private func location(_ node: OpaquePointer) -> SourceLocation {
        SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)) + lineOffset, column: Int(max(1, cmark_node_get_start_column(node))))
    }

    private mutating func children(_ node: OpaquePointer, depth: Int) -> [Block] {
        var out: [Block] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(contentsOf: blocks(c, depth: depth + 1))
            child = cmark_node_next(c)
        }
        return out
    }

    private mutating func blocks(_ node: OpaquePointer, depth: Int) -> [Block] {
        let k = kind(node)
        if depth > maxNesting, k == .blockQuote || k == .list || k == .item || k == .taskItem {
            warnDepth(node)
            let text = Self.flatText(node)
            return text.isEmpty ? [] : [.paragraph(Paragraph([.text(text)]))]
        }
        switch k {
        case .paragraph:
            let content = inlines(node, depth: depth)
            return content.isEmpty ? [] : [.paragraph(Paragraph(content))]
        case .heading:
            return [.heading(Heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(node, depth: depth)))]
        case .blockQuote:
            return [.quote(BlockQuote(children(node, depth: depth)))]
        case .list:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var items: [ListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                let task: ListItem.Task? = kind(item) == .taskItem
                    ? (cmark_gfm_extensions_get_tasklist_item_checked(item) ? .checked : .unchecked) : nil
                items.append(ListItem(task: task, content: children(item, depth: depth)))
                child = cmark_node_next(item)
            }
            return [.list(ListBlock(
                kind: ordered ? .ordered : .bullet, start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
                tight: cmark_node_get_list_tight(node) != 0, items: items))]
        case .codeBlock:
            var text = Self.string(cmark_node_get_literal(node))
            if text.hasSuffix("\n") { text.removeLast() }
            let info = Self.string(cmark_node_get_fence_info(node)).split(separator: " ").first.map(String.init)
            return [.code(CodeBlock(language: info.flatMap { $0.isEmpty ? nil : $0 }, text: text))]
        case .thematicBreak:
            return [.thematicBreak]
        case .table:
            return [.table(table(node, depth: depth))]
        case .item, .taskItem, .document:
            return children(node, depth: depth)
        case .htmlBlock, .tableRow, .tableCell, .text, .softBreak, .lineBreak, .code, .htmlInline,
            .emphasis, .strong, .link, .image, .strikethrough, .other:
            // Raw HTML never reaches here (such documents take the HTML path); unknown
            // extension blocks keep their text.
            let text = Self.flatText(node)
            return text.isEmpty ? [] : [.paragraph(Paragraph([.text(text)]))]
        }
    }

    private mutating func table(_ node: OpaquePointer, depth: Int) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments = [Table.Alignment](repeating: .none, count: columns)
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments[i] = .left
                case UInt8(ascii: "c"): alignments[i] = .center
                case UInt8(ascii: "r"): alignments[i] = .right
                default: alignments[i] = .none
                }
            }
        }
        var header: [TableCell] = []
        var rows: [[TableCell]] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            var cells: [TableCell] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                cells.append(TableCell(inlines(cell, depth: depth + 1)))
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 && header.isEmpty { header = cells } else { rows.append(cells) }
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    private mutating func inlines(_ node: OpaquePointer, depth: Int) -> [Inline] {
        var builder = InlineBuilder()
        var child = cmark_node_first_child(node)
        while let c = child {
            appendInline(c, depth: depth + 1, to: &builder)
            child = cmark_node_next(c)
        }
        return builder.finish()
    }

    private mutating func appendInline(_ node: OpaquePointer, depth: Int, to builder: inout InlineBuilder) {
        let k = kind(node)
        if depth > maxNesting, k == .emphasis || k == .strong || k == .strikethrough || k == .link {
            warnDepth(node)
            builder.append(.text(Self.flatText(node)))
            return
        }
        switch k {
        case .text: builder.append(.text(Self.string(cmark_node_get_literal(node))))
        case .code: builder.append(.code(Self.string(cmark_node_get_literal(node))))
        case .softBreak: builder.append(.softBreak)
        case .lineBreak: builder.append(.lineBreak)
        case .emphasis: builder.append(.emphasis(inlines(node, depth: depth)))
        case .strong: builder.append(.strong(inlines(node, depth: depth)))
        case .strikethrough: builder.append(.strikethrough(inlines(node, depth: depth)))
        case .link:
            let url = Self.string(cmark_node_get_url(node))
            if url.hasPrefix("#") { fragmentLinks.append(AnchorCheck.Place(url: url, location: location(node))) }
            builder.append(.link(Link(url: url, title: Self.optional(cmark_node_get_title(node)), content: inlines(node, depth: depth))))
        case .image:
            builder.append(.image(Image(url: Self.string(cmark_node_get_url(node)), title: Self.optional(cmark_node_get_title(node)), alt: Self.flatText(node))))
        case .htmlInline, .other, .document, .blockQuote, .list, .item, .taskItem, .codeBlock, .htmlBlock,
            .paragraph, .heading, .thematicBreak, .table, .tableRow, .tableCell:
            builder.append(.text(Self.flatText(node)))
        }
    }

    private mutating func warnDepth(_ node: OpaquePointer) {
        guard depthWarning == nil else { return }
        let warning = Diagnostic.warning("nesting deeper than \(maxNesting) levels is flattened", at: location(node))
        depthWarning = warning
        diagnostics.append(warning)
    }

    /// The text of every leaf under `node`, walked with cmark's iterator (no recursion).
    static func flatText(_ node: OpaquePointer) -> String {
        var out = ""
        let iter = cmark_iter_new(node)
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            if n != node, let literal = cmark_node_get_literal(n) {
                out += String(cString: literal)
            } else if cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(n) == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }

    static func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
    static func optional(_ p: UnsafePointer<CChar>?) -> String? {
        guard let p, p.pointee != 0 else { return nil }
        return String(cString: p)
    }
}
