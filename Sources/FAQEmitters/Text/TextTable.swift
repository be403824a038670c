import FAQModel

/// A table in plain text: columns aligned by display width, two spaces apart, the header
/// underlined with dashes. When the grid is wider than the available width it becomes
/// records (`Header: value` lines, wrapped with a hanging indent, a blank line between
/// rows), so no line overflows; the caller reports that as lossy.
struct TextTable {
    let table: Table
    private(set) var usedRecords = false

    init(table: Table) { self.table = table }

    mutating func render(width: Int, inlines: inout PlainInlines) -> [String] {
        let header = table.header.map { inlines.singleLine($0.content) }
        let rows = table.rows.map { $0.map { inlines.singleLine($0.content) } }
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        let hasHeader = header.contains { !$0.isEmpty }

        var widths = [Int](repeating: 0, count: columns)
        for row in [header] + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        let total = widths.reduce(0, +) + 2 * (columns - 1)
        if width > 0 && total > width {
            usedRecords = true
            return records(header: header, rows: rows, width: width)
        }

        var lines: [String] = []
        if hasHeader {
            lines.append(line(header, widths))
            lines.append(widths.map { String(repeating: "-", count: max(1, $0)) }.joined(separator: "  "))
        }
        for row in rows { lines.append(line(row, widths)) }
        return lines
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var out = ""
        for i in widths.indices {
            let cell = i < cells.count ? cells[i] : ""
            let pad = widths[i] - DisplayWidth.of(cell)
            let alignment = i < table.alignments.count ? table.alignments[i] : .none
            if i > 0 { out += "  " }
            switch alignment {
            case .right:
                out += String(repeating: " ", count: pad) + cell
            case .center:
                out += String(repeating: " ", count: pad / 2) + cell + String(repeating: " ", count: pad - pad / 2)
            case .left, .none:
                out += cell + String(repeating: " ", count: pad)
            }
        }
        return trimTrailingSpaces(out)
    }

    private func records(header: [String], rows: [[String]], width: Int) -> [String] {
        let wrapper = TextWrapper(width: width)
        var lines: [String] = []
        for row in rows {
            if !lines.isEmpty { lines.append("") }
            for (i, cell) in row.enumerated() {
                let name = i < header.count ? header[i] : ""
                let label = name.isEmpty ? "" : name + ": "
                let rest = String(repeating: " ", count: min(4, DisplayWidth.of(label)))
                let wrapped = wrapper.wrap([.text(label + cell)], rest: rest)
                lines += wrapped.isEmpty ? [] : wrapped
            }
        }
        if rows.isEmpty {
            lines = wrapper.wrap(header.joined(separator: " | "))
        }
        return lines
    }
}
