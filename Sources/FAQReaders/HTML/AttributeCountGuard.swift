import FAQModel

/// libxml2 2.9's HTML parser checks each attribute of a start tag against every earlier one,
/// so one tag with k attributes costs k² (200,000 attributes: over a minute). No page needs
/// a thousand attributes on one element, so a tag with more is refused before libxml2 sees
/// it. This only counts: it follows a tag's quoting to find its end and builds nothing.
enum AttributeCountGuard {
    static let maxAttributes = 1_000

    static func check(_ html: Substring, file: String, lineOffset: Int) throws {
        if try html.utf8.withContiguousStorageIfAvailable({ try check($0, file: file, lineOffset: lineOffset) }) != nil { return }
        try Array(html.utf8).withUnsafeBufferPointer { try check($0, file: file, lineOffset: lineOffset) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func check(_ b: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) throws {
        let end = b.count
        var i = 0
        while let open = ByteSearch.first(0x3C, in: b, from: i) {  // '<'
            i = open + 1
            guard i < end else { return }
            if b[i] == 0x21 || b[i] == 0x3F {  // '<!' or '<?': a comment or declaration, skipped whole
                let isComment = i + 2 < end && b[i + 1] == 0x2D && b[i + 2] == 0x2D
                i = isComment ? endOfComment(b, from: i + 3) : (ByteSearch.first(0x3E, in: b, from: i) ?? end)
                continue
            }
            guard isLetter(b[i]) else { continue }
            while i < end, !isSpace(b[i]), b[i] != 0x3E, b[i] != 0x2F { i += 1 }  // the tag name
            var attributes = 0
            while i < end, b[i] != 0x3E {
                if isSpace(b[i]) || b[i] == 0x2F { i += 1; continue }
                attributes += 1
                if attributes > maxAttributes {
                    throw ReadError("an HTML tag with more than \(maxAttributes) attributes (libxml2 would take quadratic time over it)",
                                    at: location(of: open, in: b, file: file, lineOffset: lineOffset))
                }
                while i < end, !isSpace(b[i]), b[i] != 0x3E, b[i] != 0x2F, b[i] != 0x3D { i += 1 }  // the name
                while i < end, isSpace(b[i]) { i += 1 }
                guard i < end, b[i] == 0x3D else { continue }  // '='
                i += 1
                while i < end, isSpace(b[i]) { i += 1 }
                if i < end, b[i] == 0x22 || b[i] == 0x27 {  // a quoted value
                    i = (ByteSearch.first(b[i], in: b, from: i + 1) ?? end - 1) + 1
                } else {
                    while i < end, !isSpace(b[i]), b[i] != 0x3E { i += 1 }
                }
            }
        }
    }

    private static func endOfComment(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while let dash = ByteSearch.first(0x2D, in: b, from: i) {
            if dash + 2 < b.count, b[dash + 1] == 0x2D, b[dash + 2] == 0x3E { return dash + 3 }
            i = dash + 1
        }
        return b.count
    }

    /// Line and column (in characters) of byte `offset`: counted once, on the error path.
    private static func location(of offset: Int, in b: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) -> SourceLocation {
        var line = 1, column = 1
        for byte in b[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }
}
