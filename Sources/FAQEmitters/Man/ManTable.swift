import FAQModel

extension ManPage {
    /// The line tables are laid out for: man-db's 80-column terminal (line length 78n) less
    /// the page's 7n paragraph indent.
    static let tableLine = 71

    /// A table through tbl: `@` separates columns (and is escaped as `\(at` in cells), the
    /// header row is bold. Links in cells are written as text with the URL after it.
    ///
    /// Columns (`TableColumns`): one whose cells fit its share of the line is written as
    /// plain entries, which tbl sets at their own width on any device; the others are text
    /// blocks (`T{`…`T}`) of a width that shares out the rest of the line, never narrower
    /// than their longest word. (tbl's default gives every text block the same share, which
    /// overflows the line from five columns on and needlessly wraps the long column next to
    /// a short one.) Every cell's text starts with `\&`, so none can read as `T}`, `.TE` or
    /// a rule (`_`, `=`). A table that cannot fit even so is written as records.
    mutating func table(_ table: Table) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        var natural = [Int](repeating: 0, count: columns)
        var longest = [Int](repeating: 0, count: columns)
        for cells in [table.header] + table.rows {
            for (column, cell) in cells.enumerated() {
                let measure = CellMeasure(cell.content, urls: urls)
                natural[column] = max(natural[column], measure.width)
                longest[column] = max(longest[column], measure.longestRun)
            }
        }
        guard let widths = TableColumns(natural: natural, longest: longest, line: Self.tableLine - inset)?.widths else {
            records(table)
            return
        }
        func format(_ column: Int, bold: Bool) -> String {
            let letter: String
            switch column < table.alignments.count ? table.alignments[column] : .none {
            case .none, .left: letter = "l"
            case .center: letter = "c"
            case .right: letter = "r"
            }
            return letter + (bold ? "b" : "") + (widths[column].map { "w(\($0)n)" } ?? "")
        }
        writer.trustedRequest("TS")
        writer.trustedLine("allbox tab(@);")
        if !table.header.isEmpty {
            writer.trustedLine((0..<columns).map { format($0, bold: true) }.joined(separator: " "))
        }
        writer.trustedLine((0..<columns).map { format($0, bold: false) }.joined(separator: " ") + ".")
        let wraps = widths.map { $0 != nil }
        if !table.header.isEmpty { row(table.header, wraps: wraps, header: true) }
        for cells in table.rows { row(cells, wraps: wraps, header: false) }
        writer.trustedRequest("TE")
    }

    /// One row: plain entries on the row's line, each text block on lines of its own
    /// between `T{` (ending a line) and `T}` (starting one).
    private mutating func row(_ cells: [TableCell], wraps: [Bool], header: Bool) {
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
            if header {
                onBoldBase { $0.inlines(cells[column].content) }
            } else {
                inlines(cells[column].content)
            }
            writer.inTableCell = false
            writer.inTableEntry = false
            if wrapped { writer.endLine() }
            pending = wrapped ? "T}" : ""
        }
        writer.trustedText(wroteCell ? pending : "\\&")
        writer.endLine()
    }

    /// A table too wide for the page, as the plain-text output writes one: a paragraph per
    /// row of `Header: value` lines (a header-only table: its cells joined by ` | `).
    private mutating func records(_ table: Table) {
        diagnostics.append(.warning("man page: a table too wide for an 80-column page is laid out as records", at: location))
        var firstParagraph = true
        func startParagraph(_ page: inout ManPage) {
            if !firstParagraph { page.writer.trustedRequest("PP") }
            firstParagraph = false
        }
        let visibleHeader = table.header.filter { Self.hasVisibleContent($0.content) }
        if table.rows.isEmpty, !visibleHeader.isEmpty {
            startParagraph(&self)
            for (i, cell) in visibleHeader.enumerated() {
                if i > 0 { writer.text(" | ") }
                withFont(.bold) { $0.inlines(cell.content) }
            }
            writer.endLine()
        }
        for cells in table.rows where cells.contains(where: { Self.hasVisibleContent($0.content) }) {
            startParagraph(&self)
            var firstLine = true
            for (column, cell) in cells.enumerated() where Self.hasVisibleContent(cell.content) {
                if !firstLine { writer.trustedRequest("br") }
                firstLine = false
                if column < table.header.count, Self.hasVisibleContent(table.header[column].content) {
                    withFont(.bold) { $0.inlines(table.header[column].content) }
                    writer.text(": ")
                }
                inlines(cell.content)
                writer.endLine()
            }
        }
    }

}

/// How wide a cell is on one line and how much room its widest unbreakable run needs, as
/// `ManPage.link` writes a cell: a web or mail target that differs from the link text
/// follows it as ` <URL>`, one that equals it replaces it; breaks are spaces.
struct CellMeasure {
    private(set) var width = 0
    /// Words break every 24 characters (the escaper's break points), URLs after
    /// `/ ? & = # .`; plus a quarter for proportional fonts (`groff -Tps`: a Courier or
    /// capital letter is wider than the en a terminal cell is).
    var longestRun: Int { (longest * 5 + 3) / 4 }
    private var longest = 0

    /// Resolves relative links as the page writes them.
    private let urls: DocumentURLs?

    init(_ content: [Inline], urls: DocumentURLs? = nil) {
        self.urls = urls
        add(content)
    }

    private mutating func add(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): addText(s)
            case .emphasis(let c), .strong(let c), .strikethrough(let c): add(c)
            case .image(let image): addText(image.label)
            case .lineBreak, .softBreak: width += 1
            case .link(let link):
                let address = ManLinkTarget(urls?.absolute(link.url) ?? link.url).address
                if let address, link.content.plainText == address {
                    addURL(address)
                } else {
                    add(link.content)
                    if let address {
                        width += 3
                        addURL(address)
                    }
                }
            }
        }
    }

    private mutating func addText(_ text: String) {
        width += DisplayWidth.of(text)
        for word in text.split(whereSeparator: \.isWhitespace) { longest = max(longest, min(24, DisplayWidth.of(word))) }
    }

    private mutating func addURL(_ url: String) {
        width += DisplayWidth.of(url)
        var run = 0
        for c in url {
            run += DisplayWidth.of(c)
            if let b = c.asciiValue, Roff.breaksURLAfter(b) {
                longest = max(longest, run)
                run = 0
            }
        }
        longest = max(longest, run + 1)  // with the closing `>`
    }
}

/// Column widths for a boxed table in a line of `line` ens. Water-filling: a column whose
/// natural width fits the even share of what is left is set at that width (nil: plain
/// entries), which leaves more for the rest, until no more columns fit. The others wrap:
/// one whose longest unbreakable run exceeds the even share of the rest gets that run's
/// width, the remaining ones share what is left. nil when even that does not fit.
struct TableColumns {
    /// Per column: nil for a column at its natural width, else its text blocks' width.
    let widths: [Int?]

    init?(natural: [Int], longest: [Int], line: Int) {
        // allbox: each column takes its text plus three ens (a space either side and a rule),
        // and the left border one more.
        var left = line - 3 * natural.count - 1
        var open = Set(natural.indices)
        var changed = true
        while changed, !open.isEmpty {
            changed = false
            let share = left / open.count
            for column in open.sorted() where natural[column] <= share {
                open.remove(column)
                left -= natural[column]
                changed = true
            }
        }
        var widths = [Int?](repeating: nil, count: natural.count)
        var sharing = open
        changed = true
        while changed, !sharing.isEmpty {
            changed = false
            let share = left / sharing.count
            for column in sharing.sorted() where longest[column] > share {
                sharing.remove(column)
                widths[column] = longest[column]
                left -= longest[column]
                changed = true
            }
        }
        guard left >= 0 else { return nil }
        for (i, column) in sharing.sorted().enumerated() {
            widths[column] = left / sharing.count + (i < left % sharing.count ? 1 : 0)
        }
        guard open.allSatisfy({ widths[$0]! >= max(1, longest[$0]) }) else { return nil }
        self.widths = widths
    }
}
