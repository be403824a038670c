import FAQModel

extension ManPage {
    /// A table through tbl: `@` separates columns (and is escaped as `\(at` in cells),
    /// every non-empty cell is a `T{`…`T}` text block whose lines all start with `\&`,
    /// the header row is bold. Links in cells are written as text with the URL after it.
    mutating func table(_ table: Table) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        func letter(_ column: Int) -> String {
            switch column < table.alignments.count ? table.alignments[column] : .none {
            case .none, .left: return "l"
            case .center: return "c"
            case .right: return "r"
            }
        }
        writer.trustedRequest("TS")
        writer.trustedLine("allbox tab(@);")
        if !table.header.isEmpty {
            writer.trustedLine((0..<columns).map { letter($0) + "b" }.joined(separator: " "))
        }
        writer.trustedLine((0..<columns).map(letter).joined(separator: " ") + ".")
        if !table.header.isEmpty { row(table.header, columns: columns) }
        for cells in table.rows { row(cells, columns: columns) }
        writer.trustedRequest("TE")
    }

    private mutating func row(_ cells: [TableCell], columns: Int) {
        var pending = ""
        for column in 0..<columns {
            if column > 0 { pending += "@" }
            guard column < cells.count, Self.hasVisibleContent(cells[column].content) else { continue }
            writer.trustedLine(pending + "T{")
            writer.inTableCell = true
            inlines(cells[column].content)
            writer.endLine()
            writer.inTableCell = false
            pending = "T}"
        }
        writer.trustedLine(pending.isEmpty ? "\\&" : pending)
    }
}
