import FAQModel

/// Block content as plain-text lines, each block laid out in the width it is given and
/// indented by its parent (a list item's hanging indent, a quote's `> `), so nesting
/// composes. Width 0 means no wrapping. Shared by the text output and JSON `answer_text`.
struct TextBlocks {
    var inlines: PlainInlines
    /// Tables too wide for their column, laid out as records instead.
    var diagnostics: [Diagnostic] = []
    /// The entry or section being laid out, named by its diagnostics.
    var location: SourceLocation?

    init(inlines: PlainInlines) { self.inlines = inlines }

    /// The lines of `blocks`, separated by blank lines.
    mutating func render(_ blocks: [Block], width: Int, listDepth: Int = 0) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let part = render(block, width: width, listDepth: listDepth)
            if part.isEmpty { continue }
            if !lines.isEmpty { lines.append("") }
            lines += part
        }
        return lines
    }

    mutating func render(_ block: Block, width: Int, listDepth: Int) -> [String] {
        switch block {
        case .paragraph(let p):
            return TextWrapper(width: width).wrap(inlines.pieces(p.content))
        case .heading(let h):
            let lines = TextWrapper(width: width).wrap(inlines.pieces(h.content))
            guard !lines.isEmpty else { return [] }
            var rule = lines.map(DisplayWidth.of).max() ?? 0
            if width > 0 { rule = min(rule, width) }
            return lines + [String(repeating: h.level <= 3 ? "-" : "~", count: max(1, rule))]
        case .list(let list):
            return renderList(list, width: width, listDepth: listDepth)
        case .code(let code):
            return Self.codeLines(code.text).map { $0.isEmpty ? "" : "    " + $0 }
        case .quote(let quote):
            return render(quote.content, width: Self.narrower(width, by: 2), listDepth: listDepth)
                .map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let table):
            var layout = TextTable(table: table)
            let lines = layout.render(width: width, inlines: &inlines)
            if layout.usedRecords {
                diagnostics.append(.warning("a table wider than \(width) columns is laid out as records in plain text", at: location))
            }
            return lines
        case .thematicBreak:
            let mark = "* * *"
            let pad = width > 5 ? (width - 5) / 2 : 0
            return [String(repeating: " ", count: pad) + mark]
        }
    }

    private mutating func renderList(_ list: ListBlock, width: Int, listDepth: Int) -> [String] {
        let bullets = ["*", "-", "+"]
        let numbers = list.items.indices.map { "\(list.start + $0)." }
        let numberWidth = numbers.map(\.count).max() ?? 1
        var lines: [String] = []
        for (i, item) in list.items.enumerated() {
            if !lines.isEmpty && !list.tight { lines.append("") }
            // Ordered markers share one width so the texts align; a task box belongs to its item.
            var marker = list.kind == .bullet ? bullets[listDepth % bullets.count] : numbers[i]
            marker += String(repeating: " ", count: (list.kind == .bullet ? 1 : numberWidth) - marker.count)
            switch item.task {
            case nil: break
            case .checked?: marker += " [x]"
            case .unchecked?: marker += " [ ]"
            }
            let hang = marker.count + 1
            let indent = String(repeating: " ", count: hang)
            var body: [String] = []
            for block in item.content {
                let part = render(block, width: Self.narrower(width, by: hang), listDepth: listDepth + 1)
                if part.isEmpty { continue }
                if !body.isEmpty && !list.tight { body.append("") }
                body += part
            }
            let first = marker + " "
            if body.isEmpty {
                lines.append(trimTrailingSpaces(marker))
                continue
            }
            for (n, line) in body.enumerated() {
                lines.append(line.isEmpty ? "" : (n == 0 ? first : indent) + line)
            }
        }
        return lines
    }

    /// The width left after an indent of `n` columns (0 stays unlimited; never below 1).
    static func narrower(_ width: Int, by n: Int) -> Int {
        width == 0 ? 0 : max(1, width - n)
    }

    /// Lines of literal text: tabs expanded to 8-column stops, other controls dropped,
    /// trailing spaces removed. Never wrapped.
    static func codeLines(_ text: String) -> [String] {
        if let lines = asciiCodeLines(text) { return lines }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { raw in
            var line = ""
            var column = 0
            for c in raw {
                if c == "\t" {
                    let n = 8 - column % 8
                    line += String(repeating: " ", count: n)
                    column += n
                    continue
                }
                if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
                line.append(c)
                column += DisplayWidth.of(c)
            }
            return trimTrailingSpaces(line)
        }
    }

    /// `codeLines` on bytes for ASCII text whose only line separator is LF (one byte is
    /// one Character of width 1 there); nil for anything else.
    private static func asciiCodeLines(_ text: String) -> [String]? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0B && $0 != 0x0C && $0 != 0x0D }) else { return nil }
        var lines: [String] = []
        var line: [UInt8] = []
        func end() {
            while line.last == UInt8(ascii: " ") { line.removeLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        for byte in utf8 {
            switch byte {
            case 0x0A:
                end()
            case 0x09:
                line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 8 - line.count % 8))
            case 0x00..<0x20, 0x7F:
                continue  // controls are dropped
            default:
                line.append(byte)
            }
        }
        end()
        return lines
    }
}
