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

    /// Line by line, each byte looked for with `memchr`: nearly every byte is neither a
    /// newline nor a delimiter, and this runs over every Markdown input.
    private static func check(_ b: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) throws {
        var runs = 0
        var line = 1, blockLine = 1
        var start = 0
        while start < b.count {
            let end = ByteSearch.first(0x0A, in: b, from: start) ?? b.count
            let text = UnsafeBufferPointer(rebasing: b[start..<end])
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                runs = 0
                blockLine = line + 1
            } else {
                runs += runCount(0x2A, in: text) + runCount(0x5F, in: text)  // '*', '_'
                if runs > maxRunsPerBlock {
                    throw ReadError("a block with more than \(maxRunsPerBlock) runs of '*' or '_' (cmark-gfm would take quadratic time over it); separate its paragraphs with blank lines",
                                    at: SourceLocation(file: file, line: blockLine + lineOffset))
                }
            }
            line += 1
            start = end + 1
        }
    }

    /// The runs of `byte` in one line; a run of `_` inside a word is not one.
    private static func runCount(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 0
        while let start = ByteSearch.first(byte, in: text, from: i) {
            i = start
            while i < text.count, text[i] == byte { i += 1 }
            if byte == 0x5F, start > 0, i < text.count, isWordByte(text[start - 1]), isWordByte(text[i]) { continue }
            count += 1
        }
        return count
    }
}
