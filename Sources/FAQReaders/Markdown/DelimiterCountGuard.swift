import FAQModel

/// cmark-gfm 0.29 (Debian 12's) matches emphasis delimiters in quadratic time when `*` and `_`
/// runs are mixed in one block (`*b**c__` repeated: 560 KB take 16 s). Inline parsing works
/// block by block, so a stretch between blank lines holding more delimiter runs than any
/// document needs is refused before cmark sees it. This counts runs and builds nothing; a run
/// of `_` inside a word is not counted, because cmark does not stack it (snake_case).
enum DelimiterCountGuard {
    static let maxRunsPerBlock = 5_000

    static func check(_ text: Substring, file: String, lineOffset: Int) throws {
        if try text.utf8.withContiguousStorageIfAvailable({ try check($0, file: file, lineOffset: lineOffset) }) != nil { return }
        try Array(text.utf8).withUnsafeBufferPointer { try check($0, file: file, lineOffset: lineOffset) }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    private static func check(_ b: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) throws {
        var runs = 0
        var line = 1, blockLine = 1
        var lineIsBlank = true
        var i = 0
        while i < b.count {
            let byte = b[i]
            if byte == 0x0A {
                if lineIsBlank {
                    runs = 0
                    blockLine = line + 1
                }
                line += 1
                lineIsBlank = true
                i += 1
                continue
            }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { lineIsBlank = false }
            guard byte == 0x2A || byte == 0x5F else {  // '*' or '_'
                i += 1
                continue
            }
            let start = i
            while i < b.count, b[i] == byte { i += 1 }
            if byte == 0x5F, start > 0, i < b.count, isWordByte(b[start - 1]), isWordByte(b[i]) { continue }
            runs += 1
            if runs > maxRunsPerBlock {
                throw ReadError("a block with more than \(maxRunsPerBlock) runs of '*' or '_' (cmark-gfm would take quadratic time over it); separate its paragraphs with blank lines",
                                at: SourceLocation(file: file, line: blockLine + lineOffset))
            }
        }
    }
}
