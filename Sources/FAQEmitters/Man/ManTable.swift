import FAQModel

extension ManPage {
    /// The line tables are laid out for: man-db's 80-column terminal (line length 78n) less
    /// the page's 7n paragraph indent. Narrower terminals still get a table that fits where
    /// it can, since the widest columns are `x` (they share whatever line is left).
    static let tableLine = 71

    /// A table through tbl: `@` separates columns (and is escaped as `\(at` in cells), the
    /// header row is bold. Links in cells are written as text with the URL after it.
    ///
    /// Columns (`TableColumns`): one whose cells fit its share of the line is written as
    /// plain entries, which tbl sets at their own width on any device; the others are `x`
    /// columns of `T{`…`T}` text blocks, which share the rest of the line and wrap inside.
    /// (tbl's default gives every text block the same share, which overflows the line from
    /// five columns on and needlessly wraps the long column next to a short one.) Every
    /// cell's text starts with `\&`, so none can read as `T}`, `.TE` or a rule (`_`, `=`).
    mutating func table(_ table: Table) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        var natural = [Int](repeating: 0, count: columns)
        for cells in [table.header] + table.rows {
            for (column, cell) in cells.enumerated() { natural[column] = max(natural[column], Self.naturalWidth(cell.content)) }
        }
        let wraps = TableColumns(natural: natural, line: max(20, Self.tableLine - inset)).wraps
        func format(_ column: Int, bold: Bool) -> String {
            let letter: String
            switch column < table.alignments.count ? table.alignments[column] : .none {
            case .none, .left: letter = "l"
            case .center: letter = "c"
            case .right: letter = "r"
            }
            return letter + (bold ? "b" : "") + (wraps[column] ? "x" : "")
        }
        writer.trustedRequest("TS")
        writer.trustedLine("allbox tab(@);")
        if !table.header.isEmpty {
            writer.trustedLine((0..<columns).map { format($0, bold: true) }.joined(separator: " "))
        }
        writer.trustedLine((0..<columns).map { format($0, bold: false) }.joined(separator: " ") + ".")
        if !table.header.isEmpty { row(table.header, wraps: wraps) }
        for cells in table.rows { row(cells, wraps: wraps) }
        writer.trustedRequest("TE")
    }

    /// One row: plain entries on the row's line, each text block on lines of its own
    /// between `T{` (ending a line) and `T}` (starting one).
    private mutating func row(_ cells: [TableCell], wraps: [Bool]) {
        var pending = ""
        var wroteCell = false
        for (column, wrapped) in wraps.enumerated() {
            if column > 0 { pending += "@" }
            guard column < cells.count, Self.hasVisibleContent(cells[column].content) else { continue }
            wroteCell = true
            writer.trustedText(pending + (wrapped ? "T{" : "\\&"))
            if wrapped { writer.endLine() }
            writer.inTableCell = true
            writer.inTableEntry = !wrapped
            inlines(cells[column].content)
            writer.inTableCell = false
            writer.inTableEntry = false
            if wrapped { writer.endLine() }
            pending = wrapped ? "T}" : ""
        }
        writer.trustedText(wroteCell ? pending : "\\&")
        writer.endLine()
    }

    /// A cell's width on one line, as `link` writes it in a cell: a URL that differs from
    /// the link text follows it as ` <URL>`.
    static func naturalWidth(_ content: [Inline]) -> Int {
        var width = DisplayWidth.of(content.plainText)
        content.forEachLink { link in
            if link.content.plainText != link.url { width += 3 + DisplayWidth.of(link.url) }
        }
        return width
    }
}

/// Which columns of a boxed table in a line of `line` ens wrap. Water-filling: a column
/// whose natural width fits the even share of what is left is set at that width, which
/// leaves more for the rest, until no more columns fit; those left share the rest (`x`).
struct TableColumns {
    /// Per column: true for a wrapped (`x`, text block) column.
    let wraps: [Bool]

    init(natural: [Int], line: Int) {
        // allbox: a rule and a space before each column, a space and the rule after the last.
        var left = line - 3 * natural.count - 1
        var open = Set(natural.indices)
        var fixedSome = true
        while fixedSome, !open.isEmpty {
            fixedSome = false
            let share = left / open.count
            for column in open.sorted() where natural[column] <= share {
                open.remove(column)
                left -= natural[column]
                fixedSome = true
            }
        }
        wraps = natural.indices.map(open.contains)
    }
}
